//! What the CfP hands on to next year (see `editions::carry`): its texts and limits, the
//! session types, tracks and questions, the access codes' rules and the review's settings
//! and score categories. Nothing a speaker or reviewer wrote travels.

use devday_db::schema::{
    cfp_access_codes::dsl as ac, cfp_questions::dsl as q, cfp_settings::dsl as cs,
    review_settings::dsl as rs, score_categories::dsl as sc, session_types::dsl as st,
    tracks::dsl as tr,
};
use devday_db::DbConn;
use devday_shared::editions::carry::{Carry, Carrying, Preview};
use devday_shared::editions::Edition;
use devday_shared::AppResult;
use diesel::prelude::*;

use crate::model::{AccessCode, CfpSettings, Question, SessionType, Track};
use crate::review::settings::{Category, ReviewSettings};

pub const TEXTS: Carry = Carry {
    key: "cfp",
    preview: |conn, from| {
        let row = cs::cfp_settings
            .find(&from.id)
            .count()
            .get_result::<i64>(conn)?;
        Ok(Preview::settings(row > 0))
    },
    copy: copy_texts,
};

pub const SESSION_TYPES: Carry = Carry {
    key: "session-types",
    preview: |conn, from| {
        Ok(Preview::named(names(session_types(conn, from)?, |t| {
            (t.name, t.name_de)
        })))
    },
    copy: copy_session_types,
};

pub const TRACKS: Carry = Carry {
    key: "tracks",
    preview: |conn, from| {
        Ok(Preview::named(names(tracks(conn, from)?, |t| {
            (t.name, t.name_de)
        })))
    },
    copy: copy_tracks,
};

pub const QUESTIONS: Carry = Carry {
    key: "questions",
    preview: |conn, from| {
        Ok(Preview::named(names(questions(conn, from)?, |q| {
            (q.label, q.label_de)
        })))
    },
    copy: copy_questions,
};

pub const ACCESS_CODES: Carry = Carry {
    key: "access-codes",
    preview: |conn, from| {
        Ok(Preview::named(names(access_codes(conn, from)?, |c| {
            (c.note.clone(), c.note)
        })))
    },
    copy: copy_access_codes,
};

pub const REVIEW: Carry = Carry {
    key: "review",
    preview: |conn, from| {
        Ok(Preview::named(names(categories(conn, from)?, |c| {
            (c.name, c.name_de)
        })))
    },
    copy: copy_review,
};

fn names<T>(rows: Vec<T>, name: impl Fn(T) -> (String, String)) -> Vec<(String, String)> {
    rows.into_iter().map(name).collect()
}

fn session_types(conn: &mut DbConn, from: &Edition) -> QueryResult<Vec<SessionType>> {
    st::session_types
        .filter(st::edition_id.eq(&from.id))
        .order(st::position.asc())
        .select(SessionType::as_select())
        .load(conn)
}

fn tracks(conn: &mut DbConn, from: &Edition) -> QueryResult<Vec<Track>> {
    tr::tracks
        .filter(tr::edition_id.eq(&from.id))
        .order(tr::position.asc())
        .select(Track::as_select())
        .load(conn)
}

fn questions(conn: &mut DbConn, from: &Edition) -> QueryResult<Vec<Question>> {
    q::cfp_questions
        .filter(q::edition_id.eq(&from.id))
        .order(q::position.asc())
        .select(Question::as_select())
        .load(conn)
}

fn access_codes(conn: &mut DbConn, from: &Edition) -> QueryResult<Vec<AccessCode>> {
    ac::cfp_access_codes
        .filter(ac::edition_id.eq(&from.id))
        .order(ac::created_at.asc())
        .select(AccessCode::as_select())
        .load(conn)
}

fn categories(conn: &mut DbConn, from: &Edition) -> QueryResult<Vec<Category>> {
    sc::score_categories
        .filter(sc::edition_id.eq(&from.id))
        .order(sc::position.asc())
        .select(Category::as_select())
        .load(conn)
}

