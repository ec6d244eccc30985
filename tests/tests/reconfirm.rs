//! Seats that are really used: a reconfirmation round asks everyone with a confirmed seat,
//! gives freed seats to the waiting list at once, reminds and, at the deadline, releases
//! the unanswered seats. The clock runs every second here and is moved forward by moving
//! the round's times back; two instances share the work and mail each step once.

use devday_shared::i18n::Locale;
use devday_tests::builders::Builder;
use devday_tests::{capture, db_test, TestApp};
use diesel::connection::SimpleConnection;

/// A local time `days` from now as a datetime-local field sends it.
fn in_days(days: i64) -> String {
    (chrono::Utc::now().naive_utc() + chrono::Duration::days(days))
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

/// Waits until the outbox has sent everything (both instances send).
async fn outbox_drained(app: &TestApp) -> anyhow::Result<()> {
    use devday_db::schema::outbox::dsl as o;
    use diesel::prelude::*;
    let mut conn = devday_db::DatabaseUrl::parse(&app.database_url())?.connect()?;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let waiting: i64 = o::outbox
            .filter(o::sent_at.is_null())
            .filter(o::failed_at.is_null())
            .count()
            .get_result(&mut conn)?;
        if waiting == 0 {
            return Ok(());
        }
        anyhow::ensure!(
            std::time::Instant::now() < deadline,
            "{waiting} mails still waiting"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

fn subjects(app: &TestApp, to: &str, prefix: &str) -> usize {
    app.smtp
        .mails_to(to)
        .iter()
        .filter(|m| m.subject.starts_with(prefix))
        .count()
}

db_test! {
    async fn a_reconfirmation_round_frees_unused_seats_for_the_waiting_list(backend) {
        let mut app = TestApp::builder(backend).env("DEVDAY_SERVER_SWEEP_SECONDS", "1").spawn().await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        app.set_conference_capacity(&admin, "dd-2030", "3").await?;
        let mut builder = Builder::new(&app)?;
        builder.attendee("dd-2030", "Ana", "ana@example.org", Locale::En)?;
        builder.attendee("dd-2030", "Ben", "ben@example.org", Locale::De)?;
        builder.attendee("dd-2030", "Cy", "cy@example.org", Locale::En)?;
        // Two wait for a seat.
        for (name, email) in [("Dee", "dee@example.org"), ("Eve", "eve@example.org")] {
            let res = app.client().api_post("/api/events/dd-2030/registrations", None,
                &serde_json::json!({"name": name, "email": email, "consent": true, "waitlist": true})).await?;
            assert!(res.body.contains("waitlist"), "{} {}", res.status, res.body);
        }
        let second = app.second_instance().await?;

        // Bad plans change nothing and say why beside the field.
        let page = admin.get("/dd-2030/manage/registration/reconfirm").await?;
        assert!(page.body.contains("3 people with a confirmed seat get the mail"), "{}", page.body);
        let res = admin.post("/dd-2030/manage/registration/reconfirm", &[
            ("asks_at", &in_days(2)), ("deadline", &in_days(1)), ("release_unanswered", "true"),
        ]).await?;
        assert_eq!(res.status, 422);
        assert!(res.body.contains("The deadline must come after asking."), "{}", res.body);
        let res = admin.post("/dd-2030/manage/registration/reconfirm", &[
            ("asks_at", &in_days(1)), ("deadline", &in_days(200)),
        ]).await?;
        assert_eq!(res.status, 422);
        assert!(res.body.contains("before the conference starts"), "{}", res.body);
        assert!(admin.get("/dd-2030/manage/registration/reconfirm").await?.body.contains("Plan the round"), "nothing was saved");

        // Planned to ask a day ago: the clock asks at its next beat, once.
        let res = admin.post("/dd-2030/manage/registration/reconfirm", &[
            ("asks_at", &in_days(-1)),
            ("reminds_at", &in_days(5)), ("deadline", &in_days(10)), ("release_unanswered", "true"),
        ]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let ana = app.smtp.wait_for_subject("ana@example.org", "Edition dd-2030: are you still coming?").await?;
        assert!(ana.text.contains("Without an answer by"), "the mail says unanswered seats go: {}", ana.text);
        let ben = app.smtp.wait_for_subject("ben@example.org", "Edition dd-2030: Kommst du noch?").await?;
        app.smtp.wait_for_subject("cy@example.org", "Edition dd-2030").await?;

        // Ana comes: the link shows both answers, the one it named first.
        let coming = ana.link("answer=coming").expect("the coming link");
        let visitor = app.client();
        let page = visitor.get(&coming).await?;
        assert!(page.body.contains("I&#x27;m coming") || page.body.contains("I'm coming"), "{}", page.body);
        let action = capture(r#"<form method="post" action="([^"]+)" class="coming""#, &page.body).replace("&#x2F;", "/");
        assert_eq!(visitor.post(&action, &[("answer", "coming")]).await?.status, 303);
        assert!(visitor.get(&action).await?.body.contains("You said you are coming"));
        // A forged link leads nowhere.
        let forged = format!("{}x", action.trim_end_matches('/'));
        assert_eq!(visitor.get(&forged).await?.status, 404);
        // Ben frees his seat: Dee, first on the list, is offered it at once.
        let free = ben.link("answer=free").expect("the free link");
        let page = visitor.get(&free).await?;
        let action = capture(r#"<form method="post" action="([^"]+)" class="free""#, &page.body).replace("&#x2F;", "/");
        assert_eq!(visitor.post(&action, &[("answer", "free")]).await?.status, 303);
        app.smtp.wait_for_subject("dee@example.org", "A place for you at Edition dd-2030").await?;
        assert_eq!(visitor.post(&action, &[("answer", "coming")]).await?.status, 409, "a freed seat is not taken back");

        // The clock moves to the reminder: only Cy has not answered.
        let mut conn = devday_db::DatabaseUrl::parse(&app.database_url())?.connect()?;
        conn.batch_execute("UPDATE reconfirmation_rounds SET reminds_at = '2000-01-01 00:00:00'")?;
        app.smtp.wait_for_subject("cy@example.org", "Reminder from Edition dd-2030").await?;
        // And to the deadline: Cy's seat goes to Eve, next on the list.
        conn.batch_execute("UPDATE reconfirmation_rounds SET deadline = '2000-01-02 00:00:00'")?;
        app.smtp.wait_for_subject("cy@example.org", "Edition dd-2030: your seat went to the waiting list").await?;
        app.smtp.wait_for_subject("eve@example.org", "A place for you at Edition dd-2030").await?;
        outbox_drained(&app).await?;

        // Each step mailed once, though two instances ran the clock.
        assert_eq!(subjects(&app, "ana@example.org", "Edition dd-2030: are you still coming?"), 1);
        assert_eq!(subjects(&app, "ana@example.org", "Reminder"), 0, "Ana answered");
        assert_eq!(subjects(&app, "ben@example.org", "Edition dd-2030: Kommst du noch?"), 1);
        assert_eq!(subjects(&app, "ben@example.org", "Erinnerung"), 0, "Ben answered");
        assert_eq!(subjects(&app, "cy@example.org", "Edition dd-2030: are you still coming?"), 1);
        assert_eq!(subjects(&app, "cy@example.org", "Reminder"), 1);
        assert_eq!(subjects(&app, "cy@example.org", "Edition dd-2030: your seat went"), 1);

        // The organisers see every step and its count.
        let page = admin.get("/dd-2030/manage/registration/reconfirm").await?;
        for said in ["Closed", "asked 3 on", "reminded 1 on", "one seat went to the waiting list on"] {
            assert!(page.body.contains(said), "{said}: {}", page.body);
        }
        let figures = capture(r#"(?s)<dl class="figures">(.*?)</dl>"#, &page.body);
        let numbers: Vec<String> = regex::Regex::new(r"<dd>(\d+)</dd>")?.captures_iter(&figures).map(|c| c[1].to_owned()).collect();
        assert_eq!(numbers, ["3", "1", "1", "0", "1"], "asked, coming, freed, unanswered, released");
        // A closed round does not change.
        let res = admin.post("/dd-2030/manage/registration/reconfirm", &[("asks_at", &in_days(1)), ("deadline", &in_days(3))]).await?;
        assert_eq!(res.status, 422);
        drop(second);
        Ok(())
    }
}

db_test! {
    async fn the_door_gives_seats_of_people_not_in_to_people_waiting_who_are_there(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        app.set_conference_capacity(&admin, "dd-2030", "2").await?;
        let mut builder = Builder::new(&app)?;
        let ana = builder.attendee("dd-2030", "Ana", "ana@example.org", Locale::En)?;
        builder.attendee("dd-2030", "Ben", "ben@example.org", Locale::En)?;
        for (name, email) in [("Dee", "dee@example.org"), ("Eve", "eve@example.org")] {
            let res = app.client().api_post("/api/events/dd-2030/registrations", None,
                &serde_json::json!({"name": name, "email": email, "consent": true, "waitlist": true})).await?;
            assert_eq!(res.status, 201, "{}", res.body);
        }
        let place = |page: &str, name: &str| capture(&format!(r#"<span class="place">(\d+)</span> <strong>{name}</strong>"#), page);
        let desk = admin.get("/dd-2030/staff/door").await?.body;
        assert!(desk.contains("have not set a time"), "{desk}");
        let (dee, eve) = (place(&desk, "Dee"), place(&desk, "Eve"));
        // Before the time is set the door gives nothing, and says why.
        assert_eq!(admin.post("/dd-2030/staff/door/give", &[("queue_no", dee.as_str())]).await?.status, 303);
        assert!(admin.get("/dd-2030/staff/door").await?.body.contains("does not give seats to the waiting list yet"));
        let res = admin.post("/dd-2030/manage/registration/door", &[("door_release_at", &in_days(-1))]).await?;
        assert_eq!(res.status, 303);
        // Ana is in, Ben is not: the door may give one seat.
        builder.checked_in("dd-2030", &ana.registration_id)?;
        let desk = admin.get("/dd-2030/staff/door").await?.body;
        let figures = capture(r#"(?s)<dl class="figures door-figures">(.*?)</dl>"#, &desk);
        let numbers: Vec<String> = regex::Regex::new(r"<dd>(\d+)</dd>")?.captures_iter(&figures).map(|c| c[1].to_owned()).collect();
        assert_eq!(numbers, ["1", "2", "1", "0"], "free, seats, in, given not in");

        // Two desks on two instances give at once: one seat, one refusal.
        let second = app.second_instance().await?;
        let other = second.client();
        app.login(&other, "admin@example.org", devday_tests::PASSWORD).await?;
        other.get("/dd-2030/staff/door").await?;
        let (give_dee, give_eve) = ([("queue_no", dee.as_str())], [("queue_no", eve.as_str())]);
        let (a, b) = tokio::join!(
            admin.post("/dd-2030/staff/door/give", &give_dee),
            other.post("/dd-2030/staff/door/give", &give_eve),
        );
        assert_eq!((a?.status, b?.status), (303, 303));
        let mut conn = devday_db::DatabaseUrl::parse(&app.database_url())?.connect()?;
        {
            use devday_db::schema::door_admissions::dsl as da;
            use diesel::prelude::*;
            let given: i64 = da::door_admissions.count().get_result(&mut conn)?;
            assert_eq!(given, 1, "the door gave exactly the one free seat");
        }
        let desk = admin.get("/dd-2030/staff/door").await?.body;
        assert!(desk.contains("Seats given at the door"), "{desk}");
        assert!(desk.contains("Ada Admin"), "the log names who gave it: {desk}");
        // The one given got a ticket, once.
        outbox_drained(&app).await?;
        let tickets = ["dee@example.org", "eve@example.org"].map(|who| subjects(&app, who, "Your ticket"));
        assert_eq!(tickets.iter().sum::<usize>(), 1, "{tickets:?}");
        Ok(())
    }
}
