//! What people read, kept as reviewed snapshots (tests/tests/snapshots/): the mails of a
//! registration and of a proposal in English and German, and the CSV downloads in both
//! languages. A changed text shows up as a diff to review; ids, tokens, codes and the
//! dates that depend on today are redacted.

use devday_shared::i18n::Locale;
use devday_tests::builders::Builder;
use devday_tests::Mail;
use devday_tests::{db_test, Client, TestApp};

/// An edition with fixed dates, so the mails' dates stay the same from run to run.
async fn fixed_edition(app: &TestApp, admin: &Client) -> anyhow::Result<()> {
    let res = admin
        .post(
            "/editions/new",
            &[
                ("name", "DevDay 2030"),
                ("slug", "dd-2030"),
                ("starts_on", "2030-06-13"),
                ("ends_on", "2030-06-14"),
                ("timezone", "Europe/Berlin"),
                (
                    "venue",
                    "Deutsches Hygiene-Museum, Lingnerplatz 1, 01069 Dresden",
                ),
                ("cfp_opens_at", "2026-01-01T00:00"),
                ("cfp_closes_at", "2030-03-01T23:59"),
                ("registration_opens_at", "2026-01-01T00:00"),
                ("registration_closes_at", "2030-06-12T18:00"),
            ],
        )
        .await?;
    anyhow::ensure!(res.status == 303, "{}", res.body);
    let res = admin
        .post(
            "/dd-2030/manage/registration",
            &[
                ("hold_hours", "24"),
                ("offer_hours", "48"),
                ("privacy_text", "We keep your data safe."),
                ("privacy_text_de", "Wir schützen deine Daten."),
                ("coc_text", "Be kind."),
                ("coc_text_de", "Sei freundlich."),
            ],
        )
        .await?;
    anyhow::ensure!(res.status == 303, "{}", res.body);
    let _ = app;
    Ok(())
}

/// Replaces what differs between runs: ids, tokens in links, ticket codes, and today's and
/// tomorrow's dates (a hold's deadline) with their times. Days as the editions' timezone
/// counts them: at 00:05 in Dresden the mails already say tomorrow's date.
fn redact(text: &str) -> String {
    let today = chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Berlin)
        .date_naive();
    let mut out = text.replace("\r\n", "\n");
    for (day, name) in [
        (today, "[today]"),
        (today + chrono::Days::new(1), "[tomorrow]"),
        (today + chrono::Days::new(2), "[in two days]"),
    ] {
        for locale in [Locale::En, Locale::De] {
            out = out.replace(&devday_shared::dates::day(day, locale), name);
        }
    }
    let rules = [
        (
            r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
            "[id]",
        ),
        (r"/([A-Za-z0-9_-]{20,})", "/[token]"),
        (r"\b[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{3}\b", "[short code]"),
        (
            r"\[(today|tomorrow|in two days)\](,? (um )?)\d{1,2}:\d{2}( [A-Z]{3,4})?",
            "[$1]$2[time]",
        ),
        (r"http://127\.0\.0\.1:\d+", "https://devday.example"),
        (r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", "[timestamp]"),
    ];
    for (pattern, with) in rules {
        if let Ok(re) = regex::Regex::new(pattern) {
            out = re.replace_all(&out, with).into_owned();
        }
    }
    out
}

