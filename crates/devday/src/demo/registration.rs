//! The demo's registration: 400 registrations (most confirmed, some still held), a full
//! workshop with a waiting list, and answers for the catering and T-shirt counts.

use devday_db::DbConn;
use devday_registration::register::{self, Admission, Outcome, RegistrationForm};
use devday_registration::settings::{self, SettingsForm, TicketTypeForm};
use devday_shared::editions::Edition;
use devday_shared::i18n::Locale;
use devday_shared::mail::Mailer;

const PRIVACY: &str = "## Privacy notice\n\n\
The DevDay Demo team (Demo e. V., Lingnerplatz 1, 01069 Dresden, team@devday-demo.example) \
uses your registration only to run the event: name and address for your ticket and news \
about the programme, the optional answers for catering, shirts and planning rooms. Nothing \
is passed on; you can view, change or delete your data with the link in \
your ticket mail.";

const PRIVACY_DE: &str = "## Datenschutz\n\n\
Das DevDay-Demo-Team (Demo e. V., Lingnerplatz 1, 01069 Dresden, team@devday-demo.example) \
nutzt deine Anmeldung nur für die Veranstaltung: Name und Adresse für dein Ticket und \
Neuigkeiten zum Programm, die freiwilligen Angaben für Verpflegung, T-Shirts und die \
Raumplanung. Nichts wird weitergegeben; mit dem Link in deiner Ticket-Mail kannst du deine \
Daten jederzeit ansehen, ändern oder löschen.";

const CONDUCT: &str = "## Code of conduct\n\n\
DevDay Demo is for everyone: be respectful, no harassment of any kind, and stop when asked. \
Tell anyone with a team badge, or write to team@devday-demo.example.";

const CONDUCT_DE: &str = "## Verhaltenskodex\n\n\
DevDay Demo ist für alle da: respektvoll, ohne Belästigung jeder Art, und wer gebeten wird \
aufzuhören, hört auf. Sprich jemanden mit Team-Namensschild an oder schreib an \
team@devday-demo.example.";

const FIRST: [&str; 20] = [
    "Alex", "Birte", "Can", "Dana", "Elias", "Fatma", "Georg", "Helena", "Ivo", "Jana", "Kai",
    "Linh", "Mara", "Nils", "Olga", "Pit", "Rosa", "Sami", "Tine", "Uwe",
];
const LAST: [&str; 20] = [
    "Albrecht", "Bauer", "Celik", "Dietrich", "Engel", "Frank", "Günther", "Haas", "Ilić", "Jung",
    "Kaiser", "Lorenz", "Maier", "Nagel", "Otto", "Peters", "Roth", "Seidel", "Thiel", "Vogel",
];

