//! Overbooking from experience: some who hold a seat do not come, so more seats can be
//! given than the rooms hold. How many, past editions tell: their show rate (who came of
//! those confirmed) for the same ticket. The venue's hard limit (fire code) is a separate
//! number that no seat given ever passes (`seats::take`).

use devday_db::schema::ticket_types::dsl as tt;
use devday_db::DbConn;
use devday_shared::editions::{queries, Edition};
use devday_shared::vocabulary::{EditionId, TicketTypeId};
use devday_shared::{AppError, AppResult, FieldErrors};
use diesel::prelude::*;
use serde::Serialize;

use crate::model::TicketType;

/// How many earlier editions the suggestion looks at, newest first.
const YEARS: usize = 5;

/// One earlier edition's show rate for the ticket.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PastShow {
    pub edition: String,
    pub came: i64,
    pub confirmed: i64,
    pub percent: i64,
}

/// What the past suggests for a ticket type.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Suggestion {
    pub past: Vec<PastShow>,
    /// The margin that, at the highest show rate seen, still seats everyone who comes;
    /// `None` without history.
    pub margin: Option<i32>,
    /// The show rate the margin is based on.
    pub basis: Option<i64>,
}

/// The margin that fills `capacity` when `percent` of the holders come, kept below the
/// hard limit.
pub fn margin_for(capacity: i32, percent: i64, hard_limit: Option<i32>) -> i32 {
    if percent <= 0 {
        return 0;
    }
    let given = i64::from(capacity) * 100 / percent.min(100);
    let margin = i32::try_from(given - i64::from(capacity))
        .unwrap_or(i32::MAX)
        .max(0);
    match hard_limit {
        Some(limit) => margin.min((limit - capacity).max(0)),
        None => margin,
    }
}

/// The same ticket (by its English name) in the editions before `edition`, and the margin
/// their highest show rate allows: planning for the year the most people came.
pub fn suggest(conn: &mut DbConn, edition: &Edition, ticket: &TicketType) -> AppResult<Suggestion> {
    let mut earlier: Vec<Edition> = queries::all(conn)?
        .into_iter()
        .filter(|e| e.starts_on < edition.starts_on)
        .collect();
    earlier.sort_by_key(|e| std::cmp::Reverse(e.starts_on));
    let mut past = Vec::new();
    for then in earlier.into_iter().take(YEARS) {
        let rates = devday_badges::report::show_rates(conn, &then)?;
        if let Some((_, came, confirmed)) =
            rates.into_iter().find(|(name, _, _)| *name == ticket.name)
        {
            past.push(PastShow {
                edition: then.name,
                came,
                confirmed,
                percent: came * 100 / confirmed.max(1),
            });
        }
    }
    let basis = past.iter().map(|p| p.percent).max();
    Ok(Suggestion {
        margin: basis.map(|b| margin_for(ticket.capacity, b, ticket.hard_limit)),
        basis,
        past,
    })
}

/// Sets a ticket type's margin and hard limit. The margin is at most the capacity again;
/// a hard limit below the seats already given is refused (they cannot be taken back).
pub fn set(
    conn: &mut DbConn,
    edition_id: &EditionId,
    id: &TicketTypeId,
    overbook: &str,
    hard_limit: &str,
) -> AppResult<()> {
    let ticket: TicketType = tt::ticket_types
        .filter(tt::id.eq(id))
        .filter(tt::edition_id.eq(edition_id))
        .select(TicketType::as_select())
        .first(conn)
        .optional()?
        .ok_or(AppError::NotFound)?;
    let field = format!("overbooking-{id}");
    let mut errors = FieldErrors::new();
    let overbook = match overbook.trim() {
        "" => Some(0),
        n => n
            .parse::<i32>()
            .ok()
            .filter(|n| (0..=ticket.capacity).contains(n)),
    };
    if overbook.is_none() {
        errors.add(&field, "overbook-out-of-range");
    }
    let hard_limit = match hard_limit.trim() {
        "" => Ok(None),
        n => n
            .parse::<i32>()
            .ok()
            .filter(|n| (1..=crate::settings::MAX_CAPACITY).contains(n))
            .map(Some)
            .ok_or(()),
    };
    match hard_limit {
        Err(()) => errors.add(&field, "hard-limit-out-of-range"),
        Ok(Some(limit)) if limit < ticket.taken => errors.add(&field, "hard-limit-below-taken"),
        Ok(_) => {}
    }
    errors.into_result()?;
    let n = diesel::update(
        tt::ticket_types
            .filter(tt::id.eq(id))
            .filter(tt::edition_id.eq(edition_id)),
    )
    .set((
        tt::overbook.eq(overbook.unwrap_or(0)),
        tt::hard_limit.eq(hard_limit.unwrap_or(None)),
    ))
    .execute(conn)?;
    if n == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::margin_for;

    #[test]
    fn the_margin_fills_the_rooms_at_the_show_rate_and_stays_below_the_limit() {
        assert_eq!(margin_for(400, 80, None), 100, "400 / 0.8 = 500 seats");
        assert_eq!(margin_for(400, 100, None), 0, "everyone came: no margin");
        assert_eq!(margin_for(400, 80, Some(450)), 50, "the fire code caps it");
        assert_eq!(margin_for(400, 80, Some(300)), 0);
        assert_eq!(margin_for(400, 0, None), 0, "no show rate, no guess");
    }
}