fn copy_texts(conn: &mut DbConn, c: &mut Carrying<'_>) -> AppResult<usize> {
    let Some(mut row) = cs::cfp_settings
        .find(&c.from.id)
        .select(CfpSettings::as_select())
        .first(conn)
        .optional()?
    else {
        return Ok(0);
    };
    row.edition_id = c.to.id.clone();
    diesel::insert_into(cs::cfp_settings)
        .values(&row)
        .execute(conn)?;
    Ok(1)
}

/// Last year's types replace the usual three a new edition starts with.
fn copy_session_types(conn: &mut DbConn, c: &mut Carrying<'_>) -> AppResult<usize> {
    let rows = session_types(conn, c.from)?;
    diesel::delete(st::session_types.filter(st::edition_id.eq(&c.to.id))).execute(conn)?;
    for mut row in rows.iter().cloned() {
        row.id = c.new_id(&row.id);
        row.edition_id = c.to.id.clone();
        row.deadline = row.deadline.map(|d| c.moved(d));
        diesel::insert_into(st::session_types)
            .values(&row)
            .execute(conn)?;
    }
    Ok(rows.len())
}

fn copy_tracks(conn: &mut DbConn, c: &mut Carrying<'_>) -> AppResult<usize> {
    let rows = tracks(conn, c.from)?;
    for mut row in rows.iter().cloned() {
        row.id = c.new_id(&row.id);
        row.edition_id = c.to.id.clone();
        diesel::insert_into(tr::tracks).values(&row).execute(conn)?;
    }
    Ok(rows.len())
}

/// A question asked only for some session types is asked for their copies; where none of
/// them came along, it is asked for every type.
fn copy_questions(conn: &mut DbConn, c: &mut Carrying<'_>) -> AppResult<usize> {
    let rows = questions(conn, c.from)?;
    for mut row in rows.iter().cloned() {
        row.id = c.new_id(&row.id);
        row.edition_id = c.to.id.clone();
        row.session_type_ids = row
            .session_type_ids
            .split(',')
            .filter_map(|id| c.copied::<String>(id.trim()))
            .collect::<Vec<_>>()
            .join(",");
        diesel::insert_into(q::cfp_questions)
            .values(&row)
            .execute(conn)?;
    }
    Ok(rows.len())
}

/// The rules travel (which type, how many uses, until when), each with a new code: last
/// year's links stop at last year's edition. A code for a type that did not come along is
/// left behind.
fn copy_access_codes(conn: &mut DbConn, c: &mut Carrying<'_>) -> AppResult<usize> {
    let mut n = 0;
    for mut row in access_codes(conn, c.from)? {
        let session_type = match &row.session_type_id {
            Some(old) => match c.copied(old) {
                Some(new) => Some(new),
                None => continue,
            },
            None => None,
        };
        row.id = c.new_id(&row.id);
        row.edition_id = c.to.id.clone();
        row.code = devday_shared::crypto::random_token()[..16].to_owned();
        row.session_type_id = session_type;
        row.uses = 0;
        row.valid_until = row.valid_until.map(|t| c.moved(t));
        row.created_at = devday_db::now();
        diesel::insert_into(ac::cfp_access_codes)
            .values(&row)
            .execute(conn)?;
        n += 1;
    }
    Ok(n)
}

/// The review's window and rules, and last year's score categories instead of the three a
/// new edition starts with.
fn copy_review(conn: &mut DbConn, c: &mut Carrying<'_>) -> AppResult<usize> {
    if let Some(mut row) = rs::review_settings
        .find(&c.from.id)
        .select(ReviewSettings::as_select())
        .first(conn)
        .optional()?
    {
        row.edition_id = c.to.id.clone();
        row.opens_at = row.opens_at.map(|t| c.moved(t));
        row.closes_at = row.closes_at.map(|t| c.moved(t));
        diesel::insert_into(rs::review_settings)
            .values(&row)
            .execute(conn)?;
    }
    let rows = categories(conn, c.from)?;
    diesel::delete(sc::score_categories.filter(sc::edition_id.eq(&c.to.id))).execute(conn)?;
    for mut row in rows.iter().cloned() {
        row.id = c.new_id(&row.id);
        row.edition_id = c.to.id.clone();
        diesel::insert_into(sc::score_categories)
            .values(&row)
            .execute(conn)?;
    }
    Ok(rows.len())
}
