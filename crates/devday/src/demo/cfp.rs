//! The demo's call for papers: ~70 proposals by ~55 speakers in German and English, four
//! tracks, the three default session types, some co-speakers, a few drafts and withdrawals.

use devday_cfp::model::{HistoryEvent, Language, Level, ProposalState};
use devday_cfp::profiles::{self, ProfileForm};
use devday_cfp::proposals::form::ProposalInput;
use devday_cfp::proposals::service::{self, NewProposal};
use devday_cfp::settings::{self, QuestionForm, SessionTypeForm, SettingsForm, TrackForm};
use devday_db::DbConn;
use devday_shared::bilingual::Name;
use devday_shared::editions::Edition;
use devday_shared::mail::Mailer;
use devday_shared::vocabulary::UserId;

const FIRST: [&str; 28] = [
    "Lena", "Paul", "Sofia", "Felix", "Emma", "Lukas", "Hannah", "Jan", "Marie", "Tobias", "Aylin",
    "Niklas", "Clara", "David", "Nele", "Omar", "Julia", "Moritz", "Priya", "Simon", "Katrin",
    "Mateo", "Ines", "Robert", "Yuki", "Frieda", "Carlos", "Svenja",
];
const LAST: [&str; 28] = [
    "Müller",
    "Schneider",
    "Hoffmann",
    "Koch",
    "Richter",
    "Klein",
    "Wolf",
    "Neumann",
    "Schwarz",
    "Zimmermann",
    "Braun",
    "Krüger",
    "Hartmann",
    "Lange",
    "Werner",
    "Krause",
    "Lehmann",
    "Köhler",
    "Jansen",
    "Nowak",
    "Yılmaz",
    "Kowalski",
    "Rossi",
    "Tanaka",
    "García",
    "Sharma",
    "Dubois",
    "Öztürk",
];
const COMPANIES: [&str; 8] = [
    "Saxonia Systems",
    "Elbflorenz Software",
    "T-Systems MMS",
    "Freelancer",
    "TU Dresden",
    "Cloud & Heat",
    "Staffbase",
    "Robotron",
];

/// (name in English and German, colour, description)
/// (name, colour, description in English and German)
const TRACKS: [(Name, &str, Name); 4] = [
    (
        Name::new("Architecture & Backend", "Architektur & Backend"),
        "#0b5cad",
        Name::new(
            "Systems, APIs, languages and runtimes",
            "Systeme, APIs, Sprachen und Laufzeitumgebungen",
        ),
    ),
    (
        Name::new("Frontend & UX", "Frontend & UX"),
        "#d9480f",
        Name::new(
            "Browsers, apps, design systems, accessibility",
            "Browser, Apps, Designsysteme, Barrierefreiheit",
        ),
    ),
    (
        Name::new("Data & AI", "Daten & KI"),
        "#2b8a3e",
        Name::new(
            "Data engineering, machine learning, analytics",
            "Data Engineering, maschinelles Lernen, Analyse",
        ),
    ),
    (
        Name::new("DevOps & Security", "DevOps & Sicherheit"),
        "#862e9c",
        Name::new(
            "Delivery, operations, observability, security",
            "Auslieferung, Betrieb, Observability, Sicherheit",
        ),
    ),
];