pub fn fill(conn: &mut DbConn, mailer: &Mailer, edition: &Edition) -> anyhow::Result<usize> {
    let err = |e: devday_shared::AppError| anyhow::anyhow!("{e}");
    let types = settings::ticket_types(conn, &edition.id).map_err(err)?;
    let conference = types
        .first()
        .ok_or_else(|| anyhow::anyhow!("no conference ticket"))?
        .clone();
    settings::set_capacity(conn, &edition.id, &conference.id, 1000).map_err(err)?;
    // Doors at nine on the first day, the end at six on the last: on every ticket.
    settings::set_times(
        conn,
        edition,
        &conference.id,
        &settings::TimesForm {
            starts_at: format!("{}T09:00", edition.starts_on),
            ends_at: format!("{}T18:00", edition.ends_on),
        },
    )
    .map_err(err)?;
    // The texts people agree to: without them registration stays shut.
    settings::save(
        conn,
        &edition.id,
        &SettingsForm {
            hold_hours: "24".into(),
            offer_hours: "48".into(),
            privacy_text: PRIVACY.into(),
            coc_text: CONDUCT.into(),
            privacy_text_de: PRIVACY_DE.into(),
            coc_text_de: CONDUCT_DE.into(),
            purge_after_days: String::new(),
        },
    )
    .map_err(err)?;
    let day = edition.starts_on.format("%Y-%m-%d").to_string();
    for (name, name_de, from, to, capacity) in [
        (
            "Rust for beginners (workshop)",
            "Rust für Einsteiger (Workshop)",
            "09:00",
            "12:30",
            "20",
        ),
        (
            "Accessible web apps (workshop)",
            "Barrierefreie Web-Apps (Workshop)",
            "13:30",
            "17:00",
            "25",
        ),
    ] {
        settings::add_ticket_type(
            conn,
            edition,
            &TicketTypeForm {
                name: name.into(),
                name_de: name_de.into(),
                kind: devday_registration::model::TicketKind::Workshop
                    .as_str()
                    .into(),
                capacity: capacity.into(),
                starts_at: format!("{day}T{from}"),
                ends_at: format!("{day}T{to}"),
            },
        )
        .map_err(err)?;
    }
    // The edition is hybrid: the rooms' streams for those who watch from elsewhere.
    settings::add_ticket_type(
        conn,
        edition,
        &TicketTypeForm {
            name: "Online".into(),
            name_de: "Online".into(),
            kind: devday_registration::model::TicketKind::Online
                .as_str()
                .into(),
            capacity: "2000".into(),
            ..TicketTypeForm::default()
        },
    )
    .map_err(err)?;
    let types = settings::ticket_types(conn, &edition.id).map_err(err)?;
    let rust = types
        .iter()
        .find(|t| t.name.starts_with("Rust"))
        .map(|t| t.id.clone())
        .unwrap_or_default();
    // Interests: three to six sessions each, from a popular head and a long tail, so the
    // timetable optimiser has favourites to work with.
    let sessions: Vec<devday_shared::vocabulary::ProposalId> =
        devday_registration::interests::offered(conn, &edition.id)?
            .into_iter()
            .map(|s| s.id)
            .collect();
    let mut made = 0;
    for n in 0..412 {
        let interests: Vec<devday_shared::vocabulary::ProposalId> = if sessions.is_empty() {
            Vec::new()
        } else {
            (0..3 + n % 4)
                .map(|k| {
                    sessions[(n * 7 + k * k * 13 + k * (n % 5)) % sessions.len().min(12 + 7 * k)]
                        .clone()
                })
                .collect()
        };
        let (first, last) = (FIRST[n % 20], LAST[(n / 20) % 20]);
        let workshops = if n % 15 == 0 {
            vec![rust.clone()]
        } else {
            Vec::new()
        };
        let form = RegistrationForm {
            name: format!("{first} {last}"),
            email: format!(
                "{}.{}{}@attendee.example",
                first.to_lowercase(),
                ascii(last),
                n
            ),
            company: ["", "Elbe Labs", "Saxonia Systems", "TU Dresden"][n % 4].into(),
            tshirt: ["S", "M", "L", "XL", "M", ""][n % 6].into(),
            dietary: if n % 7 == 0 {
                "vegetarian".into()
            } else if n % 11 == 0 {
                "vegan".into()
            } else {
                String::new()
            },
            accessibility: if n % 50 == 0 {
                "wheelchair access".into()
            } else {
                String::new()
            },
            consent: true,
            workshops,
            // The Rust workshop fills up: later people join its waiting list instead.
            waitlist: true,
            workshop_waitlist: Vec::new(),
            interests,
            website: String::new(),
            // One in six watches online (never someone with a workshop).
            online: n % 6 == 5 && n % 15 != 0,
        };
        // With `waitlist`, people wanting the full workshop register without it and wait.
        let outcome = register::admit(conn, mailer, edition, &form, Locale::De, Admission::Quiet)
            .map_err(err)?;
        // Most confirmed their address; the last dozen have not yet.
        if let Outcome::Held { registration_id } = outcome {
            if n < 400 {
                register::mark_confirmed(conn, &registration_id)?;
            }
            made += 1;
        }
    }
    Ok(made)
}

fn ascii(name: &str) -> String {
    name.to_lowercase()
        .replace('ü', "ue")
        .replace('ć', "c")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect()
}
