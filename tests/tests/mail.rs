//! The outbox: mail survives an SMTP outage and restarts, and is never sent twice.

use std::time::Duration;

use devday_tests::{db_test, TestApp};

const PW: &str = "a long test password";

async fn sign_up(app: &TestApp, email: &str) -> anyhow::Result<()> {
    let res = app
        .client()
        .post(
            "/account/signup",
            &[
                ("display_name", "Mail Test"),
                ("email", email),
                ("password", PW),
                ("password_repeat", PW),
            ],
        )
        .await?;
    anyhow::ensure!(res.status == 200, "sign-up failed: {}", res.status);
    Ok(())
}

db_test! {
    async fn an_smtp_outage_delays_mail_but_loses_none(backend) {
        let app = TestApp::spawn(backend).await?;
        app.smtp.set_failing(true);
        sign_up(&app, "outage@example.org").await?;
        // The sign-up succeeded although no mail could be sent.
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while app.smtp.refused() == 0 {
            anyhow::ensure!(std::time::Instant::now() < deadline, "the worker never tried");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert!(app.smtp.mails().is_empty());
        app.smtp.set_failing(false);
        let mail = app.smtp.wait_for("outage@example.org").await?;
        assert!(mail.link("/account/confirm/").is_some());
        tokio::time::sleep(Duration::from_secs(1)).await;
        assert_eq!(app.smtp.mails_to("outage@example.org").len(), 1, "sent twice");
        Ok(())
    }
}

db_test! {
    async fn mail_queued_before_a_restart_is_sent_once_after_it(backend) {
        let mut app = TestApp::spawn(backend).await?;
        sign_up(&app, "before@example.org").await?;
        app.smtp.wait_for("before@example.org").await?;
        app.smtp.set_failing(true);
        sign_up(&app, "queued@example.org").await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        // A graceful stop lets the worker finish; the queued mail waits in the database.
        app.stop(true)?;
        app.smtp.set_failing(false);
        app.restart().await?;
        let mail = app.smtp.wait_for("queued@example.org").await?;
        assert!(mail.message_id.is_some());
        tokio::time::sleep(Duration::from_millis(1500)).await;
        assert_eq!(app.smtp.mails_to("before@example.org").len(), 1, "resent after restart");
        assert_eq!(app.smtp.mails_to("queued@example.org").len(), 1);
        Ok(())
    }
}

db_test! {
    async fn mails_go_out_in_the_recipients_language(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_edition(&admin, "dd-2030").await?;
        admin.post("/dd-2030/manage/team/invite", &[("email", "de@example.org"), ("role", "reviewer"), ("locale", "de")]).await?;
        admin.post("/dd-2030/manage/team/invite", &[("email", "en@example.org"), ("role", "reviewer"), ("locale", "en")]).await?;
        let de = app.smtp.wait_for("de@example.org").await?;
        let en = app.smtp.wait_for("en@example.org").await?;
        assert!(de.subject.starts_with("Einladung"), "{}", de.subject);
        assert!(de.text.contains("Programmkomitee"));
        assert!(en.subject.starts_with("Invitation"), "{}", en.subject);
        assert!(en.text.contains("Reviewer"));
        Ok(())
    }
}

db_test! {
    async fn a_claim_that_ran_out_belongs_to_whoever_took_the_mail_over(backend) {
        use chrono::Duration;
        use devday_shared::mail::{outbox, Mail};
        let db = devday_tests::TestDb::create(backend)?;
        let mut conn = devday_db::DatabaseUrl::parse(&db.url())?.connect()?;
        devday_db::run_migrations(&mut conn)?;
        let mail = Mail { to: "late@example.org".into(), subject: "Hi".into(), text: "Hello".into(), html: None, inline_png: None };
        outbox::enqueue(&mut conn, &mail)?;
        // Instance A's claim runs out at once (a send that took too long); B takes over.
        let a = outbox::claim_batch(&mut conn, 10, Duration::zero())?;
        assert_eq!(a.mails.len(), 1);
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        let b = outbox::claim_batch(&mut conn, 10, Duration::minutes(2))?;
        assert_eq!(b.mails.len(), 1, "a claim that ran out is taken over");
        let id = b.mails[0].id.clone();
        // A, late, may neither send it nor undo B's claim.
        assert!(!outbox::renew(&mut conn, &id, &a.token, Duration::minutes(2))?, "the old holder would send it too");
        outbox::release(&mut conn, std::slice::from_ref(&id), &a.token)?;
        outbox::mark_failed(&mut conn, &a.mails[0], &a.token, "too late", 10)?;
        assert!(outbox::claim_batch(&mut conn, 10, Duration::minutes(2))?.mails.is_empty(), "B's claim was undone");
        // B sends it, once.
        assert!(outbox::renew(&mut conn, &id, &b.token, Duration::minutes(2))?);
        outbox::mark_sent(&mut conn, &id)?;
        assert_eq!(outbox::pending_count(&mut conn)?, 0);
        assert!(!outbox::renew(&mut conn, &id, &b.token, Duration::minutes(2))?, "a sent mail was claimed again");
        Ok(())
    }
}

db_test! {
    async fn the_admin_sees_mail_that_did_not_go_out_and_sends_it_again(backend) {
        let mut app = TestApp::builder(backend).env("DEVDAY_MAIL_MAX_ATTEMPTS", "1").spawn().await?;
        let admin = app.admin().await?;
        let plain = app.user("plain@example.org", "Plain").await?;
        let page = admin.get("/admin").await?;
        assert!(page.body.contains("Every mail tried so far has gone out"), "{}", page.body);
        // The relay refuses: with one attempt allowed, the mail is given up at once.
        app.smtp.set_failing(true);
        sign_up(&app, "typo@example.org").await?;
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        let page = loop {
            let page = admin.get("/admin").await?;
            if page.body.contains("given up after 1 attempts") {
                break page;
            }
            anyhow::ensure!(std::time::Instant::now() < deadline, "the failure never showed: {}", page.body);
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        assert!(page.body.contains("typo@example.org") && page.body.contains("451"), "{}", page.body);
        // Nobody else may see or resend it.
        let id = devday_tests::capture(r#"action="/admin/mail/([0-9a-f-]{36})/retry""#, &page.body);
        assert_eq!(plain.post(&format!("/admin/mail/{id}/retry"), &[]).await?.status, 403);
        assert!(app.smtp.mails_to("typo@example.org").is_empty());
        // The relay is back; the admin sends it again, once.
        app.smtp.set_failing(false);
        let res = admin.post(&format!("/admin/mail/{id}/retry"), &[]).await?;
        assert_eq!(res.status, 303);
        let mail = app.smtp.wait_for("typo@example.org").await?;
        assert!(mail.link("/account/confirm/").is_some());
        assert!(admin.get("/admin").await?.body.contains("Every mail tried so far has gone out"));
        assert_eq!(admin.post(&format!("/admin/mail/{id}/retry"), &[]).await?.status, 404, "a sent mail was queued again");
        Ok(())
    }
}