/// (title, abstract, language, track index)
const TALKS: [(&str, &str, &str, usize); 35] = [
    (
        "Rust in production: two years of lessons",
        "What changed when our payment service moved from Java to Rust, and what did not.",
        "en",
        0,
    ),
    (
        "Event sourcing without tears",
        "Commands, events and projections in a plain PostgreSQL database.",
        "en",
        0,
    ),
    (
        "Modulith first",
        "Why we stopped starting with microservices, and how we cut modules that can leave later.",
        "en",
        0,
    ),
    (
        "Kotlin-Coroutinen im Backend",
        "Strukturierte Nebenläufigkeit in Spring-Anwendungen, mit Messungen.",
        "de",
        0,
    ),
    (
        "Domain-Driven Design in der Praxis",
        "Bounded Contexts finden, wenn die Fachabteilung keine Zeit hat.",
        "de",
        0,
    ),
    (
        "gRPC or REST? Measured, not argued",
        "Latency, payload and developer time in one comparison.",
        "en",
        0,
    ),
    (
        "Legacy-Code sicher umbauen",
        "Charakterisierungstests und kleine Schritte in einer 15 Jahre alten Codebasis.",
        "de",
        0,
    ),
    (
        "WebAssembly on the server",
        "Plugins that cannot crash the host: WASI in practice.",
        "en",
        0,
    ),
    (
        "SQLite is enough",
        "When a single file beats a database cluster, and when it does not.",
        "en",
        0,
    ),
    (
        "Accessible forms that people finish",
        "Labels, errors beside fields, and what screen readers really announce.",
        "en",
        1,
    ),
    (
        "Design-Systeme, die bleiben",
        "Wie ein Design-System über drei Produktteams hinweg gepflegt wird.",
        "de",
        1,
    ),
    (
        "The web without JavaScript",
        "Server-rendered pages that are fast on a train in Saxony.",
        "en",
        1,
    ),
    (
        "React Server Components im Alltag",
        "Was sich für Teams ändert, die seit Jahren SPAs bauen.",
        "de",
        1,
    ),
    (
        "CSS has grown up",
        "Container queries, :has() and cascade layers replace half our build tooling.",
        "en",
        1,
    ),
    (
        "Barrierefreiheit ist kein Feature",
        "Das Barrierefreiheitsstärkungsgesetz und was es für eure App bedeutet.",
        "de",
        1,
    ),
    (
        "Offline first with service workers",
        "A door scanner that keeps working when the Wi-Fi does not.",
        "en",
        1,
    ),
    (
        "Micro-Frontends: ein Erfahrungsbericht",
        "Zwei Jahre, fünf Teams, eine Seite: was wir wieder zurückgebaut haben.",
        "de",
        1,
    ),
    (
        "Vector search in PostgreSQL",
        "pgvector, indexes and the queries that got slow.",
        "en",
        2,
    ),
    (
        "Datenqualität messen",
        "Tests für Daten-Pipelines, die nachts nicht klingeln.",
        "de",
        2,
    ),
    (
        "LLMs behind a firewall",
        "Running language models on our own hardware for a public authority.",
        "en",
        2,
    ),
    (
        "Feature Stores ohne Hype",
        "Wann sich ein Feature Store lohnt und wann eine Tabelle reicht.",
        "de",
        2,
    ),
    (
        "Stream processing with Kafka and Flink",
        "Exactly-once in practice, and where it ends.",
        "en",
        2,
    ),
    (
        "Dashboards, die jemand liest",
        "Metriken auswählen, die Entscheidungen verändern.",
        "de",
        2,
    ),
    (
        "Evaluating ML models honestly",
        "Leakage, baselines and the metrics that lie.",
        "en",
        2,
    ),
    (
        "Privacy by design for data teams",
        "Pseudonymisation, retention and the GDPR in a data lake.",
        "en",
        2,
    ),
    (
        "Kubernetes für kleine Teams",
        "Was man weglassen kann, wenn man nur drei Leute ist.",
        "de",
        3,
    ),
    (
        "Supply-chain security for the rest of us",
        "SBOMs, signatures and cargo-audit in an ordinary CI.",
        "en",
        3,
    ),
    (
        "Observability mit OpenTelemetry",
        "Traces, Logs und Metriken aus einem Guss, Schritt für Schritt.",
        "de",
        3,
    ),
    (
        "Chaos engineering on a budget",
        "Breaking things on purpose with shell scripts and a plan.",
        "en",
        3,
    ),
    (
        "Infrastructure as Code testen",
        "Terraform-Module mit echten Tests statt Hoffnung.",
        "de",
        3,
    ),
    (
        "Passkeys: the end of passwords?",
        "WebAuthn in a real login flow, including the edge cases.",
        "en",
        3,
    ),
    (
        "Platform Engineering ohne Plattform-Team",
        "Golden Paths, die Entwickler freiwillig nutzen.",
        "de",
        3,
    ),
    (
        "Threat modelling in an afternoon",
        "A lightweight method that product teams actually use.",
        "en",
        3,
    ),
    (
        "Zero-Downtime-Deployments",
        "Datenbankmigrationen, Feature-Flags und Rollbacks ohne Wartungsfenster.",
        "de",
        3,
    ),
    (
        "From on-call hell to calm nights",
        "How we cut pages by 80 % in one quarter.",
        "en",
        3,
    ),
];

