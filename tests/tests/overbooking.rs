//! Overbooking from experience: past editions' show rate suggests a margin beyond the
//! capacity; the organisers set it, and the venue's hard limit is never passed, under a
//! rush on two instances, for speakers and team too.

use devday_shared::i18n::Locale;
use devday_tests::builders::Builder;
use devday_tests::web::Client;
use devday_tests::{capture, db_test, TestApp};

/// The id of the edition's conference ticket type, from the settings page.
async fn conference(admin: &Client, slug: &str) -> anyhow::Result<String> {
    let page = admin.get(&format!("/{slug}/manage/registration")).await?;
    Ok(capture(
        r"/manage/registration/tickets/([0-9a-f-]{36})/capacity",
        &page.body,
    ))
}

/// `n` new people (numbered from `from`) rush the API, half on each instance; returns how
/// many got a seat.
async fn rush(bases: [&str; 2], slug: &str, from: usize, n: usize) -> anyhow::Result<usize> {
    let http = reqwest::Client::new();
    let mut tasks = Vec::new();
    for i in from..from + n {
        let (http, url) = (
            http.clone(),
            format!("{}/api/events/{slug}/registrations", bases[i % 2]),
        );
        tasks.push(tokio::spawn(async move {
            let body = serde_json::json!({"name": format!("Rusher {i}"), "email": format!("rusher{i}@example.org"), "consent": true});
            let res = http.post(&url).json(&body).send().await?;
            Ok::<_, anyhow::Error>(res.status().as_u16())
        }));
    }
    let mut seated = 0;
    for task in tasks {
        match task.await?? {
            201 => seated += 1,
            409 => {}
            other => anyhow::bail!("unexpected answer {other}"),
        }
    }
    Ok(seated)
}

db_test! {
    async fn a_margin_gives_more_seats_and_the_venue_limit_holds_under_a_rush(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        app.set_conference_capacity(&admin, "dd-2030", "5").await?;
        let id = conference(&admin, "dd-2030").await?;
        let second = app.second_instance().await?;
        let overbooking = format!("/dd-2030/manage/registration/tickets/{id}/overbooking");

        // Refused beside the row, nothing changed: a margin above the capacity, a bad limit.
        for fields in [[("overbook", "6"), ("hard_limit", "")], [("overbook", "2"), ("hard_limit", "none")]] {
            let res = admin.post(&overbooking, &fields).await?;
            assert_eq!(res.status, 422, "{}", res.body);
        }
        assert!(admin.get("/dd-2030/manage/registration").await?.body.contains("5 seats given"));

        // Capacity 5, a margin of 5, the venue holds 7: a rush on two instances gets 7.
        let res = admin.post(&overbooking, &[("overbook", "5"), ("hard_limit", "7")]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        assert!(admin.get("/dd-2030/manage/registration").await?.body.contains("7 seats given"));
        let seated = rush([app.base.as_str(), second.base.as_str()], "dd-2030", 0, 40).await?;
        assert_eq!(seated, 7, "the venue limit holds");
        assert!(admin.get("/dd-2030/manage/registrations").await?.body.contains("7 / 7"));
        // The limit cannot go below the seats given.
        let res = admin.post(&overbooking, &[("overbook", "5"), ("hard_limit", "6")]).await?;
        assert_eq!(res.status, 422);
        assert!(res.body.contains("More seats are given already"), "{}", res.body);
        // Speakers and team come on top of the margin, never past the limit.
        let res = admin.post("/dd-2030/manage/registrations/guests", &[]).await?;
        assert_eq!(res.status, 409, "the admin's own team ticket would pass the limit: {}", res.body);
        // Lifting the limit gives the margin's last seats: 10 in all.
        let res = admin.post(&overbooking, &[("overbook", "5"), ("hard_limit", "")]).await?;
        assert_eq!(res.status, 303);
        let more = rush([app.base.as_str(), second.base.as_str()], "dd-2030", 100, 20).await?;
        assert_eq!(more, 3);
        Ok(())
    }
}

db_test! {
    async fn past_show_rates_suggest_the_margin(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        app.set_conference_capacity(&admin, "dd-2030", "6").await?;
        let res = admin.post("/editions/new", &[
            ("name", "DevDay old"), ("slug", "dd-old"), ("starts_on", "2025-05-20"),
            ("ends_on", "2025-05-20"), ("timezone", "Europe/Berlin"),
        ]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        // Last year three of four came.
        let mut builder = Builder::new(&app)?;
        for (n, came) in [(1, true), (2, true), (3, true), (4, false)] {
            let who = builder.attendee("dd-old", "Old", &format!("old{n}@example.org"), Locale::En)?;
            if came {
                builder.checked_in("dd-old", &who.registration_id)?;
            }
        }
        let page = admin.get("/dd-2030/manage/registration").await?;
        assert!(page.body.contains("DevDay old 75 %"), "{}", page.body);
        assert!(page.body.contains("suggested margin 2 (at 75 %)"), "6 / 0.75 = 8 seats: {}", page.body);
        Ok(())
    }
}
