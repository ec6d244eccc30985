//! Test data written straight to the test app's database through the domains' own
//! functions: a submitted proposal, a confirmed session, a confirmed registration with its
//! ticket, each in one line where HTTP takes a dozen calls. What the domains would mail is
//! queued in the outbox as usual and sent by the running app.

use devday_cfp::model::{HistoryEvent, Language, Level, Proposal, ProposalState};
use devday_cfp::proposals::form::ProposalInput;
use devday_cfp::proposals::service::{self, NewProposal};
use devday_cfp::{confirming, settings};
use devday_db::DbConn;
use devday_registration::model::RegistrationId;
use devday_registration::register::{self, Admission, Outcome, RegistrationForm};
use devday_shared::accounts::{users, EmailAddress};
use devday_shared::editions::{queries, Edition};
use devday_shared::i18n::{I18n, Locale};
use devday_shared::mail::{Mailer, Wakeup};
use devday_shared::templates::Templates;
use devday_shared::vocabulary::{ProposalId, UserId};

use crate::TestApp;

pub struct Builder {
    conn: DbConn,
    mailer: Mailer,
}

/// A confirmed registration and the token of its manage link.
pub struct Attendee {
    pub registration_id: RegistrationId,
    pub manage_token: String,
}

impl Attendee {
    pub fn manage_link(&self) -> String {
        format!("/register/manage/{}", self.manage_token)
    }
}

