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
