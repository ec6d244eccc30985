//! Everything the proposal form offers in one edition, loaded together.

use devday_db::DbConn;
use devday_shared::vocabulary::EditionId;
use devday_shared::AppResult;

use crate::model::{CfpSettings, Question, SessionType, Track};
use crate::proposals::form::Catalogue;
use crate::settings;

pub struct Loaded {
    pub settings: CfpSettings,
    pub types: Vec<SessionType>,
    pub tracks: Vec<Track>,
    pub questions: Vec<Question>,
}

impl Loaded {
    pub fn load(conn: &mut DbConn, edition_id: &EditionId) -> AppResult<Self> {
        Ok(Self {
            settings: settings::settings(conn, edition_id)?,
            types: settings::session_types(conn, edition_id)?,
            tracks: settings::tracks(conn, edition_id)?,
            questions: settings::questions(conn, edition_id)?,
        })
    }

    pub fn catalogue<'a>(&'a self, unlocked_type: Option<&'a str>) -> Catalogue<'a> {
        Catalogue {
            settings: &self.settings,
            types: &self.types,
            tracks: &self.tracks,
            questions: &self.questions,
            unlocked_type,
        }
    }

    pub fn session_type(&self, id: &str) -> Option<&SessionType> {
        self.types.iter().find(|t| t.id == id)
    }
}
