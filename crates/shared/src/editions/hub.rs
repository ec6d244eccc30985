//! The edition's front page is composed like its dashboard: each domain says in a card where
//! its part of the year stands (the call for papers open until…, registration full with a
//! waiting list, the programme released) and where to go from there. The binary lists the
//! sources (`devday::CARDS`); the page renders whatever they say, in the reader's language.

use devday_db::DbConn;
use serde::Serialize;

use super::Edition;
use crate::error::AppResult;
use crate::i18n::{I18n, Locale};
use crate::message::Message;

/// How the state reads at a glance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    /// Open now: go.
    Open,
    /// Coming: a date to remember.
    Upcoming,
    /// Over, full or not planned.
    Closed,
}

/// A domain's card on the front page.
#[derive(Debug, Clone)]
pub struct Card {
    /// Fluent id of the title.
    pub title: &'static str,
    /// Where the title leads (empty: nowhere yet).
    pub link: String,
    pub tone: Tone,
    /// The state in one line.
    pub state: Message,
    /// Further links: a Fluent id and the address.
    pub links: Vec<(&'static str, String)>,
}

impl Card {
    pub fn new(title: &'static str, link: String, tone: Tone, state: Message) -> Self {
        Card {
            title,
            link,
            tone,
            state,
            links: Vec::new(),
        }
    }

    #[must_use]
    pub fn link(mut self, key: &'static str, href: String) -> Self {
        self.links.push((key, href));
        self
    }

    /// The card as the page shows it, said in `locale`.
    pub fn said(&self, i18n: &I18n, locale: Locale) -> CardView {
        CardView {
            title: i18n.tr(locale, self.title, &[]),
            link: self.link.clone(),
            tone: self.tone,
            state: self.state.say(i18n, locale),
            links: self
                .links
                .iter()
                .map(|(key, href)| (i18n.tr(locale, key, &[]), href.clone()))
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct CardView {
    pub title: String,
    pub link: String,
    pub tone: Tone,
    pub state: String,
    pub links: Vec<(String, String)>,
}

/// A domain's contribution: `None` when it has nothing to say for this edition.
pub type CardSource = fn(&mut DbConn, &Edition, Locale) -> AppResult<Option<Card>>;
