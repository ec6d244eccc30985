//! Each attendee's own programme: stars kept on the server through the link from the
//! manage page, a calendar feed of them that a calendar parser reads and that follows
//! releases, and one mail per release to each person whose starred sessions moved.

use devday_shared::i18n::Locale;
use devday_tests::builders::{Attendee, Builder};
use devday_tests::web::Client;
use devday_tests::{capture, db_test, TestApp, PASSWORD};

/// Typed states and Macros at 10:00, Lifetimes at 11:00, released as v1.
fn three_sessions(builder: &mut Builder) -> anyhow::Result<Vec<devday_cfp::model::Proposal>> {
    builder.programme(
        "dd-2030",
        &[
            ("sam@example.org", "Typed states", "Saal 1", "10:00"),
            ("tom@example.org", "Macros", "Saal 2", "10:00"),
            ("uma@example.org", "Lifetimes", "Saal 1", "11:00"),
        ],
        "v1",
    )
}

/// The programme link on the attendee's manage page.
async fn programme_of(visitor: &Client, attendee: &Attendee) -> anyhow::Result<String> {
    let manage = visitor.get(&attendee.manage_link()).await?;
    Ok(capture(r#"class="programme-card" href="([^"]+)""#, &manage.body).replace("&#x2F;", "/"))
}

async fn star(visitor: &Client, programme: &str, session: &str, on: bool) -> anyhow::Result<u16> {
    let on = if on { "true" } else { "false" };
    let res = visitor
        .post(
            &format!("{programme}stars"),
            &[("session", session), ("star", on)],
        )
        .await?;
    Ok(res.status)
}

db_test! {
    async fn an_attendee_stars_sessions_through_their_programme_link_and_the_feed_follows(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        let mut builder = Builder::new(&app)?;
        let sessions = three_sessions(&mut builder)?;
        let (typed, macros, lifetimes) = (&sessions[0].id, &sessions[1].id, &sessions[2].id);
        let lou = builder.attendee("dd-2030", "Lou", "lou@example.org", Locale::De)?;
        let max = builder.attendee("dd-2030", "Max", "max@example.org", Locale::En)?;
        let visitor = app.client();
        let programme = programme_of(&visitor, &lou).await?;
        assert!(programme.starts_with("/dd-2030/my/"), "{programme}");

        // Two stars at the same time, one twice (the same as once), one taken back.
        for id in [typed, macros, typed, lifetimes] {
            assert_eq!(star(&visitor, &programme, id, true).await?, 303);
        }
        assert_eq!(star(&visitor, &programme, lifetimes, false).await?, 303);
        let page = visitor.get(&programme).await?;
        assert!(page.body.contains("2 favourites"), "{}", page.body);
        assert!(page.body.contains("At the same time as: Macros"), "a clash between stars is named");
        let only = visitor.get(&format!("{programme}?only=starred")).await?;
        assert!(only.body.contains("Typed states") && !only.body.contains("Lifetimes"), "{}", only.body);
        // The registration's interests are the same set: the organisers' counts see them.
        let counts = admin.get("/dd-2030/manage/registrations").await?;
        assert!(counts.body.contains("<td>Typed states</td><td>1</td>"), "{}", counts.body);

        // A script gets JSON and stays on the page.
        let csrf = visitor.csrf().await?;
        let res = visitor
            .http()
            .post(format!("{}{programme}stars", app.base))
            .header("Accept", "application/json")
            .form(&[("csrf_token", csrf.as_str()), ("session", lifetimes.as_str()), ("star", "true")])
            .send()
            .await?;
        assert_eq!(res.status().as_u16(), 200);
        let answer: serde_json::Value = res.json().await?;
        assert_eq!(answer["on"], true);
        assert_eq!(answer["count"], 3);
        assert_eq!(star(&visitor, &programme, lifetimes, false).await?, 303);

        // Refused without a change: a session of no programme, a forged token, another's key.
        assert_eq!(star(&visitor, &programme, "not-a-session", true).await?, 404);
        let res = visitor.post_raw(&format!("{programme}stars"), &[("csrf_token", "forged"), ("session", macros.as_str()), ("star", "false")]).await?;
        assert_eq!(res.status, 403, "{}", res.body);
        let lou_key = programme.trim_end_matches('/').rsplit('/').next().unwrap_or_default();
        let forged = format!("/dd-2030/my/{}/{lou_key}/", max.registration_id);
        assert_eq!(visitor.get(&forged).await?.status, 404, "Lou's key does not open Max's programme");
        assert_eq!(visitor.get(&programme.replace("dd-2030", "dd-other")).await?.status, 404);

        // The feed: exactly the starred sessions, with their stable UIDs, read by a parser.
        let feed = visitor.get(&format!("{programme}calendar.ics")).await?;
        assert_eq!(feed.status, 200);
        assert!(feed.header("content-type").unwrap_or_default().starts_with("text/calendar"));
        let mut uids: Vec<String> = devday_tests::calendar_events(&feed.body)?.into_iter().map(|e| e.0).collect();
        uids.sort();
        let mut expected = vec![format!("{typed}@devday"), format!("{macros}@devday")];
        expected.sort();
        assert_eq!(uids, expected, "{}", feed.body);
        // No browser asks for a feed: it is named in the language Lou registered in.
        assert!(feed.body.contains("X-WR-CALNAME:Edition dd-2030 · Mein Programm"), "{}", feed.body);

        // A new address: the old link and feed stop, the new one works and keeps the stars.
        let res = visitor.post(&format!("{programme}renew"), &[]).await?;
        assert_eq!(res.status, 303);
        let renewed = res.location().unwrap_or_default().to_owned();
        assert_ne!(renewed, programme);
        assert_eq!(visitor.get(&programme).await?.status, 404);
        assert_eq!(visitor.get(&format!("{programme}calendar.ics")).await?.status, 404);
        let page = visitor.get(&renewed).await?;
        assert!(page.body.contains("a new address") && page.body.contains("2 favourites"), "{}", page.body);
        assert_eq!(programme_of(&visitor, &lou).await?, renewed, "the manage page links the new address");
        Ok(())
    }
}

db_test! {
    async fn a_release_mails_each_starrer_once_listing_all_their_changes(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        let mut builder = Builder::new(&app)?;
        let sessions = three_sessions(&mut builder)?;
        let (typed, macros, lifetimes) = (&sessions[0].id, &sessions[1].id, &sessions[2].id);
        let visitor = app.client();
        // Ana starred two sessions that will change, Ben one but wants no mail, Cy one that
        // stays where it is, Dee nothing.
        let mut links = Vec::new();
        for (name, email, locale) in [("Ana", "ana@example.org", Locale::En), ("Ben", "ben@example.org", Locale::En), ("Cy", "cy@example.org", Locale::De), ("Dee", "dee@example.org", Locale::En)] {
            let attendee = builder.attendee("dd-2030", name, email, locale)?;
            links.push(programme_of(&visitor, &attendee).await?);
        }
        star(&visitor, &links[0], typed, true).await?;
        star(&visitor, &links[0], macros, true).await?;
        star(&visitor, &links[1], typed, true).await?;
        assert_eq!(visitor.post(&format!("{}notices", links[1]), &[]).await?.status, 303, "Ben says no");
        star(&visitor, &links[2], lifetimes, true).await?;

        builder.moved("dd-2030", typed, "Saal 2", "14:00")?;
        builder.unplaced("dd-2030", macros)?;
        let preview = admin.get("/dd-2030/manage/schedule/release").await?;
        assert!(preview.body.contains("One attendee who starred a moved or cancelled session gets one mail"), "{}", preview.body);

        // Two organisers press release at once on two instances: one release, one mail each.
        let second = app.second_instance().await?;
        let other = second.client();
        app.login(&other, "admin@example.org", PASSWORD).await?;
        other.get("/dd-2030/manage/schedule/release").await?;
        admin.get("/dd-2030/manage/schedule/release").await?;
        let form = [("name", "v2"), ("acknowledge_warnings", "true")];
        let (a, b) = tokio::join!(
            admin.post("/dd-2030/manage/schedule/release", &form),
            other.post("/dd-2030/manage/schedule/release", &form),
        );
        let statuses = [a?.status, b?.status];
        assert!(statuses.contains(&303), "{statuses:?}");
        assert!(statuses.iter().all(|s| [303, 409].contains(s)), "{statuses:?}");

        let mail = app.smtp.wait_for_subject("ana@example.org", "Edition dd-2030:").await?;
        assert!(mail.subject.contains("2 of your favourites have changed"), "{}", mail.subject);
        assert!(mail.text.contains("Typed states") && mail.text.contains("Macros"), "{}", mail.text);
        assert!(mail.text.contains("Cancelled"), "{}", mail.text);
        let link = mail.link("/dd-2030/my/").expect("the programme link");
        assert!(visitor.get(&link).await?.body.contains("Ana"), "the mailed link opens Ana's programme");
        // Both instances send mail; wait until the outbox is empty, then count.
        let mut conn = devday_db::DatabaseUrl::parse(&app.database_url())?.connect()?;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            use devday_db::schema::outbox::dsl as o;
            use diesel::prelude::*;
            let waiting: i64 = o::outbox.filter(o::sent_at.is_null()).filter(o::failed_at.is_null()).count().get_result(&mut conn)?;
            if waiting == 0 { break; }
            anyhow::ensure!(std::time::Instant::now() < deadline, "{waiting} mails still waiting");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        let to = |who: &str| app.smtp.mails_to(who).into_iter().filter(|m| m.subject.starts_with("Edition dd-2030:")).count();
        assert_eq!(to("ana@example.org"), 1, "one mail per release, listing both changes");
        assert_eq!(to("ben@example.org"), 0, "Ben turned change mails off");
        assert_eq!(to("cy@example.org"), 0, "Cy's session did not change");
        assert_eq!(to("dee@example.org"), 0);

        // The feed follows: the moved session's SEQUENCE counts the move, the cancelled one
        // is gone.
        let feed = visitor.get(&format!("{}calendar.ics", links[0])).await?;
        let got = devday_tests::calendar_events(&feed.body)?;
        assert_eq!(got.len(), 1, "{}", feed.body);
        assert_eq!(got[0].0, format!("{typed}@devday"));
        assert_eq!(got[0].1, "1", "{}", feed.body);
        assert!(got[0].2.contains("14:00") || got[0].2.contains("T140000"), "{:?}", got[0]);
        Ok(())
    }
}

db_test! {
    async fn new_recordings_reach_those_who_starred_them_in_one_mail(backend) {
        let mut app = TestApp::builder(backend).env("DEVDAY_SERVER_SWEEP_SECONDS", "1").spawn().await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        let mut builder = Builder::new(&app)?;
        let sessions = three_sessions(&mut builder)?;
        let visitor = app.client();
        let ana = builder.attendee("dd-2030", "Ana", "ana@example.org", Locale::En)?;
        let cy = builder.attendee("dd-2030", "Cy", "cy@example.org", Locale::En)?;
        let ana_programme = programme_of(&visitor, &ana).await?;
        star(&visitor, &ana_programme, &sessions[0].id, true).await?;
        star(&visitor, &ana_programme, &sessions[1].id, true).await?;
        let cy_programme = programme_of(&visitor, &cy).await?;
        star(&visitor, &cy_programme, &sessions[2].id, true).await?;
        // The organisers add two links; while they are at it, nobody is told.
        for (n, session) in sessions[..2].iter().enumerate() {
            let res = admin.post(&format!("/dd-2030/manage/schedule/recordings/{}", session.id),
                &[("url", format!("https://media.example.org/{n}").as_str())]).await?;
            assert_eq!(res.status, 303, "{}", res.body);
        }
        tokio::time::sleep(std::time::Duration::from_secs(3)).await;
        assert!(app.smtp.mails_to("ana@example.org").is_empty(), "told while links were still being added");
        // A quarter of an hour later (the clock moved): one mail listing both.
        let mut conn = devday_db::DatabaseUrl::parse(&app.database_url())?.connect()?;
        diesel::connection::SimpleConnection::batch_execute(&mut conn, "UPDATE recordings SET updated_at = '2000-01-01 00:00:00'")?;
        let mail = app.smtp.wait_for_subject("ana@example.org", "Edition dd-2030: 2 recordings of your favourites are online").await?;
        assert!(mail.text.contains("https://media.example.org/0") && mail.text.contains("https://media.example.org/1"), "{}", mail.text);
        // A corrected link is no news.
        let res = admin.post(&format!("/dd-2030/manage/schedule/recordings/{}", sessions[0].id), &[("url", "https://media.example.org/fixed")]).await?;
        assert_eq!(res.status, 303);
        diesel::connection::SimpleConnection::batch_execute(&mut conn, "UPDATE recordings SET updated_at = '2000-01-01 00:00:00'")?;
        tokio::time::sleep(std::time::Duration::from_secs(3)).await;
        assert_eq!(app.smtp.mails_to("ana@example.org").len(), 1);
        assert!(app.smtp.mails_to("cy@example.org").is_empty(), "Cy's session has no recording");
        Ok(())
    }
}
