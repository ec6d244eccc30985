//! Rows of the timetable tables and the grid settings.

use chrono::{NaiveDateTime, NaiveTime};
use devday_shared::vocabulary::EditionId;
use devday_shared::vocabulary::ProposalId;
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

devday_db::id_type!(
    /// A room of the venue (or a stream of a remote edition).
    #[derive(Serialize, serde::Deserialize, ToSchema)]
    #[serde(transparent)]
    #[schema(value_type = String)]
    pub struct RoomId;
);

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize, ToSchema)]
#[diesel(table_name = devday_db::schema::rooms)]
pub struct Room {
    pub id: RoomId,
    pub edition_id: EditionId,
    pub name: String,
    pub capacity: i32,
    pub position: i32,
    pub stream_url: String,
}

devday_db::id_type!(
    /// A break in the timetable (lunch, coffee).
    #[derive(Serialize, serde::Deserialize, ToSchema)]
    #[serde(transparent)]
    #[schema(value_type = String)]
    pub struct BreakId;
);

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize, ToSchema)]
#[diesel(table_name = devday_db::schema::schedule_breaks)]
pub struct Break {
    pub id: BreakId,
    pub edition_id: EditionId,
    pub title: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
}

/// Where a session sits in the draft. `room_id` `None` spans all rooms.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = devday_db::schema::placements)]
pub struct Placement {
    pub proposal_id: ProposalId,
    pub edition_id: EditionId,
    pub room_id: Option<RoomId>,
    pub starts_at: NaiveDateTime,
    pub duration_minutes: i32,
    /// Counts changes; an edit names the version it started from.
    pub version: i32,
    pub updated_at: NaiveDateTime,
    /// The optimiser leaves it where it is.
    pub pinned: bool,
}

impl Placement {
    pub fn ends_at(&self) -> NaiveDateTime {
        self.starts_at + chrono::Duration::minutes(i64::from(self.duration_minutes))
    }
}

/// The day grid: sessions start on the granularity within the day's hours (local time).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GridSettings {
    #[schema(value_type = String)]
    pub day_starts: NaiveTime,
    #[schema(value_type = String)]
    pub day_ends: NaiveTime,
    pub granularity_minutes: i32,
    /// Minutes a speaker needs between two sessions in different rooms.
    pub change_minutes: i32,
}

impl Default for GridSettings {
    fn default() -> Self {
        GridSettings {
            day_starts: NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default(),
            day_ends: NaiveTime::from_hms_opt(18, 0, 0).unwrap_or_default(),
            granularity_minutes: 5,
            change_minutes: 5,
        }
    }
}
