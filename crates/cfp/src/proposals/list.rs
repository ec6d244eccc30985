//! The organisers' list of proposals: filters, full-text search, sorting, pages.

use crate::model::ProposalId;
use devday_shared::vocabulary::EditionId;
use devday_shared::vocabulary::UserId;
use std::collections::HashMap;

use crate::model::ProposalState;
use devday_db::schema::{
    proposal_speakers::dsl as ps, proposals::dsl as p, session_types::dsl as st, tracks::dsl as tr,
    users::dsl as u,
};
use devday_db::DbConn;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::model::{Proposal, SpeakerSummary};

#[derive(Debug, Clone, Default, Serialize, Deserialize, IntoParams)]
#[serde(default)]
pub struct Filter {
    /// draft, submitted, accepted, rejected, confirmed, declined, withdrawn, cancelled
    pub state: String,
    pub session_type: String,
    pub track: String,
    /// de or en
    pub language: String,
    pub level: String,
    /// Words searched in title, abstract and speakers' names and emails.
    pub q: String,
    /// title, created, updated or state; `-` in front for descending.
    pub sort: String,
    /// 1-based page.
    pub page: i64,
    pub per_page: i64,
}

impl Filter {
    /// A filter from a person's query: at most 500 a page.
    pub fn for_people(mut self) -> Self {
        self.per_page = if self.per_page <= 0 {
            50
        } else {
            self.per_page.min(500)
        };
        self
    }

    /// The query string of this filter without its page, for page links.
    pub fn without_page(&self) -> String {
        let pairs = [
            ("state", &self.state),
            ("session_type", &self.session_type),
            ("track", &self.track),
            ("language", &self.language),
            ("level", &self.level),
            ("q", &self.q),
            ("sort", &self.sort),
        ];
        serde_urlencoded::to_string(
            pairs
                .iter()
                .filter(|(_, v)| !v.is_empty())
                .collect::<Vec<_>>(),
        )
        .unwrap_or_default()
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Row {
    #[serde(flatten)]
    #[schema(inline)]
    pub proposal: ProposalSummary,
    pub session_type: String,
    /// The German names (`shared::bilingual`); pages show the reader's.
    pub session_type_de: String,
    pub track: Option<String>,
    pub track_de: Option<String>,
    pub track_colour: Option<String>,
    pub speakers: Vec<SpeakerSummary>,
}

/// The list's view of a proposal (the full one has the texts).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProposalSummary {
    pub id: ProposalId,
    pub title: String,
    pub state: ProposalState,
    pub language: String,
    pub level: String,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
}

pub struct Page {
    pub rows: Vec<Row>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

pub fn list(conn: &mut DbConn, edition_id: &EditionId, filter: &Filter) -> QueryResult<Page> {
    let build = || {
        let mut query = p::proposals
            .filter(p::edition_id.eq(edition_id.to_owned()))
            .into_boxed();
        // Drafts are the speakers' own until submitted; only an explicit filter shows them.
        if filter.state.is_empty() {
            query = query.filter(p::state.ne(ProposalState::Draft));
        } else {
            query = query.filter(p::state.eq(filter.state.clone()));
        }
        if !filter.session_type.is_empty() {
            query = query.filter(p::session_type_id.eq(filter.session_type.clone()));
        }
        if !filter.track.is_empty() {
            query = query.filter(p::track_id.eq(filter.track.clone()));
        }
        if !filter.language.is_empty() {
            query = query.filter(p::language.eq(filter.language.clone()));
        }
        if !filter.level.is_empty() {
            query = query.filter(p::level.eq(filter.level.clone()));
        }
        for word in filter.q.to_lowercase().split_whitespace().take(8) {
            let escaped = word.replace(['%', '_'], "");
            query = query.filter(p::search_text.like(format!("%{escaped}%")));
        }
        query
    };
    let total: i64 = build().count().get_result(conn)?;
    let per_page = if filter.per_page <= 0 {
        50
    } else {
        filter.per_page.min(500)
    };
    // Any page number a client sends is answered, beyond the last with an empty page; the
    // clamp keeps the offset's multiplication from overflowing (found by the API fuzzer).
    let page = filter.page.clamp(1, 1_000_000);
    let mut query = build().select(Proposal::as_select());
    query = match filter.sort.as_str() {
        "title" => query.order(p::title.asc()),
        "-title" => query.order(p::title.desc()),
        "updated" => query.order(p::updated_at.asc()),
        "-updated" => query.order(p::updated_at.desc()),
        "state" => query.order((p::state.asc(), p::title.asc())),
        "-state" => query.order((p::state.desc(), p::title.asc())),
        "created" => query.order(p::created_at.asc()),
        _ => query.order(p::created_at.desc()),
    };
    let proposals: Vec<Proposal> = query
        .limit(per_page)
        .offset((page - 1) * per_page)
        .load(conn)?;
    let rows = decorate(conn, edition_id, proposals)?;
    Ok(Page {
        rows,
        total,
        page,
        per_page,
    })
}

/// Adds session type, track and speakers to proposals, in three queries for all of them.
pub fn decorate(
    conn: &mut DbConn,
    edition_id: &EditionId,
    proposals: Vec<Proposal>,
) -> QueryResult<Vec<Row>> {
    let ids: Vec<ProposalId> = proposals.iter().map(|p| p.id.clone()).collect();
    let types: HashMap<String, (String, String)> = st::session_types
        .filter(st::edition_id.eq(edition_id))
        .select((st::id, st::name, st::name_de))
        .load::<(String, String, String)>(conn)?
        .into_iter()
        .map(|(id, name, name_de)| (id, (name, name_de)))
        .collect();
    let tracks: HashMap<String, (String, String, String)> = tr::tracks
        .filter(tr::edition_id.eq(edition_id))
        .select((tr::id, tr::name, tr::name_de, tr::colour))
        .load::<(String, String, String, String)>(conn)?
        .into_iter()
        .map(|(id, name, name_de, colour)| (id, (name, name_de, colour)))
        .collect();
    let mut speakers: HashMap<String, Vec<SpeakerSummary>> = HashMap::new();
    let rows: Vec<(String, UserId, String, String)> = ps::proposal_speakers
        .inner_join(u::users)
        .filter(ps::proposal_id.eq_any(&ids))
        .order(ps::position.asc())
        .select((ps::proposal_id, u::id, u::display_name, u::email))
        .load(conn)?;
    for (proposal_id, user_id, name, email) in rows {
        speakers
            .entry(proposal_id)
            .or_default()
            .push(SpeakerSummary {
                user_id,
                name,
                email,
            });
    }
    Ok(proposals
        .into_iter()
        .map(|proposal| {
            let track = proposal.track_id.as_deref().and_then(|id| tracks.get(id));
            let (session_type, session_type_de) = types
                .get(proposal.session_type_id.as_str())
                .cloned()
                .unwrap_or_default();
            Row {
                session_type,
                session_type_de,
                track: track.map(|t| t.0.clone()),
                track_de: track.map(|t| t.1.clone()),
                track_colour: track.map(|t| t.2.clone()),
                speakers: speakers.remove(proposal.id.as_str()).unwrap_or_default(),
                proposal: ProposalSummary {
                    id: proposal.id,
                    title: proposal.title,
                    state: proposal.state,
                    language: proposal.language,
                    level: proposal.level,
                    created_at: proposal.created_at,
                    updated_at: proposal.updated_at,
                },
            }
        })
        .collect())
}
