//! Webhooks as an integrator meets them: an endpoint added on the organisers' page hears
//! what happens, signed as Standard Webhooks says; a receiver that is down gets the event
//! once it is back, and the delivery log says what happened meanwhile.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use devday_tests::flows::{confirm_proposal, guest_tickets, submit_proposal};
use devday_tests::hooks::{Posted, Receiver};
use devday_tests::{capture, db_test, TestApp};
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Checks a delivery's signature the way the specification tells receivers to, written
/// here independently of devday's signer.
fn verify(secret: &str, posted: &Posted) -> anyhow::Result<()> {
    let header = |name: &str| {
        posted
            .headers
            .get(name)
            .cloned()
            .ok_or_else(|| anyhow::anyhow!("no {name} header in {posted:?}"))
    };
    let (id, timestamp, signature) = (
        header("webhook-id")?,
        header("webhook-timestamp")?,
        header("webhook-signature")?,
    );
    let sent: i64 = timestamp.parse()?;
    anyhow::ensure!(
        (chrono::Utc::now().timestamp() - sent).abs() < 300,
        "timestamp {sent} is not now"
    );
    let key = STANDARD.decode(secret.trim_start_matches("whsec_"))?;
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&key)?;
    mac.update(format!("{id}.{timestamp}.{}", posted.body).as_bytes());
    let expected = format!("v1,{}", STANDARD.encode(mac.finalize().into_bytes()));
    anyhow::ensure!(
        signature.split(' ').any(|s| s == expected),
        "signature {signature} is not {expected}"
    );
    Ok(())
}

/// A page's text with the slashes the templates escape put back.
fn plain(html: &str) -> String {
    html.replace("&#x2F;", "/").replace("&#x27;", "'")
}

