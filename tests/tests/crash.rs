//! The server killed (SIGKILL) in the middle of a registration rush, of a burst of door
//! scans and of sending mail: after a restart, everything that was answered with a 2xx is
//! there, capacity still holds, nothing was admitted twice, and every mail goes out once.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use devday_tests::{capture, db_test, TestApp};
use serde_json::json;

/// Fires `n` requests at once (built by `body(i)`), kills the server once a tenth of them
/// have been answered, and returns (i, status, answer) of those that got an answer.
async fn rush_and_kill(
    app: &mut TestApp,
    path: &str,
    token: Option<&str>,
    n: usize,
    body: impl Fn(usize) -> serde_json::Value,
) -> anyhow::Result<Vec<(usize, u16, serde_json::Value)>> {
    let http = app.client().http().clone();
    let answers = Arc::new(AtomicUsize::new(0));
    let mut tasks = Vec::new();
    for i in 0..n {
        let mut req = http.post(format!("{}{path}", app.base)).json(&body(i));
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        let answers = answers.clone();
        tasks.push(tokio::spawn(async move {
            let res = req.send().await.ok()?;
            let status = res.status().as_u16();
            let answer = res.json::<serde_json::Value>().await.ok()?;
            answers.fetch_add(1, Ordering::SeqCst);
            Some((i, status, answer))
        }));
    }
    // Pull the plug mid-rush, however fast or slow this machine is today.
    let deadline = Instant::now() + Duration::from_secs(30);
    while answers.load(Ordering::SeqCst) < n / 10 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    app.stop(false)?;
    let mut answered = Vec::new();
    for task in tasks {
        answered.extend(task.await?);
    }
    app.restart().await?;
    Ok(answered)
}

db_test! {
    async fn a_killed_server_keeps_every_answered_registration_and_scan(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        app.set_conference_capacity(&admin, "dd-2030", "60").await?;

        let answered = rush_and_kill(&mut app, "/api/events/dd-2030/registrations", None, 400, |i| {
            json!({"name": format!("Rusher {i}"), "email": format!("rusher{i}@example.org"), "consent": true, "waitlist": true})
        }).await?;
        let held: Vec<usize> = answered.iter().filter(|(_, s, a)| *s == 201 && a["state"] == "held").map(|(i, _, _)| *i).collect();
        assert!(answered.iter().all(|(_, s, _)| *s == 201 || *s == 409), "{answered:?}");
        assert!(!held.is_empty(), "nothing was answered before the kill");
        assert!(answered.len() < 400, "the server was not killed mid-rush");

        // A new port after the restart: log in again (the account survived, of course).
        let admin = app.client();
        app.login(&admin, "admin@example.org", devday_tests::PASSWORD).await?;
        let csv = admin.get("/dd-2030/manage/registrations.csv").await?;
        for i in &held {
            assert!(csv.body.contains(&format!("\"rusher{i}@example.org\"")), "registration {i} was answered 201 but is gone");
        }
        let list = admin.get("/dd-2030/manage/registrations").await?;
        let taken: usize = capture(r"<td>(\d+) / 60</td>", &list.body).parse()?;
        let rows = csv.body.matches("\"waiting for confirmation\"").count();
        assert!(taken <= 60 && taken == rows, "taken {taken}, held rows {rows}");

        // A burst of door scans, killed likewise: every "admitted" answer stands, once.
        let rows: String = (0..40).map(|i| format!("Guest {i},guest{i}@example.org\n")).collect();
        assert_eq!(admin.post("/dd-2030/manage/registrations/import", &[("rows", rows.as_str()), ("action", "import")]).await?.status, 303);
        let token = devday_tests::flows::api_token(&admin, "door").await?;
        let sync = app.client().api_get("/api/events/dd-2030/checkin/sync", Some(&token)).await?.json();
        let ids: Vec<String> = sync["tickets"].as_array().into_iter().flatten()
            .filter_map(|t| t["registration_id"].as_str().map(str::to_owned)).collect();
        assert!(ids.len() >= 40);
        let scans = rush_and_kill(&mut app, "/api/events/dd-2030/checkin", Some(&token), 300, |i| {
            json!({"registration_id": ids[i % ids.len()], "device": format!("Door {}", i % 3)})
        }).await?;
        let admitted: std::collections::BTreeSet<&str> = scans.iter()
            .filter(|(_, s, a)| *s == 200 && a["result"] == "admitted")
            .filter_map(|(_, _, a)| a["registration_id"].as_str()).collect();
        assert!(!admitted.is_empty(), "no scan was answered before the kill");
        assert!(scans.len() < 300, "the server was not killed mid-burst");
        let after = app.client().api_get("/api/events/dd-2030/checkin/sync", Some(&token)).await?.json();
        let in_db: std::collections::BTreeSet<&str> = after["tickets"].as_array().into_iter().flatten()
            .filter(|t| !t["checked_in_at"].is_null())
            .filter_map(|t| t["registration_id"].as_str()).collect();
        assert!(admitted.is_subset(&in_db), "admitted {admitted:?}, stored {in_db:?}");
        let admin = app.client();
        app.login(&admin, "admin@example.org", devday_tests::PASSWORD).await?;
        let log = admin.get("/dd-2030/manage/checkin.csv").await?;
        assert_eq!(log.body.matches("\"admitted\"").count(), in_db.len(), "a ticket was admitted twice");
        Ok(())
    }
}

