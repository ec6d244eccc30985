//! Accounts end to end: sign-up, confirmation by mail, log-in and -out, password reset,
//! the first admin, and what bad input and attackers get.

use devday_tests::{db_test, TestApp};

const PW: &str = "a long test password";

db_test! {
    async fn sign_up_confirm_log_in_and_out(backend) {
        let app = TestApp::spawn(backend).await?;
        let client = app.client();
        let res = client.post("/account/signup", &[
            ("display_name", "Grace Hopper"), ("email", "Grace@Example.org"),
            ("password", PW), ("password_repeat", PW),
        ]).await?;
        assert_eq!(res.status, 200, "{}", res.body);
        assert!(res.body.contains("Check your mail"));

        // Not confirmed yet: no log-in, and a fresh link is sent.
        let res = client.post("/account/login", &[("email", "grace@example.org"), ("password", PW)]).await?;
        assert_eq!(res.status, 422);
        assert!(res.body.contains("confirm your email address first"), "{}", res.body);
        let mail = app.smtp.wait_for_nth("grace@example.org", 2).await?;
        assert!(mail.subject.contains("Confirm"), "{}", mail.subject);
        // Opening the link shows a button; only posting it confirms.
        let link = mail.link("/account/confirm/").expect("link");
        let token = link.rsplit('/').next().unwrap_or_default();
        assert!(mail.html.as_deref().is_some_and(|h| h.contains(token)), "the HTML part lacks the link");
        let page = client.get(&link).await?;
        assert_eq!(page.status, 200);
        let res = client.post(&link, &[]).await?;
        assert_eq!(res.status, 200);
        assert!(res.body.contains("Email address confirmed"));
        // The link is single-use.
        assert_eq!(client.get(&link).await?.status, 404);

        app.login(&client, "grace@example.org", PW).await?;
        let account = client.get("/account").await?;
        assert_eq!(account.status, 200);
        assert!(account.body.contains("grace@example.org"));

        // Logging out ends the session on the server: the old cookie is worthless.
        let cookie = client.cookie("devday_session").expect("a session cookie");
        let res = client.post("/account/logout", &[]).await?;
        assert_eq!(res.status, 303);
        let stale = client.http().get(format!("{}/account", app.base))
            .header("cookie", format!("devday_session={cookie}")).send().await?;
        assert_eq!(stale.status().as_u16(), 303, "a logged-out session still works");
        Ok(())
    }
}

db_test! {
    async fn bad_sign_ups_are_explained_and_change_nothing(backend) {
        let app = TestApp::spawn(backend).await?;
        let client = app.client();
        let res = client.post("/account/signup", &[
            ("display_name", ""), ("email", "not-an-email"),
            ("password", "short"), ("password_repeat", "short"),
        ]).await?;
        assert_eq!(res.status, 422);
        assert!(res.body.contains("This is not an email address."));
        assert!(res.body.contains("at least 10 characters"));
        assert!(res.body.contains("This field is required."));
        assert!(res.body.contains("aria-invalid=\"true\""));
        let res = client.post("/account/signup", &[
            ("display_name", "X"), ("email", "x@example.org"),
            ("password", PW), ("password_repeat", "another long password"),
        ]).await?;
        assert_eq!(res.status, 422);
        assert!(res.body.contains("The two passwords differ."));
        // The email is kept in the form, the password is not.
        assert!(res.body.contains("value=\"x@example.org\""));
        assert!(!res.body.contains(PW));
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert!(app.smtp.mails().is_empty(), "a rejected sign-up sent mail");

        // The honeypot: bots get the same answer and nothing happens.
        let res = client.post("/account/signup", &[
            ("display_name", "Bot"), ("email", "bot@example.org"),
            ("password", PW), ("password_repeat", PW), ("website", "http://spam.example"),
        ]).await?;
        assert_eq!(res.status, 200);
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert!(app.smtp.mails().is_empty());
        Ok(())
    }
}

db_test! {
    async fn signing_up_twice_creates_nothing_and_tells_the_owner(backend) {
        let app = TestApp::spawn(backend).await?;
        app.user("ada@example.org", "Ada").await?;
        let other = app.client();
        let res = other.post("/account/signup", &[
            ("display_name", "Mallory"), ("email", "ADA@example.org"),
            ("password", "mallory's long password"), ("password_repeat", "mallory's long password"),
        ]).await?;
        // The same answer as for a new address: the form does not reveal accounts.
        assert_eq!(res.status, 200);
        let mail = app.smtp.wait_for_nth("ada@example.org", 2).await?;
        assert!(mail.subject.contains("Your devday account"), "{}", mail.subject);
        // Ada's password still works, Mallory's does not.
        let res = other.post("/account/login", &[("email", "ada@example.org"), ("password", "mallory's long password")]).await?;
        assert_eq!(res.status, 422);
        app.login(&app.client(), "ada@example.org", PW).await?;
        Ok(())
    }
}