/// "ada.lovelace@example.org" is called "Ada Lovelace".
fn name_of(email: &str) -> String {
    let local = email.split('@').next().unwrap_or(email);
    local
        .split(['.', '_', '-'])
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn domain(e: devday_shared::AppError) -> anyhow::Error {
    anyhow::anyhow!("{e}")
}

impl Builder {
    pub fn new(app: &TestApp) -> anyhow::Result<Self> {
        let conn = devday_db::DatabaseUrl::parse(&app.database_url())?.connect()?;
        let i18n = std::sync::Arc::new(I18n::load()?);
        let templates = std::sync::Arc::new(Templates::load(i18n)?);
        let mailer = Mailer::new(templates, app.base.as_str().into(), Wakeup::default());
        Ok(Builder { conn, mailer })
    }

    pub fn edition(&mut self, slug: &str) -> anyhow::Result<Edition> {
        queries::by_slug(&mut self.conn, slug)?.ok_or_else(|| anyhow::anyhow!("no edition {slug}"))
    }

    /// The account of `email` (made, confirmed and without a password, if there is none).
    pub fn person(&mut self, email: &str, name: &str, locale: Locale) -> anyhow::Result<UserId> {
        let address = EmailAddress::parse(email).map_err(|e| anyhow::anyhow!("{e}"))?;
        if let Some(user) = users::by_email(&mut self.conn, &address)? {
            return Ok(user.id);
        }
        let new = users::NewUser {
            email: &address,
            display_name: name,
            password_hash: None,
            locale,
            is_admin: false,
            confirmed: true,
        };
        Ok(users::create(&mut self.conn, new)?.id)
    }

    /// A talk of `speaker` (an account of that address, made if needed), submitted
    /// without the confirmation mail a real submission sends.
    pub fn proposal(&mut self, slug: &str, speaker: &str, title: &str) -> anyhow::Result<Proposal> {
        let edition = self.edition(slug)?;
        let speaker_id = self.person(speaker, &name_of(speaker), Locale::En)?;
        let types = settings::session_types(&mut self.conn, &edition.id).map_err(domain)?;
        let talk = types
            .first()
            .ok_or_else(|| anyhow::anyhow!("no session type"))?;
        let input = ProposalInput {
            title: title.to_owned(),
            abstract_text: format!("What {title} taught us."),
            description: String::new(),
            notes: String::new(),
            session_type_id: talk.id.clone(),
            track_id: None,
            language: Language::English,
            level: Level::Intermediate,
            proposal_answers: Vec::new(),
            speaker_answers: Vec::new(),
            speaker_questions: Vec::new(),
        };
        let new = NewProposal {
            edition: &edition,
            input: &input,
            speaker_id: Some(&speaker_id),
            actor_id: &speaker_id,
            submit: false,
            access_code_id: None,
        };
        let draft = service::create(&mut self.conn, &self.mailer, new).map_err(domain)?;
        self.step(
            &draft,
            ProposalState::Submitted,
            &speaker_id,
            HistoryEvent::Submitted,
        )
    }

    /// A session in the programme to be: submitted, accepted (the decision counted as
    /// mailed) and confirmed by its speaker, who agreed to streaming and recording.
    pub fn confirmed_session(
        &mut self,
        slug: &str,
        speaker: &str,
        title: &str,
    ) -> anyhow::Result<Proposal> {
        let submitted = self.proposal(slug, speaker, title)?;
        let speaker_id = self.person(speaker, &name_of(speaker), Locale::En)?;
        let accepted = self.step(
            &submitted,
            ProposalState::Accepted,
            &speaker_id,
            HistoryEvent::Decided,
        )?;
        devday_cfp::review::decide::mark_told(&mut self.conn, &accepted.id, accepted.state)?;
        let confirmed = self.step(
            &accepted,
            ProposalState::Confirmed,
            &speaker_id,
            HistoryEvent::AnsweredBySpeaker,
        )?;
        confirming::set_consent(&mut self.conn, &confirmed.id, true, true)?;
        Ok(confirmed)
    }

    fn step(
        &mut self,
        proposal: &Proposal,
        to: ProposalState,
        actor: &UserId,
        event: HistoryEvent,
    ) -> anyhow::Result<Proposal> {
        service::transition(&mut self.conn, proposal, to, actor, event.into()).map_err(domain)?;
        devday_cfp::proposals::get(&mut self.conn, &proposal.edition_id, &proposal.id)?
            .ok_or_else(|| anyhow::anyhow!("proposal {} vanished", proposal.id))
    }

    /// A released programme on the edition's first day: each (speaker, title, room, local
    /// start) a confirmed session in that room (made with its capacity if new), released
    /// as `version` without telling anyone.
    pub fn programme(
        &mut self,
        slug: &str,
        sessions: &[(&str, &str, &str, &str)],
        version: &str,
    ) -> anyhow::Result<Vec<Proposal>> {
        use devday_schedule::release::{self, ReleaseForm, Tell};
        let made = self.placed(slug, sessions)?;
        let edition = self.edition(slug)?;
        let form = ReleaseForm {
            name: version.into(),
            comment: String::new(),
            acknowledge_warnings: true,
        };
        let by = made
            .first()
            .and_then(|p| p.created_by.clone())
            .ok_or_else(|| anyhow::anyhow!("an empty programme"))?;
        release::release_as(
            &mut self.conn,
            &self.mailer,
            &edition,
            &form,
            &by,
            Tell::Nobody,
        )
        .map_err(domain)?;
        Ok(made)
    }

    /// The same sessions placed in the draft timetable, not released.
    pub fn placed(
        &mut self,
        slug: &str,
        sessions: &[(&str, &str, &str, &str)],
    ) -> anyhow::Result<Vec<Proposal>> {
        use devday_schedule::setup::{self, RoomForm};
        let edition = self.edition(slug)?;
        let mut made = Vec::new();
        for (speaker, title, room, start) in sessions {
            let rooms = setup::rooms(&mut self.conn, &edition.id)?;
            if !rooms.iter().any(|r| r.name == *room) {
                let form = RoomForm {
                    name: (*room).into(),
                    capacity: "100".into(),
                    ..RoomForm::default()
                };
                setup::add_room(&mut self.conn, &edition.id, &form).map_err(domain)?;
            }
            let session = self.confirmed_session(slug, speaker, title)?;
            self.place(&edition, &session.id, room, start)?;
            made.push(session);
        }
        Ok(made)
    }

    /// Moves a placed session in the draft to `room` at `start` (local, the first day).
    pub fn moved(
        &mut self,
        slug: &str,
        session: &ProposalId,
        room: &str,
        start: &str,
    ) -> anyhow::Result<()> {
        let edition = self.edition(slug)?;
        self.place(&edition, session, room, start)
    }

    /// Takes a session out of the draft: the next release cancels it.
    pub fn unplaced(&mut self, slug: &str, session: &ProposalId) -> anyhow::Result<()> {
        use devday_schedule::{draft, history::Batch};
        let edition = self.edition(slug)?;
        let version = self.placement_version(session)?;
        draft::unplace(
            &mut self.conn,
            &edition.id,
            session,
            version,
            &Batch::new(None),
        )
        .map_err(domain)
    }

    fn placement_version(&mut self, session: &ProposalId) -> anyhow::Result<i32> {
        use devday_db::schema::placements::dsl as pl;
        use diesel::prelude::*;
        Ok(pl::placements
            .find(session)
            .select(pl::version)
            .first::<i32>(&mut self.conn)
            .optional()?
            .unwrap_or(0))
    }

    fn place(
        &mut self,
        edition: &Edition,
        session: &ProposalId,
        room: &str,
        start: &str,
    ) -> anyhow::Result<()> {
        use devday_schedule::draft::{self, PlaceForm};
        use devday_schedule::history::Batch;
        use devday_schedule::setup;
        let rooms = setup::rooms(&mut self.conn, &edition.id)?;
        let room_id = rooms
            .iter()
            .find(|r| r.name == room)
            .map(|r| r.id.to_string())
            .ok_or_else(|| anyhow::anyhow!("no room {room}"))?;
        let grid = setup::grid_settings(&mut self.conn, &edition.id)?;
        let form = PlaceForm {
            day: edition.starts_on.to_string(),
            room: room_id,
            start: start.into(),
            duration: String::new(),
            version: self.placement_version(session)?.to_string(),
            pinned: false,
        };
        draft::place(
            &mut self.conn,
            edition,
            &grid,
            &rooms,
            session,
            &form,
            &Batch::new(None),
        )
        .map_err(domain)?;
        Ok(())
    }

    /// A confirmed registration for the conference, with its ticket, and a manage link the
    /// test can open (the real one is only ever mailed).
    pub fn attendee(
        &mut self,
        slug: &str,
        name: &str,
        email: &str,
        locale: Locale,
    ) -> anyhow::Result<Attendee> {
        let edition = self.edition(slug)?;
        let form = RegistrationForm {
            name: name.to_owned(),
            email: email.to_owned(),
            consent: true,
            ..Default::default()
        };
        let outcome = register::admit(
            &mut self.conn,
            &self.mailer,
            &edition,
            &form,
            locale,
            Admission::Quiet,
        )
        .map_err(domain)?;
        let Outcome::Held { registration_id } = outcome else {
            anyhow::bail!("{email} was not given a seat: {outcome:?}");
        };
        register::mark_confirmed(&mut self.conn, &registration_id)?;
        let manage_token = format!("manage-{}", uuid::Uuid::new_v4().simple());
        let hash = devday_shared::crypto::token_hash(&manage_token);
        use devday_db::schema::registrations::dsl as r;
        use diesel::prelude::*;
        diesel::update(r::registrations.find(&registration_id))
            .set(r::manage_token_hash.eq(hash))
            .execute(&mut self.conn)?;
        Ok(Attendee {
            registration_id,
            manage_token,
        })
    }

    /// Gives edition `slug` one of every kind of setting an edition can hand on to next
    /// year, each different from devday's defaults: CfP texts, a session type with its own
    /// deadline, a track, a question for that type, an access code for it, review settings
    /// and a category, a room, the day grid and a break, a workshop ticket with times, the
    /// registration's texts and a check-in list for the workshop.
    pub fn every_setting(&mut self, slug: &str) -> anyhow::Result<()> {
        use devday_cfp::review::settings as review;
        use devday_registration::settings as registration;
        use devday_schedule::setup;
        let edition = self.edition(slug)?;
        let conn = &mut self.conn;
        settings::save_settings(
            conn,
            &edition.id,
            &settings::SettingsForm {
                intro_md: "Tell us what you learned.".into(),
                intro_de_md: "Erzähl uns, was du gelernt hast.".into(),
                max_proposals_per_speaker: "2".into(),
                title_max: "90".into(),
                abstract_max: "900".into(),
                recording_license: "CC BY-SA 4.0".into(),
            },
        )
        .map_err(domain)?;
        settings::add_session_type(
            conn,
            &edition,
            &settings::SessionTypeForm {
                name: "Deep dive".into(),
                name_de: "Tiefgang".into(),
                duration_minutes: "90".into(),
                deadline: format!("{}T12:00", edition.starts_on - chrono::Days::new(60)),
                hidden: true,
                position: "5".into(),
                slots: "2".into(),
            },
        )
        .map_err(domain)?;
        let deep = settings::session_types(conn, &edition.id)
            .map_err(domain)?
            .into_iter()
            .find(|t| t.name == "Deep dive")
            .ok_or_else(|| anyhow::anyhow!("the new session type"))?;
        settings::add_track(
            conn,
            &edition.id,
            &settings::TrackForm {
                name: "Data".into(),
                name_de: "Daten".into(),
                colour: "#2266aa".into(),
                description: "Storage and queries.".into(),
                description_de: "Speichern und Abfragen.".into(),
                position: "1".into(),
            },
        )
        .map_err(domain)?;
        settings::add_question(
            conn,
            &edition.id,
            &settings::QuestionForm {
                target: "proposal".into(),
                kind: "single".into(),
                label: "Slides ready?".into(),
                label_de: "Folien fertig?".into(),
                options: "Yes\nNo".into(),
                options_de: "Ja\nNein".into(),
                required: true,
                session_types: vec![deep.id.to_string()],
                ..Default::default()
            },
        )
        .map_err(domain)?;
        settings::add_access_code(
            conn,
            &edition,
            &settings::AccessCodeForm {
                session_type_id: deep.id.to_string(),
                max_uses: "3".into(),
                valid_until: format!("{}T18:00", edition.starts_on - chrono::Days::new(30)),
                note: "Invited deep dives".into(),
            },
        )
        .map_err(domain)?;
        review::save(
            conn,
            &edition,
            &review::SettingsForm {
                opens_at: format!("{}T09:00", edition.starts_on - chrono::Days::new(90)),
                closes_at: format!("{}T18:00", edition.starts_on - chrono::Days::new(70)),
                comment_required: true,
                anonymised: true,
                hide_reviewer_names: true,
                others_before_own: true,
                reviews_per_proposal: "4".into(),
            },
        )
        .map_err(domain)?;
        review::add_category(
            conn,
            &edition.id,
            &review::CategoryForm {
                name: "Novelty".into(),
                name_de: "Neuheit".into(),
                min_score: "1".into(),
                max_score: "5".into(),
                labels: String::new(),
                labels_de: String::new(),
                weight: "2".into(),
            },
        )
        .map_err(domain)?;
        setup::add_room(
            conn,
            &edition.id,
            &setup::RoomForm {
                name: "Saal 2".into(),
                capacity: "120".into(),
                position: "2".into(),
                stream_url: "https://stream.example/saal-2".into(),
            },
        )
        .map_err(domain)?;
        setup::save_grid(
            conn,
            &edition.id,
            &setup::GridForm {
                day_starts: "08:30".into(),
                day_ends: "19:00".into(),
                granularity_minutes: "15".into(),
                change_minutes: "10".into(),
            },
        )
        .map_err(domain)?;
        setup::add_break(
            conn,
            &edition,
            &setup::BreakForm {
                title: "Lunch".into(),
                day: edition.starts_on.to_string(),
                starts: "12:30".into(),
                ends: "13:30".into(),
            },
        )
        .map_err(domain)?;
        registration::save(
            conn,
            &edition.id,
            &registration::SettingsForm {
                hold_hours: "12".into(),
                offer_hours: "36".into(),
                privacy_text: "We keep your data safe.".into(),
                coc_text: "Be kind.".into(),
                privacy_text_de: "Wir schützen deine Daten.".into(),
                coc_text_de: "Sei freundlich.".into(),
                purge_after_days: "30".into(),
            },
        )
        .map_err(domain)?;
        registration::add_ticket_type(
            conn,
            &edition,
            &registration::TicketTypeForm {
                name: "Rust workshop".into(),
                name_de: "Rust-Workshop".into(),
                kind: "workshop".into(),
                capacity: "20".into(),
                starts_at: format!("{}T14:00", edition.starts_on),
                ends_at: format!("{}T17:00", edition.starts_on),
            },
        )
        .map_err(domain)?;
        let workshop = registration::ticket_types(conn, &edition.id)
            .map_err(domain)?
            .into_iter()
            .find(|t| t.is_workshop())
            .ok_or_else(|| anyhow::anyhow!("the workshop ticket"))?;
        devday_badges::lists::create(
            conn,
            &edition.id,
            &devday_badges::lists::ListForm {
                name: "Workshop door".into(),
                name_de: "Workshop-Tür".into(),
                slug: "workshop".into(),
                ticket_types: vec![workshop.id],
            },
        )
        .map_err(domain)?;
        Ok(())
    }

    /// `registration` admitted at the entrance of edition `slug`, now.
    pub fn checked_in(&mut self, slug: &str, registration: &RegistrationId) -> anyhow::Result<()> {
        use devday_badges::checkin::{self, Presented, Scan};
        let edition = self.edition(slug)?;
        let entrance = devday_badges::lists::find(&mut self.conn, &edition.id, None)?
            .ok_or_else(|| anyhow::anyhow!("no entrance in {slug}"))?;
        let scan = Scan {
            presented: Presented::Registration(registration.clone()),
            device: "Door 1".into(),
            nonce: None,
            scanned_at: None,
            offline: false,
        };
        checkin::scan(&mut self.conn, &edition, &entrance, &scan)?;
        Ok(())
    }
}