db_test! {
    async fn mail_claimed_by_a_killed_server_goes_out_once_after_the_restart(backend) {
        // A short claim (the default is 2 minutes) so the test need not wait for it.
        let mut app = TestApp::builder(backend)
            .env("DEVDAY_MAIL_CLAIM_SECONDS", "3")
            .env("DEVDAY_MAIL_TIMEOUT_SECONDS", "1")
            .spawn().await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2031").await?;
        // A slow relay, so the worker is in the middle of a claimed batch when it dies.
        app.smtp.set_delay(Duration::from_millis(50));
        let people = 120;
        let client = app.client();
        for i in 0..people {
            let body = json!({"name": format!("Mailed {i}"), "email": format!("mailed{i}@example.org"), "consent": true});
            let res = client.api_post("/api/events/dd-2031/registrations", None, &body).await?;
            assert_eq!(res.status, 201, "{}", res.body);
        }
        let ours = |m: &devday_tests::Mail| m.to.iter().any(|t| t.starts_with("mailed"));
        let deadline = Instant::now() + Duration::from_secs(15);
        while app.smtp.mails().iter().filter(|m| ours(m)).count() < 15 {
            assert!(Instant::now() < deadline, "no mail went out before the kill");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        app.stop(false)?;
        let before = app.smtp.mails().iter().filter(|m| ours(m)).count();
        assert!(before < people, "everything was sent before the kill ({before})");
        app.restart().await?;

        // Everyone gets their mail: what the dead server had claimed goes out once the claim
        // has run out.
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let mails: Vec<_> = app.smtp.mails().into_iter().filter(|m| ours(m)).collect();
            let to: std::collections::BTreeSet<String> = mails.iter().flat_map(|m| m.to.clone()).collect();
            if to.len() == people {
                break;
            }
            assert!(Instant::now() < deadline, "{} of {people} people got their mail", to.len());
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        // Give a stray repeat (a second claim running out) time to show up, then count.
        tokio::time::sleep(Duration::from_secs(4)).await;
        let mails: Vec<_> = app.smtp.mails().into_iter().filter(|m| ours(m)).collect();
        let mut per_id = std::collections::BTreeMap::<String, usize>::new();
        for m in &mails {
            let id = m.message_id.clone().expect("every mail has a Message-ID");
            *per_id.entry(id).or_default() += 1;
        }
        assert_eq!(per_id.len(), people, "one mail (one Message-ID) per registration");
        // SMTP cannot be exactly-once: a mail the relay took in the instant before the kill,
        // not yet recorded as sent, goes again, under the same Message-ID. The worker sends
        // one mail at a time, so that is at most one.
        let repeats: usize = per_id.values().map(|n| n - 1).sum();
        assert!(repeats <= 1, "{repeats} mails went out twice: {per_id:?}");
        Ok(())
    }
}