db_test! {
    async fn password_reset_by_mail_ends_other_sessions(backend) {
        let app = TestApp::spawn(backend).await?;
        let old_session = app.user("lin@example.org", "Lin").await?;
        let page = old_session.post("/account/tokens", &[("name", "laptop")]).await?;
        let token = regex::Regex::new(r#"id="new-token">([^<]+)<"#)?
            .captures(&page.body).map(|c| c[1].to_owned()).expect("token");
        assert_eq!(app.client().api_get("/api/me", Some(&token)).await?.status, 200);
        let client = app.client();
        // Unknown addresses get the same answer and no mail.
        let res = client.post("/account/password/forgot", &[("email", "nobody@example.org")]).await?;
        assert_eq!(res.status, 200);
        let res = client.post("/account/password/forgot", &[("email", "lin@example.org")]).await?;
        assert_eq!(res.status, 200);
        let mail = app.smtp.wait_for_nth("lin@example.org", 2).await?;
        let link = mail.link("/account/password/reset/").expect("reset link");
        assert_eq!(client.get(&link).await?.status, 200);
        let res = client.post(&link, &[("password", "short"), ("password_repeat", "short")]).await?;
        assert_eq!(res.status, 422);
        let res = client.post(&link, &[("password", "a brand new password"), ("password_repeat", "a brand new password")]).await?;
        assert_eq!(res.status, 200, "{}", res.body);
        assert_eq!(client.post(&link, &[("password", "a third password!"), ("password_repeat", "a third password!")]).await?.status, 404);
        assert!(app.smtp.mails_to("nobody@example.org").is_empty());

        assert_eq!(old_session.get("/account").await?.status, 303, "old session survived the reset");
        assert_eq!(app.client().api_get("/api/me", Some(&token)).await?.status, 401, "API token survived the reset");
        let res = client.post("/account/login", &[("email", "lin@example.org"), ("password", PW)]).await?;
        assert_eq!(res.status, 422);
        app.login(&client, "lin@example.org", "a brand new password").await?;
        Ok(())
    }
}

db_test! {
    async fn the_setup_link_creates_one_admin_once(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let link = app.setup_link().await?;
        let admin = app.admin().await?;
        assert_eq!(admin.get("/admin").await?.status, 200);
        // Finding someone by name ignores case on both databases (LIKE on PostgreSQL does not).
        app.user("wanda@example.org", "Wanda Weber").await?;
        let found = admin.get("/admin?q=weber").await?.body;
        assert!(found.contains("wanda@example.org"), "{found}");
        // The link is gone, and so is the page.
        let other = app.client();
        assert_eq!(other.get(&link).await?.status, 404);
        let res = other.post(&link, &[
            ("display_name", "Eve"), ("email", "eve@example.org"),
            ("password", PW), ("password_repeat", PW),
        ]).await?;
        assert_eq!(res.status, 404);
        // After a restart with an admin there is no new link.
        app.restart().await?;
        assert!(app.setup_link().await.is_err());
        Ok(())
    }
}

db_test! {
    async fn forms_without_a_valid_csrf_token_are_refused(backend) {
        let app = TestApp::spawn(backend).await?;
        let client = app.user("ceo@example.org", "Ceo").await?;
        // A cross-site form: the browser sends the cookies but the attacker cannot know the token.
        let res = client.post_raw("/account/profile", &[("display_name", "Pwned"), ("locale", "en")]).await?;
        assert_eq!(res.status, 403);
        let res = client.post_raw("/account/profile", &[("display_name", "Pwned"), ("locale", "en"), ("csrf_token", "forged")]).await?;
        assert_eq!(res.status, 403);
        // Another browser's token does not fit this browser.
        let foreign = app.client().csrf().await?;
        let res = client.post_raw("/account/profile", &[("display_name", "Pwned"), ("locale", "en"), ("csrf_token", &foreign)]).await?;
        assert_eq!(res.status, 403);
        assert!(!client.get("/account").await?.body.contains("Pwned"));
        let res = client.post("/account/profile", &[("display_name", "Ceo Renamed"), ("locale", "de")]).await?;
        assert_eq!(res.status, 303);
        let page = client.get("/account").await?;
        assert!(page.body.contains("Ceo Renamed"));
        assert!(page.body.contains("lang=\"de\"") || page.body.contains("Dein Konto"));
        Ok(())
    }
}

db_test! {
    async fn logins_are_rate_limited(backend) {
        let app = TestApp::builder(backend).env("DEVDAY_SECURITY_LOGIN_PER_MINUTE", "3").spawn().await?;
        let client = app.client();
        let mut statuses = Vec::new();
        for _ in 0..5 {
            let res = client.post("/account/login", &[("email", "x@example.org"), ("password", "wrong password!")]).await?;
            statuses.push(res.status);
        }
        assert_eq!(&statuses[..3], &[422, 422, 422]);
        assert_eq!(statuses[4], 429, "{statuses:?}");
        let res = client.post("/account/login", &[("email", "x@example.org"), ("password", "wrong password!")]).await?;
        assert!(res.header("retry-after").is_some());
        Ok(())
    }
}

db_test! {
    async fn people_can_download_and_delete_their_data(backend) {
        let app = TestApp::spawn(backend).await?;
        let client = app.user("gdpr@example.org", "Gina").await?;
        let data = client.get("/account/data.json").await?;
        assert_eq!(data.status, 200);
        assert_eq!(data.json()["account"]["email"], "gdpr@example.org");
        let res = client.post("/account/delete", &[("password", "not my password")]).await?;
        assert_eq!(res.status, 422);
        let res = client.post("/account/delete", &[("password", PW)]).await?;
        assert_eq!(res.status, 303);
        let res = app.client().post("/account/login", &[("email", "gdpr@example.org"), ("password", PW)]).await?;
        assert_eq!(res.status, 422, "a deleted account can still log in");
        Ok(())
    }
}

db_test! {
    async fn pages_speak_german_and_english(backend) {
        let app = TestApp::spawn(backend).await?;
        let german = app.client();
        let res = german.send(german.http().get(format!("{}/account/login", app.base))
            .header("accept-language", "de-DE,de;q=0.9,en;q=0.5")).await?;
        assert!(res.body.contains("lang=\"de\"") && res.body.contains("Anmelden"));
        // Switching is remembered in a cookie.
        let client = app.client();
        let res = client.get("/lang/de?next=/account/login").await?;
        assert_eq!(res.status, 303);
        assert_eq!(res.location(), Some("/account/login"));
        assert!(client.get("/account/login").await?.body.contains("Passwort vergessen?"));
        // Never an open redirect.
        let res = client.get("/lang/en?next=//evil.example").await?;
        assert_eq!(res.location(), Some("/"));
        let res = client.get("/lang/en?next=/%09/evil.example").await?;
        assert_eq!(res.location(), Some("/"));
        assert_eq!(client.get("/%2Fevil.example").await?.status, 404);
        assert_eq!(client.get("/%5Cevil.example").await?.status, 404);
        Ok(())
    }
}

db_test! {
    async fn sessions_and_forms_work_on_either_of_two_instances(backend) {
        // Two processes on one database behind a proxy without sticky sessions: one
        // browser (one cookie jar, one host) whose requests land on either.
        let app = TestApp::spawn(backend).await?;
        let second = app.second_instance().await?;
        let (one, two) = (app.base.clone(), second.base.clone());
        let browser = app.user("ada@example.org", "Ada Either").await?;
        let page = browser.get(&format!("{two}/account")).await?;
        assert_eq!(page.status, 200, "the session from instance one is unknown to two");
        assert!(page.body.contains("Ada Either"));

        // A form loaded from one instance is accepted by the other.
        let form = browser.get(&format!("{one}/account")).await?;
        let token = devday_tests::web::csrf_in(&form.body).expect("a CSRF token");
        let res = browser.post_raw(&format!("{two}/account/profile"), &[
            ("display_name", "Ada Renamed"), ("locale", "en"), ("csrf_token", &token),
        ]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        assert!(browser.get(&format!("{one}/account")).await?.body.contains("Ada Renamed"));

        // Logging out on one instance ends the session on both.
        let cookie = browser.cookie("devday_session").expect("a session cookie");
        let res = browser.post_raw(&format!("{one}/account/logout"), &[("csrf_token", &token)]).await?;
        assert_eq!(res.status, 303);
        let stale = browser.http().get(format!("{two}/account"))
            .header("cookie", format!("devday_session={cookie}")).send().await?;
        assert_eq!(stale.status().as_u16(), 303, "instance two still honours a logged-out session");

        // Logging in on two gives a new session, which one knows.
        browser.get(&format!("{two}/account/login")).await?;
        let res = browser.post(&format!("{two}/account/login"), &[("email", "ada@example.org"), ("password", PW)]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let renewed = browser.cookie("devday_session").expect("a new session cookie");
        assert_ne!(renewed, cookie, "the session id was not renewed at log-in");
        assert_eq!(browser.get(&format!("{one}/account")).await?.status, 200);
        Ok(())
    }
}

db_test! {
    async fn a_planted_visitor_cookie_cannot_forge_a_signed_in_form(backend) {
        let app = TestApp::spawn(backend).await?;
        let victim = app.user("victim@example.org", "Victim").await?;
        let session = victim.cookie("devday_session").expect("a session cookie");
        // The attacker loads a page and knows their own visitor cookie and its token ...
        let attacker = app.client();
        let token = attacker.csrf().await?;
        let planted = attacker.cookie("devday_csrf").expect("a visitor cookie");
        // ... and plants that cookie in the victim's browser (a sibling subdomain can):
        // the forged form carries the victim's session, the planted cookie and its token.
        let forged = victim.http().post(format!("{}/account/profile", app.base))
            .header("cookie", format!("devday_session={session}; devday_csrf={planted}"))
            .form(&[("display_name", "Pwned"), ("locale", "en"), ("csrf_token", token.as_str())]);
        let res = victim.send(forged).await?;
        assert_eq!(res.status, 403, "a visitor's token was accepted for a signed-in session");
        // A token of another session of the same account does not fit either.
        let other = app.client();
        app.login(&other, "victim@example.org", PW).await?;
        let foreign = other.csrf().await?;
        let res = victim.post_raw("/account/profile", &[("display_name", "Pwned"), ("locale", "en"), ("csrf_token", &foreign)]).await?;
        assert_eq!(res.status, 403, "another session's token was accepted");
        assert!(!victim.get("/account").await?.body.contains("Pwned"));
        // The victim's own forms work, and after logging out the visitor's do again.
        let res = victim.post("/account/profile", &[("display_name", "Victim Renamed"), ("locale", "en")]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        assert_eq!(victim.post("/account/logout", &[]).await?.status, 303);
        let res = victim.post("/account/login", &[("email", "victim@example.org"), ("password", "wrong password!")]).await?;
        assert_eq!(res.status, 422, "a signed-out browser's form was refused: {}", res.body);
        Ok(())
    }
}

db_test! {
    async fn over_https_the_visitor_cookie_is_host_only(backend) {
        let app = TestApp::builder(backend).env("DEVDAY_SERVER_PUBLIC_URL", "https://devday.example").spawn().await?;
        let res = app.client().get("/account/login").await?;
        let cookie = res.header("set-cookie").unwrap_or_default();
        // __Host-: only this host can set it, secure, for the whole site, no Domain.
        assert!(cookie.starts_with("__Host-devday_csrf=") && cookie.contains("Secure") && cookie.contains("Path=/"), "{cookie}");
        assert!(!cookie.to_ascii_lowercase().contains("domain="), "{cookie}");
        Ok(())
    }
}

db_test! {
    async fn login_limits_hold_across_instances(backend) {
        let app = TestApp::builder(backend).env("DEVDAY_SECURITY_LOGIN_PER_MINUTE", "4").spawn().await?;
        let client = app.client();
        let attempt = |base: String| {
            let client = &client;
            async move {
                let res = client.post(&format!("{base}/account/login"), &[("email", "x@example.org"), ("password", "wrong password!")]).await?;
                Ok::<u16, anyhow::Error>(res.status)
            }
        };
        // PostgreSQL is the database several instances share: the attempts of both count
        // together. SQLite belongs to one instance, which counts alone.
        let second = match backend {
            devday_tests::Backend::Postgres => Some(app.second_instance().await?),
            devday_tests::Backend::Sqlite => None,
        };
        let bases = [app.base.clone(), second.as_ref().map_or(app.base.clone(), |s| s.base.clone())];
        let mut statuses = Vec::new();
        for n in 0..6 {
            statuses.push(attempt(bases[n % 2].clone()).await?);
        }
        assert_eq!(&statuses[..4], &[422, 422, 422, 422], "{statuses:?}");
        assert_eq!(&statuses[4..], &[429, 429], "four attempts a minute, counted on all instances: {statuses:?}");
        Ok(())
    }
}