/// Lightning talks and workshops take a fixed part of the talks' ideas.
const WORKSHOP_EVERY: usize = 9;
const LIGHTNING_EVERY: usize = 4;

pub fn fill(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    password_hash: &str,
    account: impl Fn(&mut DbConn, &str, &str, &str) -> anyhow::Result<UserId>,
) -> anyhow::Result<(usize, usize)> {
    settings::save_settings(
        conn,
        &edition.id,
        &SettingsForm {
            intro_md: "DevDay is a free conference **by developers for developers**. We welcome \
                       first-time speakers: tell us what you learned, including what went wrong.\n\n\
                       Talks are 45 minutes, lightning talks 15, workshops 3 hours. German or English."
                .into(),
            intro_de_md: "DevDay ist eine kostenlose Konferenz **von Entwicklerinnen und \
                          Entwicklern für Entwicklerinnen und Entwickler**. Wer zum ersten Mal spricht, ist herzlich willkommen: \
                          Erzähl uns, was du gelernt hast, auch was schiefging.\n\n\
                          Vorträge dauern 45 Minuten, Kurzvorträge 15, Workshops 3 Stunden. \
                          Auf Deutsch oder Englisch."
                .into(),
            max_proposals_per_speaker: "3".into(),
            title_max: "120".into(),
            abstract_max: "1500".into(),
            recording_license: "CC BY 4.0".into(),
        },
    )
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    for (position, (name, colour, description)) in TRACKS.iter().enumerate() {
        settings::add_track(
            conn,
            &edition.id,
            &TrackForm {
                name: name.en.into(),
                name_de: name.de.into(),
                colour: (*colour).into(),
                description: description.en.into(),
                description_de: description.de.into(),
                position: position.to_string(),
            },
        )
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    // The slots the programme has: two days in six rooms.
    for (kind, slots) in settings::session_types(conn, &edition.id)
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .iter()
        .zip([36, 8, 4])
    {
        let form = SessionTypeForm {
            name: kind.name.clone(),
            name_de: kind.name_de.clone(),
            duration_minutes: kind.duration_minutes.to_string(),
            deadline: String::new(),
            hidden: kind.hidden,
            position: kind.position.to_string(),
            slots: slots.to_string(),
        };
        settings::update_session_type(conn, edition, &kind.id, &form)
            .map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    let types = settings::session_types(conn, &edition.id).map_err(|e| anyhow::anyhow!("{e}"))?;
    let tracks = settings::tracks(conn, &edition.id)?;
    // A question in both languages; each proposal answers it with one of its options.
    settings::add_question(
        conn,
        &edition.id,
        &QuestionForm {
            target: "proposal".into(),
            kind: "single".into(),
            label: "Have you given this talk before?".into(),
            label_de: "Hast du den Vortrag schon einmal gehalten?".into(),
            help: "A talk that has been tried is welcome too.".into(),
            help_de: "Ein schon erprobter Vortrag ist ebenso willkommen.".into(),
            options: "No, it is new\nYes, at a meetup\nYes, at a conference".into(),
            options_de: "Nein, er ist neu\nJa, bei einem Meetup\nJa, auf einer Konferenz".into(),
            ..QuestionForm::default()
        },
    )
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let asked = settings::questions(conn, &edition.id)?;
    let given_before = asked.first().map(|q| {
        (
            q.id.clone(),
            q.option_list()
                .iter()
                .map(|o| o.to_string())
                .collect::<Vec<_>>(),
        )
    });

    let mut speakers = Vec::new();
    for n in 0..55 {
        let (first, last) = (
            FIRST[n % FIRST.len()],
            LAST[(n * 7 + n / FIRST.len()) % LAST.len()],
        );
        let name = format!("{first} {last}");
        let email = format!(
            "{}.{}{}@devday-demo.example",
            ascii(first),
            ascii(last),
            if n >= FIRST.len() {
                (n / FIRST.len()).to_string()
            } else {
                String::new()
            }
        );
        let id = account(conn, &email, &name, password_hash)?;
        profiles::save(
            conn,
            &id,
            &ProfileForm {
                display_name: name.clone(),
                biography_md: format!(
                    "{first} works at {} and has been writing software for {} years.",
                    COMPANIES[n % COMPANIES.len()],
                    3 + n % 17
                ),
                company: COMPANIES[n % COMPANIES.len()].into(),
                links: format!("https://{}.dev", ascii(first)),
            },
        )
        .map_err(|e| anyhow::anyhow!("{e}"))?;
        speakers.push(id);
    }

    let mut count = 0;
    for n in 0..70 {
        let (title, summary, language, track) = TALKS[n % TALKS.len()];
        let type_index = if n % WORKSHOP_EVERY == 4 {
            2
        } else if n % LIGHTNING_EVERY == 3 {
            1
        } else {
            0
        };
        let title = if n < TALKS.len() {
            title.to_owned()
        } else {
            match language {
                "de" => format!("{title} – Teil 2"),
                _ => format!("{title}: the sequel"),
            }
        };
        let input = ProposalInput {
            title,
            abstract_text: summary.into(),
            description: format!("{summary}\n\nOutline:\n\n1. The problem\n2. What we tried\n3. What worked, with numbers"),
            notes: String::new(),
            session_type_id: types[type_index.min(types.len() - 1)].id.clone(),
            track_id: tracks.get(track).map(|t| t.id.clone()),
            language: Language::parse(language).unwrap_or(Language::English),
            level: [Level::Beginner, Level::Intermediate, Level::Advanced][n % 3],
            proposal_answers: given_before
                .iter()
                .map(|(id, options)| (id.clone(), options[n % options.len()].clone()))
                .collect(),
            speaker_answers: Vec::new(),
            speaker_questions: Vec::new(),
        };
        // Speakers 0..55 get one each; the last 15 proposals go to speakers with a second one.
        let speaker = &speakers[if n < 55 { n } else { (n - 55) * 3 }];
        let proposal = service::create(
            conn,
            mailer,
            NewProposal {
                edition,
                input: &input,
                speaker_id: Some(speaker),
                actor_id: speaker,
                submit: false,
                access_code_id: None,
            },
        )
        .map_err(|e| anyhow::anyhow!("{e}"))?;
        if n % 8 == 2 {
            service::add_speaker(conn, &proposal.id, &speakers[(n + 11) % speakers.len()])?;
        }
        // Submitted without the confirmation mail a real submission sends.
        let state = match n % 23 {
            5 => ProposalState::Draft,
            17 => ProposalState::Withdrawn,
            _ => ProposalState::Submitted,
        };
        if state != ProposalState::Draft {
            service::transition(
                conn,
                &proposal,
                ProposalState::Submitted,
                speaker,
                HistoryEvent::Submitted.into(),
            )
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        }
        if state == ProposalState::Withdrawn {
            let submitted = devday_cfp::proposals::get(conn, &edition.id, &proposal.id)?
                .ok_or_else(|| anyhow::anyhow!("demo proposal vanished"))?;
            service::transition(
                conn,
                &submitted,
                state,
                speaker,
                HistoryEvent::WithdrawnBySpeaker.into(),
            )
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        }
        count += 1;
    }
    Ok((count, speakers.len()))
}

/// An email-safe spelling of a name.
fn ascii(name: &str) -> String {
    name.to_lowercase()
        .replace('ü', "ue")
        .replace('ö', "oe")
        .replace('ä', "ae")
        .replace('ß', "ss")
        .replace(['ı', 'í'], "i")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect()
}
