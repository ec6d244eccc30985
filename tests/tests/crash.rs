//! The server killed (SIGKILL) in the middle of a registration rush and of a burst of door
//! scans: after a restart, everything that was answered with a 2xx is there, capacity
//! still holds, and nothing was admitted twice.

use devday_tests::{capture, db_test, TestApp};
use serde_json::json;

/// Fires `n` requests at once (built by `body(i)`), kills the server while they are in
/// flight, and returns (i, status, answer) of those that got an answer.
async fn rush_and_kill(
    app: &mut TestApp,
    path: &str,
    token: Option<&str>,
    n: usize,
    body: impl Fn(usize) -> serde_json::Value,
) -> anyhow::Result<Vec<(usize, u16, serde_json::Value)>> {
    let http = app.client().http().clone();
    let mut tasks = Vec::new();
    for i in 0..n {
        let mut req = http.post(format!("{}{path}", app.base)).json(&body(i));
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        tasks.push(tokio::spawn(async move {
            let res = req.send().await.ok()?;
            let status = res.status().as_u16();
            Some((i, status, res.json::<serde_json::Value>().await.ok()?))
        }));
        if i == n / 3 {
            // Let the first third get going, then pull the plug.
            tokio::time::sleep(std::time::Duration::from_millis(30)).await;
        }
    }
    tokio::time::sleep(std::time::Duration::from_millis(40)).await;
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
        let rows = csv.body.matches("\"held\"").count();
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