db_test! {
    async fn an_endpoint_hears_signed_events_and_gets_them_after_an_outage(backend) {
        let mut app = TestApp::builder(backend)
            .env("DEVDAY_WEBHOOKS_ALLOW_PRIVATE_NETWORKS", "true")
            .env("DEVDAY_WEBHOOKS_POLL_INTERVAL_MS", "100")
            .spawn()
            .await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-hooks").await?;
        let mut receiver = Receiver::start()?;

        // A wrong address or no events: said beside the fields, nothing stored.
        let bad = admin
            .post("/dd-hooks/manage/webhooks", &[("url", "ftp://example.org/"), ("description", "x")])
            .await?;
        assert_eq!(bad.status, 422, "{}", bad.body);
        assert!(plain(&bad.body).contains("Enter an address starting with https://"), "{}", bad.body);
        assert!(bad.body.contains("Choose at least one event."), "{}", bad.body);
        assert!(admin.get("/dd-hooks/manage/webhooks").await?.body.contains("No endpoints yet"));

        // The organiser adds the receiver for registrations and proposals.
        let url = receiver.url("/in");
        let added = admin
            .post(
                "/dd-hooks/manage/webhooks",
                &[
                    ("url", &url),
                    ("description", "Chat bot"),
                    ("events", "registration.confirmed"),
                    ("events", "registration.cancelled"),
                    ("events", "proposal.submitted"),
                    ("events", "proposal.state_changed"),
                ],
            )
            .await?;
        assert_eq!(added.status, 303, "{}", added.body);
        let page_path = added.location().unwrap_or_default().to_owned();
        let page = admin.get(&page_path).await?;
        assert!(page.body.contains("Give the receiver the signing secret"), "no message: {}", page.body);
        let secret = capture(r#"<code class="secret">(whsec_[A-Za-z0-9+/=]+)</code>"#, &plain(&page.body));
        assert!(!secret.is_empty(), "no secret on {}", page.body);
        let list = admin.get("/dd-hooks/manage/webhooks").await?;
        assert!(list.body.contains("Chat bot") && list.body.contains("Nothing sent yet"), "{}", list.body);

        // A guest ticket: the receiver hears registration.confirmed, signed, ids only.
        guest_tickets(&app, &admin, "dd-hooks", &[("Ada Lovelace", "ada@example.org")]).await?;
        let confirmed = receiver.wait_for("registration.confirmed").await?;
        verify(&secret, &confirmed)?;
        let event = confirmed.json();
        assert_eq!(event["data"]["edition"], "dd-hooks");
        assert_eq!(event["data"]["registration"]["state"], "confirmed");
        assert_eq!(event["data"]["registration"]["tickets"][0]["kind"], "conference");
        assert!(!confirmed.body.contains("Ada") && !confirmed.body.contains("ada@"), "personal data in {}", confirmed.body);
        assert_eq!(confirmed.headers.get("content-type").map(String::as_str), Some("application/json"));
        let registration = event["data"]["registration"]["id"].as_str().unwrap_or_default().to_owned();

        // A proposal sent in is heard too; a draft is not.
        let speaker = app.user("sam@example.org", "Sam Speaker").await?;
        submit_proposal(&speaker, "dd-hooks", "Signed hooks", "How to check a signature.").await?;
        let submitted = receiver.wait_for("proposal.submitted").await?;
        verify(&secret, &submitted)?;
        assert_eq!(submitted.json()["data"]["proposal"]["title"], "Signed hooks");
        assert_eq!(submitted.json()["data"]["proposal"]["state"], "submitted");

        // A decision is news once the speaker is told: nothing on the tentative accept;
        // "accepted" when the mails go, then "confirmed" when the speaker says yes.
        let proposal = submitted.json()["data"]["proposal"]["id"].as_str().unwrap_or_default().to_owned();
        let decided = admin.post("/dd-hooks/manage/review/decide", &[("ids", &proposal), ("decision", "accept")]).await?;
        assert_eq!(decided.status, 303, "{}", decided.body);
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert!(receiver.posted().iter().all(|p| p.event_type() != "proposal.state_changed"), "a tentative decision was announced");
        confirm_proposal(&app, &admin, "dd-hooks", &proposal, "sam@example.org").await?;
        let changes = || -> Vec<(String, String)> {
            receiver.posted().iter().filter(|p| p.event_type() == "proposal.state_changed")
                .map(|p| { let d = &p.json()["data"]["proposal"]; (d["previous_state"].as_str().unwrap_or_default().to_owned(), d["state"].as_str().unwrap_or_default().to_owned()) })
                .collect()
        };
        for _ in 0..200 {
            if changes().len() == 2 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        let expected = vec![("submitted".to_owned(), "accepted".to_owned()), ("accepted".to_owned(), "confirmed".to_owned())];
        assert_eq!(changes(), expected);

        // The receiver goes down; the cancellation is tried, fails and waits in the log.
        receiver.down();
        let cancelled = admin
            .post(&format!("/dd-hooks/manage/registrations/{registration}/cancel"), &[])
            .await?;
        assert_eq!(cancelled.status, 303, "{}", cancelled.body);
        let mut log = String::new();
        for _ in 0..100 {
            log = admin.get(&page_path).await?.body;
            if log.contains("retrying") {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert!(log.contains("Failed once, retrying"), "no retry in the log: {log}");
        assert!(log.contains("registration.cancelled") && log.contains("next attempt"), "{log}");
        assert!(log.contains("Retry the undelivered event now"), "{log}");

        // Back again: the retry (2 s later) delivers it, once, under its first id.
        receiver.up()?;
        let late = receiver.wait_for("registration.cancelled").await?;
        verify(&secret, &late)?;
        assert_eq!(late.json()["data"]["registration"]["cancelled_by"], "organisers");
        let log = admin.get(&page_path).await?.body;
        assert!(log.contains("Delivered (HTTP 204)") && log.contains("2 attempts"), "{log}");
        assert!(!log.contains("Retry the undelivered"), "{log}");
        let list = admin.get("/dd-hooks/manage/webhooks").await?;
        assert!(list.body.contains("5 delivered"), "{}", list.body);

        // A registration only held was never announced, so neither is its end.
        let held = app
            .client()
            .api_post("/api/events/dd-hooks/registrations", None, &serde_json::json!({"name": "Hal", "email": "hal@example.org", "consent": true}))
            .await?;
        assert_eq!(held.status, 201, "{}", held.body);
        let held_id = held.json()["registration_id"].as_str().unwrap_or_default().to_owned();
        let res = admin.post(&format!("/dd-hooks/manage/registrations/{held_id}/cancel"), &[]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        let ended = receiver.posted().iter().filter(|p| p.event_type() == "registration.cancelled").count();
        assert_eq!(ended, 1, "the held registration's end was announced");

        // The test button sends webhook.test whatever the endpoint subscribed to.
        let test = admin.post(&format!("{page_path}/test"), &[]).await?;
        assert_eq!(test.status, 303);
        assert!(admin.get(&page_path).await?.body.contains("Test event queued"));
        verify(&secret, &receiver.wait_for("webhook.test").await?)?;

        // Paused, the endpoint keeps its events and gets them once it is active again.
        let pause = admin
            .post(
                &page_path,
                &[
                    ("url", &url),
                    ("description", "Chat bot"),
                    ("events", "registration.confirmed"),
                ],
            )
            .await?;
        assert_eq!(pause.status, 303, "{}", pause.body);
        assert!(admin.get(&page_path).await?.body.contains("saved and paused"));
        guest_tickets(&app, &admin, "dd-hooks", &[("Bea Bauer", "bea@example.org")]).await?;
        tokio::time::sleep(std::time::Duration::from_millis(600)).await;
        let heard = |r: &Receiver| r.posted().iter().filter(|p| p.event_type() == "registration.confirmed").count();
        assert_eq!(heard(&receiver), 1, "a paused endpoint was posted to");
        assert!(admin.get(&page_path).await?.body.contains("Waiting to be sent"));
        let resume = admin
            .post(
                &page_path,
                &[
                    ("url", &url),
                    ("events", "registration.confirmed"),
                    ("active", "1"),
                ],
            )
            .await?;
        assert_eq!(resume.status, 303);
        for _ in 0..200 {
            if heard(&receiver) == 2 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert_eq!(heard(&receiver), 2, "the paused event never came");
        let ids: std::collections::HashSet<_> = receiver.posted().iter().filter_map(|p| p.headers.get("webhook-id").cloned()).collect();
        assert_eq!(ids.len(), receiver.posted().len(), "an event was delivered twice");

        // Deleting asks first, then the endpoint and its log are gone.
        let ask = admin.get(&format!("{page_path}/delete")).await?;
        assert!(plain(&ask.body).contains(&format!("Delete the endpoint {url}?")), "{}", ask.body);
        assert_eq!(admin.post(&format!("{page_path}/delete"), &[]).await?.status, 303);
        assert_eq!(admin.get(&page_path).await?.status, 404);
        assert!(plain(&admin.get("/dd-hooks/manage/webhooks").await?.body).contains(&format!("Endpoint {url} deleted.")));
        app.stop(true)?;
        Ok(())
    }
}

db_test! {
    async fn a_receiver_inside_the_servers_own_network_is_refused_unless_the_operator_allows_it(backend) {
        let mut app = TestApp::builder(backend)
            .env("DEVDAY_WEBHOOKS_POLL_INTERVAL_MS", "100")
            .spawn()
            .await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-hooks").await?;
        let receiver = Receiver::start()?;
        // By address and by name: the name resolves to loopback and is refused all the same.
        let by_name = receiver.url("/in").replace("127.0.0.1", "localhost");
        for url in [receiver.url("/in"), by_name] {
            let added = admin
                .post("/dd-hooks/manage/webhooks", &[("url", &url), ("events", "checkin.created")])
                .await?;
            assert_eq!(added.status, 303, "{}", added.body);
            let page = added.location().unwrap_or_default().to_owned();
            assert_eq!(admin.post(&format!("{page}/test"), &[]).await?.status, 303);
            let mut log = String::new();
            for _ in 0..100 {
                log = admin.get(&page).await?.body;
                if log.contains("is not a public address") {
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            }
            assert!(log.contains("is not a public address") && log.contains("Failed once, retrying"), "{log}");
        }
        assert!(receiver.posted().is_empty(), "the server posted into its own network");
        app.stop(true)?;
        Ok(())
    }
}