/// An export made readable for review: JSON pretty-printed, iCalendar lines unfolded; the
/// numeric ids frab and c3voc derive from ids, and the calendar's stamp, redacted.
fn redact_export(body: &str) -> String {
    let body = match serde_json::from_str::<serde_json::Value>(body) {
        Ok(json) => serde_json::to_string_pretty(&json).unwrap_or_default(),
        Err(_) => body.replace("\r\n ", ""),
    };
    let rules = [
        (r#"\bid="\d+""#, r#"id="[n]""#),
        (r#""id": \d+"#, r#""id": "[n]""#),
        (r"dd_2030-\d+-", "dd_2030-[n]-"),
        (r"DTSTAMP:\d{8}T\d{6}Z", "DTSTAMP:[now]"),
    ];
    let mut out = redact(&body);
    for (pattern, with) in rules {
        if let Ok(re) = regex::Regex::new(pattern) {
            out = re.replace_all(&out, with).into_owned();
        }
    }
    out
}

fn mail(mail: &Mail) -> String {
    redact(&format!(
        "Subject: {}\n\n{}",
        mail.subject,
        mail.text.trim_end()
    ))
}

db_test! {
    async fn the_schedule_exports_read_as_reviewed(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        fixed_edition(&app, &admin).await?;
        Builder::new(&app)?.programme("dd-2030", &[
            ("ada@example.org", "Typed states", "Saal 1", "09:00"),
            ("grete@example.org", "Zustände als Typen", "Saal 2", "10:00"),
        ], "Version 1")?;
        for export in ["schedule.xml", "schedule.json", "schedule.ics"] {
            let res = app.client().get(&format!("/dd-2030/{export}")).await?;
            assert_eq!(res.status, 200, "{export}: {}", res.body);
            insta::assert_snapshot!(export.replace('.', "-"), redact_export(&res.body));
        }
        Ok(())
    }
}

db_test! {
    async fn mails_and_downloads_read_as_reviewed(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        fixed_edition(&app, &admin).await?;
        for (lang, name, email) in [("en", "Ada Lovelace", "ada@example.org"), ("de", "Grete Hermann", "grete@example.org")] {
            let visitor = Client::speaking(&app.base, lang);
            let res = visitor.post("/dd-2030/register/", &[("name", name), ("email", email), ("consent", "true"), ("tshirt", "M")]).await?;
            assert_eq!(res.status, 200, "{}", res.body);
            let held = app.smtp.wait_for(email).await?;
            insta::assert_snapshot!(format!("registration-held-{lang}"), mail(&held));
            let confirm = held.link("/register/confirm/").expect("a confirmation link");
            visitor.get(&confirm).await?;
            let res = visitor.post(&confirm, &[]).await?;
            assert_eq!(res.status, 200, "{}", res.body);
            let ticket = app.smtp.wait_for_nth(email, 2).await?;
            insta::assert_snapshot!(format!("registration-ticket-{lang}"), mail(&ticket));
            let manage = ticket.link("/register/manage/").expect("a manage link");
            let res = visitor.post(&format!("{manage}/cancel"), &[]).await?;
            assert!(res.status < 400, "{}", res.body);
            let cancelled = app.smtp.wait_for_nth(email, 3).await?;
            insta::assert_snapshot!(format!("registration-cancelled-{lang}"), mail(&cancelled));
        }

        // A proposal in each language: received, then accepted. Mails go out in the
        // language of the speaker's account.
        let mut ids = Vec::new();
        for (lang, name, email, title, subject) in [
            ("en", "Sam Speaker", "sam@example.org", "Typed states", "Proposal received"),
            ("de", "Grete Sprecherin", "grete.s@example.org", "Zustände als Typen", "Einreichung erhalten"),
        ] {
            let speaker = app.user(email, name).await?;
            speaker.get(&format!("/lang/{lang}")).await?;
            ids.push(devday_tests::flows::submit_proposal(&speaker, "dd-2030", title, "Enums over strings.").await?);
            let received = app.smtp.wait_for_subject(email, subject).await?;
            insta::assert_snapshot!(format!("proposal-received-{lang}"), mail(&received));
        }
        let mut fields: Vec<(&str, &str)> = ids.iter().map(|id| ("ids", id.as_str())).collect();
        fields.push(("decision", "accept"));
        assert_eq!(admin.post("/dd-2030/manage/review/decide", &fields).await?.status, 303);
        assert_eq!(admin.post("/dd-2030/manage/review/notify", &[]).await?.status, 303);
        for (lang, email, subject) in [("en", "sam@example.org", "Accepted"), ("de", "grete.s@example.org", "Angenommen")] {
            let accepted = app.smtp.wait_for_subject(email, subject).await?;
            insta::assert_snapshot!(format!("proposal-accepted-{lang}"), mail(&accepted));
        }
        // The CSV downloads in both languages (two cancelled registrations, two proposals).
        for lang in ["en", "de"] {
            for csv in ["registrations", "proposals", "speakers"] {
                let url = format!("{}/dd-2030/manage/{csv}.csv", app.base);
                let res = admin.send(admin.http().get(&url).header("Accept-Language", lang)).await?;
                assert_eq!(res.status, 200);
                insta::assert_snapshot!(format!("{csv}-csv-{lang}"), redact(&res.body));
            }
        }
        Ok(())
    }
}

db_test! {
    async fn account_and_waiting_list_mails_read_as_reviewed(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        fixed_edition(&app, &admin).await?;
        app.set_conference_capacity(&admin, "dd-2030", "1").await?;
        for (lang, name, email) in [("en", "Lin Lee", "lin@example.org"), ("de", "Jo Jahn", "jo@example.org")] {
            // Signing up: the address is confirmed by mail, in the language of the page.
            let visitor = Client::speaking(&app.base, lang);
            let fields = [("display_name", name), ("email", email), ("password", "a long passphrase 1"), ("password_repeat", "a long passphrase 1")];
            assert_eq!(visitor.post("/account/signup", &fields).await?.status, 200);
            let confirm = app.smtp.wait_for(email).await?;
            insta::assert_snapshot!(format!("account-confirm-{lang}"), mail(&confirm));
            assert_eq!(visitor.post("/account/password/forgot", &[("email", email)]).await?.status, 200);
            let reset = app.smtp.wait_for_nth(email, 2).await?;
            insta::assert_snapshot!(format!("account-reset-{lang}"), mail(&reset));
        }
        // One seat: the first person holds it, the next ones wait and are told their place;
        // when the seat comes free, the first in line is offered it.
        let first = Client::speaking(&app.base, "en");
        first.post("/dd-2030/register/", &[("name", "Ada"), ("email", "ada@example.org"), ("consent", "true"), ("tshirt", "M")]).await?;
        let held = app.smtp.wait_for("ada@example.org").await?;
        for (lang, name, email) in [("de", "Grete", "grete@example.org"), ("en", "Alan", "alan@example.org")] {
            let waiting = Client::speaking(&app.base, lang);
            let res = waiting.post("/dd-2030/register/", &[("name", name), ("email", email), ("consent", "true"), ("waitlist", "true"), ("tshirt", "M")]).await?;
            assert_eq!(res.status, 200, "{}", res.body);
            let joined = app.smtp.wait_for(email).await?;
            insta::assert_snapshot!(format!("waitlist-joined-{lang}"), mail(&joined));
        }
        let manage = held.link("/register/manage/").expect("a manage link");
        assert!(first.post(&format!("{manage}/cancel"), &[]).await?.status < 400);
        let offer = app.smtp.wait_for_nth("grete@example.org", 2).await?;
        insta::assert_snapshot!("waitlist-offer-de", mail(&offer));
        // A second seat: the next in line, in English, is offered it.
        app.set_conference_capacity(&admin, "dd-2030", "2").await?;
        let offer = app.smtp.wait_for_nth("alan@example.org", 2).await?;
        insta::assert_snapshot!("waitlist-offer-en", mail(&offer));
        Ok(())
    }
}

db_test! {
    async fn the_other_mails_read_as_reviewed(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        fixed_edition(&app, &admin).await?;
        let cancel_link = regex::Regex::new(r#"href="(/dd-2030/manage/registrations/[0-9a-f-]{36}/cancel)""#)?;
        let fields = |name: &'static str, email: &'static str| [("name", name), ("email", email), ("consent", "true"), ("tshirt", "M")];
        for (lang, name, email) in [("en", "Ada Lovelace", "ada@example.org"), ("de", "Grete Hermann", "grete@example.org")] {
            // Registering twice mails the manage link instead of a second registration.
            let visitor = Client::speaking(&app.base, lang);
            visitor.post("/dd-2030/register/", &fields(name, email)).await?;
            app.smtp.wait_for(email).await?;
            visitor.post("/dd-2030/register/", &fields(name, email)).await?;
            let again = app.smtp.wait_for_nth(email, 2).await?;
            insta::assert_snapshot!(format!("registration-again-{lang}"), mail(&again));
            // The organisers cancel it: the person is told, with the way back.
            let list = admin.get(&format!("/dd-2030/manage/registrations?q={email}")).await?;
            let cancel = cancel_link
                .captures(&list.body)
                .map(|c| c[1].to_owned())
                .expect("a cancel link");
            assert_eq!(admin.post(&cancel, &[]).await?.status, 303);
            let cancelled = app.smtp.wait_for_nth(email, 3).await?;
            insta::assert_snapshot!(format!("registration-cancelled-by-organisers-{lang}"), mail(&cancelled));
            // A team invitation in the language the organisers chose for the invitee.
            let invitee = format!("team-{lang}@example.org");
            let res = admin.post("/dd-2030/manage/team/invite", &[("email", invitee.as_str()), ("role", "reviewer"), ("locale", lang)]).await?;
            assert_eq!(res.status, 303, "{}", res.body);
            let invited = app.smtp.wait_for(&invitee).await?;
            insta::assert_snapshot!(format!("team-invitation-{lang}"), mail(&invited));
        }
        // Signing up with an address that has an account tells its owner, nothing more.
        let fields = [("display_name", "Someone"), ("email", "admin@example.org"), ("password", "a long passphrase 1"), ("password_repeat", "a long passphrase 1")];
        let before = app.smtp.mails_to("admin@example.org").len();
        app.client().post("/account/signup", &fields).await?;
        let exists = app.smtp.wait_for_nth("admin@example.org", before + 1).await?;
        insta::assert_snapshot!("account-exists-en", mail(&exists));
        // The same from a German page, in German.
        Client::speaking(&app.base, "de").post("/account/signup", &fields).await?;
        let exists = app.smtp.wait_for_nth("admin@example.org", before + 2).await?;
        insta::assert_snapshot!("account-exists-de", mail(&exists));
        // Rejections, each in the language of the speaker's account.
        let sam = app.user("sam@example.org", "Sam Sprecher").await?;
        sam.get("/lang/de").await?;
        let kim = app.user("kim@example.org", "Kim Speaker").await?;
        let ids = [
            devday_tests::flows::submit_proposal(&sam, "dd-2030", "Zustände als Typen", "Enums.").await?,
            devday_tests::flows::submit_proposal(&kim, "dd-2030", "States as types", "Enums.").await?,
        ];
        let decide = [("ids", ids[0].as_str()), ("ids", ids[1].as_str()), ("decision", "reject")];
        assert_eq!(admin.post("/dd-2030/manage/review/decide", &decide).await?.status, 303);
        assert_eq!(admin.post("/dd-2030/manage/review/notify", &[]).await?.status, 303);
        let rejected = app.smtp.wait_for_subject("sam@example.org", "Deine Einreichung").await?;
        insta::assert_snapshot!("proposal-rejected-de", mail(&rejected));
        let rejected = app.smtp.wait_for_subject("kim@example.org", "Your proposal").await?;
        insta::assert_snapshot!("proposal-rejected-en", mail(&rejected));
        // Last year's speakers are asked back, each in their language.
        app.create_open_edition(&admin, "dd-last").await?;
        let mut builder = Builder::new(&app)?;
        builder.person("greta@example.org", "Greta Gast", Locale::De)?;
        builder.confirmed_session("dd-last", "greta@example.org", "Zustände als Typen")?;
        builder.confirmed_session("dd-last", "liam@example.org", "States as types")?;
        let send = [("from", "dd-last"), ("speakers", "true")];
        assert_eq!(admin.post("/dd-2030/manage/speakers/returning", &send).await?.status, 303);
        for (lang, email) in [("de", "greta@example.org"), ("en", "liam@example.org")] {
            let back = app.smtp.wait_for(email).await?;
            insta::assert_snapshot!(format!("returning-speaker-{lang}"), mail(&back));
        }
        Ok(())
    }
}

db_test! {
    async fn speaker_and_committee_mails_read_as_reviewed(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        fixed_edition(&app, &admin).await?;
        // A session for an invited speaker, claimed through the mail.
        let form = admin.get("/dd-2030/manage/proposals/new").await?.body;
        let talk = devday_tests::capture(r#"<option value="([0-9a-f-]{36})""#, &form);
        let res = admin.post("/dd-2030/manage/proposals/new", &[
            ("speaker_email", "keynote@example.org"), ("title", "Opening keynote"), ("abstract", "Big ideas."),
            ("session_type", &talk), ("language", "en"), ("level", "beginner"),
        ]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let claim = app.smtp.wait_for("keynote@example.org").await?;
        insta::assert_snapshot!("proposal-claim-en", mail(&claim));
        // A co-speaker invited on the submit form.
        let lea = app.user("lea@example.org", "Lea Lindner").await?;
        let fields = [("title", "Typed SQL"), ("abstract", "Diesel in practice."), ("session_type", talk.as_str()), ("language", "en"), ("level", "beginner"), ("action", "submit"), ("co_speakers", "cora@example.org")];
        assert_eq!(lea.post("/dd-2030/cfp/submit", &fields).await?.status, 303);
        let invited = app.smtp.wait_for("cora@example.org").await?;
        insta::assert_snapshot!("cospeaker-invitation-en", mail(&invited));
        // The same from a speaker who reads German: the invitation is in German.
        let jan = app.user("jan@example.org", "Jan Jansen").await?;
        jan.get("/lang/de").await?;
        let fields = [("title", "Typisiertes SQL"), ("abstract", "Diesel im Einsatz."), ("session_type", talk.as_str()), ("language", "de"), ("level", "beginner"), ("action", "submit"), ("co_speakers", "carla@example.org")];
        assert_eq!(jan.post("/dd-2030/cfp/submit", &fields).await?.status, 303);
        let invited = app.smtp.wait_for("carla@example.org").await?;
        insta::assert_snapshot!("cospeaker-invitation-de", mail(&invited));
        // A reviewer's digest after the proposals are distributed.
        let rita = app.user("rita@example.org", "Rita Reviewer").await?;
        app.invite(&admin, "dd-2030", &rita, "rita@example.org", "reviewer").await?;
        let rolf = app.user("rolf@example.org", "Rolf Rezensent").await?;
        rolf.get("/lang/de").await?;
        app.invite(&admin, "dd-2030", &rolf, "rolf@example.org", "reviewer").await?;
        assert_eq!(admin.post("/dd-2030/manage/review/distribute", &[]).await?.status, 303);
        let digest = app.smtp.wait_for_nth("rita@example.org", 3).await?;
        insta::assert_snapshot!("review-assigned-en", mail(&digest));
        let digest = app.smtp.wait_for_nth("rolf@example.org", 3).await?;
        insta::assert_snapshot!("review-assigned-de", mail(&digest));
        // The first release tells each speaker their slot, in the language of their account.
        let mut builder = Builder::new(&app)?;
        builder.person("sara@example.org", "Sara Sprecherin", Locale::De)?;
        builder.person("theo@example.org", "Theo Thal", Locale::De)?;
        let sessions = builder.placed("dd-2030", &[
            ("sam@example.org", "Typed states", "Saal 1", "09:00"),
            ("tom@example.org", "Macros", "Saal 1", "10:00"),
            ("sara@example.org", "Zustände als Typen", "Saal 1", "13:00"),
            ("theo@example.org", "Makros", "Saal 1", "14:00"),
        ])?;
        let release = |name: &'static str| [("name", name), ("acknowledge_warnings", "true")];
        let res = admin.post("/dd-2030/manage/schedule/release", &release("Version 1")).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let placed = app.smtp.wait_for("sam@example.org").await?;
        insta::assert_snapshot!("schedule-placed-en", mail(&placed));
        let placed = app.smtp.wait_for("sara@example.org").await?;
        insta::assert_snapshot!("schedule-placed-de", mail(&placed));
        // Two attendees starred sessions that the next release moves and cancels.
        let ana = builder.attendee("dd-2030", "Ana", "ana@example.org", Locale::En)?;
        let jo = builder.attendee("dd-2030", "Jo", "jo@example.org", Locale::De)?;
        let visitor = app.client();
        for (attendee, starred) in [(&ana, [&sessions[0].id, &sessions[1].id]), (&jo, [&sessions[2].id, &sessions[3].id])] {
            let manage = visitor.get(&attendee.manage_link()).await?;
            let programme = devday_tests::capture(r#"class="programme-card" href="([^"]+)""#, &manage.body).replace("&#x2F;", "/");
            for id in starred {
                let res = visitor.post(&format!("{programme}stars"), &[("session", id.as_str()), ("star", "true")]).await?;
                assert_eq!(res.status, 303, "{}", res.body);
            }
        }
        // The next release moves one session and takes the other out: each speaker is told.
        let editor = admin.get(&format!("/dd-2030/manage/schedule?edit={}", sessions[0].id)).await?.body;
        let saal = devday_tests::capture(r#"<option value="([0-9a-f-]{36})"[^>]*>Saal 1</option>"#, &editor);
        let day = "2030-06-13";
        for (moved, dropped, start) in [(&sessions[0].id, &sessions[1].id, "11:00"), (&sessions[2].id, &sessions[3].id, "15:00")] {
            let res = admin.post(&format!("/dd-2030/manage/schedule/sessions/{moved}"), &[("day", day), ("room", saal.as_str()), ("start", start), ("duration", ""), ("version", "1")]).await?;
            assert_eq!(res.status, 303, "{}", res.body);
            let res = admin.post(&format!("/dd-2030/manage/schedule/sessions/{dropped}/unplace"), &[("version", "1")]).await?;
            assert_eq!(res.status, 303, "{}", res.body);
        }
        let res = admin.post("/dd-2030/manage/schedule/release", &release("Version 2")).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let moved = app.smtp.wait_for_nth("sam@example.org", 2).await?;
        insta::assert_snapshot!("schedule-moved-en", mail(&moved));
        let cancelled = app.smtp.wait_for_nth("tom@example.org", 2).await?;
        insta::assert_snapshot!("schedule-cancelled-en", mail(&cancelled));
        let moved = app.smtp.wait_for_nth("sara@example.org", 2).await?;
        insta::assert_snapshot!("schedule-moved-de", mail(&moved));
        let cancelled = app.smtp.wait_for_nth("theo@example.org", 2).await?;
        insta::assert_snapshot!("schedule-cancelled-de", mail(&cancelled));
        // Each attendee gets one mail listing all of their changes, in their language.
        let changed = app.smtp.wait_for("ana@example.org").await?;
        insta::assert_snapshot!("programme-changed-en", mail(&changed));
        let changed = app.smtp.wait_for("jo@example.org").await?;
        insta::assert_snapshot!("programme-changed-de", mail(&changed));
        // A session entered for an invited speaker by an organiser who reads German.
        admin.get("/lang/de").await?;
        let res = admin.post("/dd-2030/manage/proposals/new", &[
            ("speaker_email", "gast@example.org"), ("title", "Eröffnung"), ("abstract", "Große Ideen."),
            ("session_type", &talk), ("language", "de"), ("level", "beginner"),
        ]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let claim = app.smtp.wait_for("gast@example.org").await?;
        insta::assert_snapshot!("proposal-claim-de", mail(&claim));
        Ok(())
    }
}

db_test! {
    async fn reconfirmation_mails_read_as_reviewed(backend) {
        let mut app = TestApp::builder(backend).env("DEVDAY_SERVER_SWEEP_SECONDS", "1").spawn().await?;
        let admin = app.admin().await?;
        fixed_edition(&app, &admin).await?;
        let mut builder = Builder::new(&app)?;
        builder.attendee("dd-2030", "Ana", "ana@example.org", Locale::En)?;
        builder.attendee("dd-2030", "Jo", "jo@example.org", Locale::De)?;
        // Asked already (the clock runs every second), reminded and closed when the test
        // moves the round's times back.
        let res = admin.post("/dd-2030/manage/registration/reconfirm", &[
            ("asks_at", "2026-01-01T10:00"), ("reminds_at", "2030-06-05T10:00"),
            ("deadline", "2030-06-09T23:59"), ("release_unanswered", "true"),
        ]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let asked = app.smtp.wait_for("ana@example.org").await?;
        insta::assert_snapshot!("reconfirm-ask-en", mail(&asked));
        let asked = app.smtp.wait_for("jo@example.org").await?;
        insta::assert_snapshot!("reconfirm-ask-de", mail(&asked));
        let mut conn = devday_db::DatabaseUrl::parse(&app.database_url())?.connect()?;
        diesel::connection::SimpleConnection::batch_execute(&mut conn, "UPDATE reconfirmation_rounds SET reminds_at = '2000-01-01 00:00:00'")?;
        let reminded = app.smtp.wait_for_nth("jo@example.org", 2).await?;
        insta::assert_snapshot!("reconfirm-reminder-de", mail(&reminded));
        diesel::connection::SimpleConnection::batch_execute(&mut conn, "UPDATE reconfirmation_rounds SET deadline = '2000-01-02 00:00:00'")?;
        let released = app.smtp.wait_for_nth("ana@example.org", 3).await?;
        insta::assert_snapshot!("registration-released-en", mail(&released));
        Ok(())
    }
}

db_test! {
    async fn recording_mails_read_as_reviewed(backend) {
        let mut app = TestApp::builder(backend).env("DEVDAY_SERVER_SWEEP_SECONDS", "1").spawn().await?;
        let admin = app.admin().await?;
        fixed_edition(&app, &admin).await?;
        let mut builder = Builder::new(&app)?;
        let sessions = builder.programme("dd-2030", &[
            ("ada@example.org", "Typed states", "Saal 1", "09:00"),
            ("grete@example.org", "Zustände als Typen", "Saal 2", "10:00"),
        ], "Version 1")?;
        let visitor = app.client();
        for (name, email, locale) in [("Ana", "ana@example.org", Locale::En), ("Jo", "jo@example.org", Locale::De)] {
            let attendee = builder.attendee("dd-2030", name, email, locale)?;
            let manage = visitor.get(&attendee.manage_link()).await?;
            let programme = devday_tests::capture(r#"class="programme-card" href="([^"]+)""#, &manage.body).replace("&#x2F;", "/");
            for session in &sessions {
                visitor.post(&format!("{programme}stars"), &[("session", session.id.as_str()), ("star", "true")]).await?;
            }
        }
        for (n, session) in sessions.iter().enumerate() {
            let res = admin.post(&format!("/dd-2030/manage/schedule/recordings/{}", session.id), &[("url", format!("https://media.example.org/{n}").as_str())]).await?;
            assert_eq!(res.status, 303, "{}", res.body);
        }
        let mut conn = devday_db::DatabaseUrl::parse(&app.database_url())?.connect()?;
        diesel::connection::SimpleConnection::batch_execute(&mut conn, "UPDATE recordings SET updated_at = '2000-01-01 00:00:00'")?;
        let online = app.smtp.wait_for("ana@example.org").await?;
        insta::assert_snapshot!("programme-recordings-en", mail(&online));
        let online = app.smtp.wait_for("jo@example.org").await?;
        insta::assert_snapshot!("programme-recordings-de", mail(&online));
        Ok(())
    }
}
