//! Next year in one step: what an edition hands on to the one after it. Each domain names
//! the groups of settings it keeps (the CfP's texts, the session types, the rooms, the
//! tickets…) as [`Carry`]s, and the binary hands the list, in order, to
//! [`prepare_next_year`], which creates the new edition and copies the chosen groups in one
//! transaction: it completes or changes nothing. Only settings travel; proposals, reviews,
//! registrations, scans and everything else about people stay where they are.

use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime, TimeZone};
use devday_db::{write_transaction, DbConn};
use diesel::QueryResult;
use serde::Serialize;

use super::{queries, seeds::Seed, Edition, EditionInput};
use crate::bilingual::pick;
use crate::i18n::Locale;
use crate::vocabulary::UserId;
use crate::AppResult;

/// One group of settings an edition can hand on.
pub struct Carry {
    /// The form's value and the messages `carry-{key}` (its name) and `carry-{key}-hint`.
    pub key: &'static str,
    /// What would be copied from an edition, for the preview.
    pub preview: fn(&mut DbConn, &Edition) -> QueryResult<Preview>,
    /// Copies the group into the new edition; returns how many things it copied.
    pub copy: fn(&mut DbConn, &mut Carrying<'_>) -> AppResult<usize>,
}

/// What one group holds: how many things, and their names in both languages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Preview {
    pub count: usize,
    /// (English, German) names; empty for a group of settings without names.
    pub names: Vec<(String, String)>,
}

impl Preview {
    pub fn named(names: Vec<(String, String)>) -> Self {
        Preview {
            count: names.len(),
            names,
        }
    }

    /// A group of settings kept in one row: there or not.
    pub fn settings(present: bool) -> Self {
        Preview {
            count: usize::from(present),
            names: Vec::new(),
        }
    }
}

/// A copy in progress: the two editions, how far the dates move, and the new id of each
/// copied row by its old one, so that a later group finds what an earlier one copied (a
/// check-in list its ticket types, a question its session types).
pub struct Carrying<'a> {
    pub from: &'a Edition,
    pub to: &'a Edition,
    pub shift: Duration,
    ids: HashMap<String, String>,
}

impl<'a> Carrying<'a> {
    pub fn new(from: &'a Edition, to: &'a Edition) -> Self {
        Carrying {
            from,
            to,
            shift: to.starts_on - from.starts_on,
            ids: HashMap::new(),
        }
    }

    /// A new id for the copy of the row `old`, remembered for later groups.
    pub fn new_id<T: From<String>>(&mut self, old: &str) -> T {
        let id = uuid::Uuid::new_v4().to_string();
        self.ids.insert(old.to_owned(), id.clone());
        T::from(id)
    }

    /// The copy of the row `old`, if its group was copied.
    pub fn copied<T: From<String>>(&self, old: &str) -> Option<T> {
        self.ids.get(old).cloned().map(T::from)
    }

    /// A time of last year's edition moved to the same place in the new one: the same
    /// local time on the day as far from the edition's start (summer time may differ).
    pub fn moved(&self, at: NaiveDateTime) -> NaiveDateTime {
        let local = self.from.local(at).naive_local() + self.shift;
        self.to
            .tz()
            .from_local_datetime(&local)
            .earliest()
            .map_or(at + self.shift, |t| t.naive_utc())
    }
}

/// One group as the preview shows it, in the reader's language.
#[derive(Debug, Clone, Serialize)]
pub struct GroupView {
    pub key: &'static str,
    pub count: usize,
    /// The first few names; `more` counts the rest.
    pub names: Vec<String>,
    pub more: usize,
}

/// How many names a group shows before "and 12 more".
const SHOWN: usize = 8;

/// What each group of `from` holds, in order, named in `locale`.
pub fn preview(
    conn: &mut DbConn,
    from: &Edition,
    carries: &[Carry],
    locale: Locale,
) -> QueryResult<Vec<GroupView>> {
    carries
        .iter()
        .map(|carry| {
            let preview = (carry.preview)(conn, from)?;
            let names: Vec<String> = preview
                .names
                .iter()
                .map(|(en, de)| pick(locale, en, de).to_owned())
                .filter(|name| !name.is_empty())
                .collect();
            Ok(GroupView {
                key: carry.key,
                count: preview.count,
                more: names.len().saturating_sub(SHOWN),
                names: names.into_iter().take(SHOWN).collect(),
            })
        })
        .collect()
}

/// What was copied: each chosen group's key and how many things it brought.
pub type Copied = Vec<(&'static str, usize)>;

/// Creates next year's edition from `from` (its creator an organiser of it, the domains'
/// defaults planted) and copies the groups named in `chosen` into it, in the carries'
/// order, all in one transaction.
pub fn prepare_next_year(
    conn: &mut DbConn,
    from: &Edition,
    input: &EditionInput,
    creator: &UserId,
    seeds: &[Seed],
    carries: &[Carry],
    chosen: &[String],
) -> AppResult<(Edition, Copied)> {
    write_transaction(conn, |conn| {
        let to = queries::create(conn, input, creator, seeds)?;
        let mut carrying = Carrying::new(from, &to);
        let mut copied = Vec::new();
        for carry in carries.iter().filter(|c| chosen.iter().any(|k| k == c.key)) {
            copied.push((carry.key, (carry.copy)(conn, &mut carrying)?));
        }
        Ok((to, copied))
    })
}
