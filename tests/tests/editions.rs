//! Editions end to end: an admin creates one, organisers run it with their team, copy it
//! for next year and archive it; the public sees the current edition and the archive.

use devday_tests::{db_test, Client, TestApp};

db_test! {
    async fn an_admin_creates_an_edition_the_public_sees(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_edition(&admin, "devday-2030").await?;
        let home = app.client().get("/").await?;
        assert!(home.body.contains("Edition devday-2030"), "{}", home.body);
        let page = app.client().get("/devday-2030/").await?;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Dresden"));
        // Signed-out visitors share one rendering for a moment; the team's links and a
        // signed-in header never reach it, and the team always gets its own.
        let team = admin.get("/devday-2030/").await?.body;
        assert!(team.contains("class=\"team-links\"") && team.contains("/account/logout"), "{team}");
        let again = app.client().get("/devday-2030/").await?;
        assert_eq!(again.body, page.body, "the visitors' page is the same for everyone");
        assert!(!again.body.contains("team-links") && !again.body.contains("/account/logout"));
        // The CfP window entered in Berlin time is shown in Berlin time.
        let cfp = app.client().get("/devday-2030/cfp/").await?;
        assert!(cfp.body.contains("2029-09-01 00:00") || cfp.body.contains("Opens"), "{}", cfp.body);
        assert_eq!(app.client().get("/devday-2030").await?.location(), Some("/devday-2030/"));
        assert_eq!(app.client().get("/no-such-edition/").await?.status, 404);
        // The organisers describe it in both languages (Markdown, sanitised); the front page
        // shows the reader's, with a map link for the venue and no tiles from elsewhere.
        let res = admin.post("/devday-2030/manage/settings", &[
            ("name", "Edition devday-2030"), ("slug", "devday-2030"), ("starts_on", "2030-05-20"),
            ("ends_on", "2030-05-21"), ("timezone", "Europe/Berlin"), ("venue", "Lingnerplatz 1, Dresden"),
            ("cfp_opens_at", "2029-09-01T00:00"), ("cfp_closes_at", "2029-12-01T23:59"),
            ("description_md", "A **free** day. <script>alert(1)</script>"),
            ("description_de_md", "Ein **kostenloser** Tag."),
        ]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let en = app.client().get("/devday-2030/").await?.body;
        assert!(en.contains("A <strong>free</strong> day.") && !en.contains("<script>alert"), "{en}");
        assert!(en.contains("https://www.openstreetmap.org/search?query=Lingnerplatz%201%2C%20Dresden"), "{en}");
        let de = Client::speaking(&app.base, "de").get("/devday-2030/").await?.body;
        assert!(de.contains("Ein <strong>kostenloser</strong> Tag.") && de.contains(">Karte</a>"), "{de}");
        let long = "x".repeat(5001);
        let res = admin.post("/devday-2030/manage/settings", &[
            ("name", "Edition devday-2030"), ("slug", "devday-2030"), ("starts_on", "2030-05-20"),
            ("ends_on", "2030-05-21"), ("description_de_md", &long),
        ]).await?;
        assert_eq!(res.status, 422, "too long is refused beside the field");
        Ok(())
    }
}

db_test! {
    async fn bad_edition_forms_name_every_field_and_create_nothing(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        let res = admin.post("/editions/new", &[
            ("name", ""), ("slug", "API"), ("starts_on", "2030-05-20"), ("ends_on", "2030-05-01"),
            ("timezone", "Mars/Base"), ("cfp_opens_at", "2029-12-01T00:00"), ("cfp_closes_at", "2029-11-01T00:00"),
        ]).await?;
        assert_eq!(res.status, 422);
        for text in ["This field is required.", "lower-case letters", "cannot be before the first",
                     "Unknown timezone", "must close after it opens"] {
            assert!(res.body.contains(text), "missing {text:?}");
        }
        let res = admin.post("/editions/new", &[("name", "Broken"), ("slug", "broken-one"), ("starts_on", "soon")]).await?;
        assert_eq!(res.status, 422);
        assert!(res.body.contains("YYYY-MM-DD"));
        assert!(!app.client().get("/").await?.body.contains("Broken"));
        assert_eq!(app.client().get("/broken-one/").await?.status, 404);
        // A taken slug is refused beside the field.
        app.create_edition(&admin, "devday-2030").await?;
        let res = admin.post("/editions/new", &[
            ("name", "Again"), ("slug", "devday-2030"), ("starts_on", "2031-05-20"), ("ends_on", "2031-05-20"),
        ]).await?;
        assert_eq!(res.status, 422);
        assert!(res.body.contains("Another edition has this short name."));
        Ok(())
    }
}

db_test! {
    async fn organisers_build_their_team_by_invitation(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_edition(&admin, "devday-2030").await?;
        let orga = app.user("orga@example.org", "Olga Orga").await?;
        app.invite(&admin, "devday-2030", &orga, "orga@example.org", "organiser").await?;
        let reviewer = app.user("rev@example.org", "Rita Review").await?;
        app.invite(&orga, "devday-2030", &reviewer, "rev@example.org", "reviewer").await?;

        let team = orga.get("/devday-2030/manage/team").await?;
        assert_eq!(team.status, 200);
        assert!(team.body.contains("Rita Review") && team.body.contains("Reviewer"));
        // Reviewers see the edition but cannot manage it.
        assert_eq!(reviewer.get("/devday-2030/manage/").await?.status, 403);
        assert!(reviewer.get("/account").await?.body.contains("devday-2030"));

        // An invitation link works once.
        let mail = app.smtp.wait_for("rev@example.org").await?;
        let _ = mail;
        let invite_mail = app.smtp.mails_to("rev@example.org").into_iter()
            .find(|m| m.subject.contains("Invitation")).expect("invitation mail");
        let link = invite_mail.link("/invitations/").expect("link");
        let res = app.user("late@example.org", "Late").await?.post(&link, &[]).await?;
        assert_eq!(res.status, 409);

        // Only the invited address can accept: a forwarded link grants nothing.
        orga.post("/devday-2030/manage/team/invite", &[("email", "invited@example.org"), ("role", "organiser")]).await?;
        let forwarded = app.smtp.wait_for("invited@example.org").await?.link("/invitations/").expect("link");
        let intruder = app.user("intruder@example.org", "Intruder").await?;
        assert!(intruder.get(&forwarded).await?.body.contains("was sent to invited@example.org"));
        assert_eq!(intruder.post(&forwarded, &[]).await?.status, 409);
        assert_eq!(intruder.get("/devday-2030/manage/").await?.status, 403);

        // Bad invitations are explained.
        let res = orga.post("/devday-2030/manage/team/invite", &[("email", "nope"), ("role", "king")]).await?;
        assert_eq!(res.status, 422);
        assert!(res.body.contains("This is not an email address."));

        // Invitations can be withdrawn before they are used.
        orga.post("/devday-2030/manage/team/invite", &[("email", "maybe@example.org"), ("role", "staff")]).await?;
        let mail = app.smtp.wait_for("maybe@example.org").await?;
        let team = orga.get("/devday-2030/manage/team").await?;
        let re = regex::Regex::new(r#"/devday-2030/manage/invitations/([0-9a-f-]+)/revoke"#)?;
        let id = re.captures(&team.body).map(|c| c[1].to_owned()).expect("pending invitation");
        assert_eq!(orga.post(&format!("/devday-2030/manage/invitations/{id}/revoke"), &[]).await?.status, 303);
        let maybe = app.user("maybe@example.org", "Maybe").await?;
        let res = maybe.post(&mail.link("/invitations/").expect("link"), &[]).await?;
        assert_eq!(res.status, 409, "a withdrawn invitation still worked");

        // Organisers of an edition may start the next one; they are its only organiser, and
        // an edition never loses its last organiser.
        app.create_edition(&orga, "solo-2030").await?;
        let team = orga.get("/solo-2030/manage/team").await?;
        let uid = regex::Regex::new(r#"name="user_id" value="([^"]+)""#)?;
        let orga_id = uid.captures(&team.body).map(|c| c[1].to_owned()).expect("member row");
        let res = orga.post("/solo-2030/manage/team/remove", &[("user_id", &orga_id), ("role", "organiser")]).await?;
        assert_eq!(res.status, 409);
        assert_eq!(orga.get("/solo-2030/manage/").await?.status, 200);
        // Nor can the account of an edition's last organiser be deleted.
        let res = orga.post("/account/delete", &[("password", "a long test password")]).await?;
        assert_eq!(res.status, 409);
        assert!(res.body.contains("only organiser of Edition solo-2030"), "{}", res.body);
        let res = orga.post("/devday-2030/manage/team/remove", &[("user_id", "nobody"), ("role", "reviewer")]).await?;
        assert_eq!(res.status, 404);
        // In devday-2030 the admin is organiser too, so Olga may step down.
        let res = orga.post("/devday-2030/manage/team/remove", &[("user_id", &orga_id), ("role", "organiser")]).await?;
        assert_eq!(res.status, 303);
        assert_eq!(orga.get("/devday-2030/manage/").await?.status, 403);
        Ok(())
    }
}

db_test! {
    async fn an_invitee_without_account_signs_up_and_lands_on_the_invitation(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_edition(&admin, "devday-2030").await?;
        admin.post("/devday-2030/manage/team/invite", &[("email", "new@example.org"), ("role", "staff"), ("locale", "de")]).await?;
        let invitation = app.smtp.wait_for("new@example.org").await?;
        assert!(invitation.subject.contains("Einladung"), "{}", invitation.subject);
        let link = invitation.link("/invitations/").expect("link");
        let path = link.trim_start_matches(&app.base).to_owned();

        let newcomer = app.client();
        let page = newcomer.get(&path).await?;
        assert!(page.body.contains("/account/signup?next="));
        newcomer.post("/account/signup", &[
            ("display_name", "Neo"), ("email", "new@example.org"),
            ("password", "a long test password"), ("password_repeat", "a long test password"), ("next", &path),
        ]).await?;
        let confirm = app.smtp.wait_for_nth("new@example.org", 2).await?;
        let confirm_link = confirm.link("/account/confirm/").expect("confirm link");
        assert!(confirm_link.contains("next="), "{confirm_link}");
        newcomer.get(&confirm_link).await?;
        let done = newcomer.post(&confirm_link, &[("next", &path)]).await?;
        assert!(done.body.contains("next="), "the login link forgets the invitation");
        let res = newcomer.post("/account/login", &[
            ("email", "new@example.org"), ("password", "a long test password"), ("next", &path),
        ]).await?;
        assert_eq!(res.location(), Some(path.as_str()));
        assert_eq!(newcomer.post(&path, &[]).await?.status, 303);
        assert_eq!(newcomer.get("/devday-2030/staff/").await?.status, 200);
        Ok(())
    }
}

db_test! {
    async fn an_edition_is_copied_for_next_year_and_archived(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_edition(&admin, "devday-2030").await?;
        let staff = app.user("door@example.org", "Door").await?;
        app.invite(&admin, "devday-2030", &staff, "door@example.org", "staff").await?;

        let form = admin.get("/devday-2030/manage/next-year").await?;
        assert_eq!(form.status, 200);
        // 52 weeks later: the same weekday a year on.
        assert!(form.body.contains("value=\"devday-2031\""), "slug not moved on");
        assert!(form.body.contains("value=\"2031-05-19\""), "start not moved on 52 weeks");
        assert!(form.body.contains("value=\"2030-08-31T00:00\""), "CfP window not moved on");
        // Next year needs a name of its own.
        let fields = |name: &'static str| vec![
            ("name", name), ("slug", "devday-2031"), ("starts_on", "2031-05-19"),
            ("ends_on", "2031-05-20"), ("timezone", "Europe/Berlin"), ("venue", "Dresden"),
            ("carry", "team"),
        ];
        let res = admin.post("/devday-2030/manage/next-year", &fields("Edition devday-2030")).await?;
        assert_eq!(res.status, 422);
        assert!(res.body.contains("needs a name of its own"), "{}", res.body);
        assert_eq!(app.client().get("/devday-2031/").await?.status, 404, "a refused copy left an edition");
        let res = admin.post("/devday-2030/manage/next-year", &fields("Edition devday-2031")).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        assert_eq!(res.location(), Some("/devday-2031/manage/"));
        assert_eq!(staff.get("/devday-2031/staff/").await?.status, 200, "team not copied");

        // Only organisers of an edition may hand it on.
        let outsider = app.user("outsider@example.org", "Outsider").await?;
        app.create_edition(&admin, "outsider-2030").await?;
        app.invite(&admin, "outsider-2030", &outsider, "outsider@example.org", "organiser").await?;
        let mut poach = fields("Poach");
        poach[1] = ("slug", "poach-2031");
        let res = outsider.post("/devday-2030/manage/next-year", &poach).await?;
        assert_eq!(res.status, 403);
        assert_eq!(app.client().get("/poach-2031/").await?.status, 404);

        let res = admin.post("/devday-2030/manage/archive", &[("archived", "true")]).await?;
        assert_eq!(res.status, 303);
        let home = app.client().get("/").await?;
        let archive = home.body.split("Past editions").nth(1).unwrap_or_default();
        assert!(archive.contains("Edition devday-2030"), "archived edition not in the archive");
        assert!(app.client().get("/devday-2030/").await?.body.contains("Archive"));
        Ok(())
    }
}

db_test! {
    async fn the_api_lists_and_creates_editions_with_problem_documents(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        let page = admin.post("/account/tokens", &[("name", "script")]).await?;
        let re = regex::Regex::new(r#"id="new-token">([^<]+)<"#)?;
        let token = re.captures(&page.body).map(|c| c[1].to_owned()).expect("token shown");
        let api = app.client();

        let me = api.api_get("/api/me", Some(&token)).await?;
        assert_eq!(me.status, 200);
        assert_eq!(me.json()["email"], "admin@example.org");
        let res = api.api_get("/api/me", Some("devday_forged")).await?;
        assert_eq!(res.status, 401);
        assert_eq!(res.header("content-type"), Some("application/problem+json"));
        assert_eq!(api.api_get("/api/me", None).await?.status, 401);
        // A browser session is no API credential.
        assert_eq!(admin.api_get("/api/me", None).await?.status, 401);

        let body = serde_json::json!({
            "name": "API Edition", "slug": "api-2030", "starts_on": "2030-05-20", "ends_on": "2030-05-21",
            "timezone": "Europe/Berlin", "cfp_opens_at": "2029-09-01T00:00", "cfp_closes_at": "2029-12-01T23:59"
        });
        let res = api.api_post("/api/editions", Some(&token), &body).await?;
        assert_eq!(res.status, 201, "{}", res.body);
        assert_eq!(res.json()["cfp_opens_at"], "2029-09-01T00:00:00+02:00");
        let res = api.api_post("/api/editions", Some(&token), &body).await?;
        assert_eq!(res.status, 422);
        assert_eq!(res.json()["errors"]["slug"][0], "Another edition has this short name.");
        let res = api.api_post("/api/editions", Some(&token), &serde_json::json!({"slug": 5})).await?;
        assert_eq!(res.status, 400);
        assert_eq!(res.json()["status"], 400);

        let list = api.api_get("/api/editions", None).await?;
        assert_eq!(list.json().as_array().map(Vec::len), Some(1));
        assert_eq!(api.api_get("/api/editions/api-2030", None).await?.json()["timezone"], "Europe/Berlin");
        assert_eq!(api.api_get("/api/editions/nope", None).await?.status, 404);

        // Plain accounts may not create editions.
        let user = app.user("plain@example.org", "Plain").await?;
        let page = user.post("/account/tokens", &[("name", "mine")]).await?;
        let plain_token = re.captures(&page.body).map(|c| c[1].to_owned()).expect("token");
        let res = api.api_post("/api/editions", Some(&plain_token), &serde_json::json!({"slug": "x-2030"})).await?;
        assert_eq!(res.status, 403);
        // Revoked tokens stop working.
        let account = user.get("/account").await?;
        let revoke = regex::Regex::new(r#"/account/tokens/([0-9a-f-]+)/revoke"#)?;
        let id = revoke.captures(&account.body).map(|c| c[1].to_owned()).expect("token row");
        user.post(&format!("/account/tokens/{id}/revoke"), &[]).await?;
        assert_eq!(api.api_get("/api/me", Some(&plain_token)).await?.status, 401);
        Ok(())
    }
}

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

/// How many of an edition's defaults exist: ticket types, session types, check-in lists,
/// review categories.
fn defaults(app: &TestApp, slug: &str) -> anyhow::Result<Vec<i64>> {
    use diesel::RunQueryDsl;
    let mut conn = devday_db::DatabaseUrl::parse(&app.database_url())?.connect()?;
    let mut counts = Vec::new();
    for table in [
        "ticket_types",
        "session_types",
        "checkin_lists",
        "score_categories",
    ] {
        let sql = format!(
            "SELECT count(*) AS n FROM {table} t JOIN editions e ON e.id = t.edition_id WHERE e.slug = '{slug}'"
        );
        let found: Count = diesel::sql_query(sql).get_result(&mut conn)?;
        counts.push(found.n);
    }
    Ok(counts)
}

db_test! {
    async fn a_new_edition_has_its_defaults_and_reading_pages_writes_nothing(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        // Planted with the edition: the conference ticket, three session types, the
        // entrance, three review categories; before anyone has looked at a page.
        assert_eq!(defaults(&app, "dd-2030")?, vec![1, 3, 1, 3]);
        let visitor = app.client();
        for page in ["/dd-2030/", "/dd-2030/register/", "/dd-2030/cfp/"] {
            assert_eq!(visitor.get(page).await?.status, 200, "{page}");
        }
        for page in ["/dd-2030/manage/registrations", "/dd-2030/manage/review", "/dd-2030/manage/checkin"] {
            let status = admin.get(page).await?.status;
            assert!(status == 200 || status == 404, "{page}: {status}");
        }
        assert_eq!(defaults(&app, "dd-2030")?, vec![1, 3, 1, 3], "a page wrote defaults");
        Ok(())
    }
}

db_test! {
    async fn everyone_lands_where_their_work_is_and_the_dashboard_says_what_waits(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        let orga = app.user("orga@example.org", "Olga Organiser").await?;
        let rev = app.user("rev@example.org", "Rita Reviewer").await?;
        let door = app.user("door@example.org", "Dora Door").await?;
        app.invite(&admin, "dd-2030", &orga, "orga@example.org", "organiser").await?;
        app.invite(&admin, "dd-2030", &rev, "rev@example.org", "reviewer").await?;
        app.invite(&admin, "dd-2030", &door, "door@example.org", "staff").await?;
        let speaker = app.user("sam@example.org", "Sam Speaker").await?;
        let landing = |email: &'static str| {
            let client = devday_tests::Client::new(&app.base);
            async move {
                let res = client.post("/account/login", &[("email", email), ("password", devday_tests::PASSWORD)]).await?;
                anyhow::Ok(res.location().unwrap_or_default().to_owned())
            }
        };
        assert_eq!(landing("orga@example.org").await?, "/dd-2030/manage/");
        assert_eq!(landing("rev@example.org").await?, "/dd-2030/review/");
        assert_eq!(landing("door@example.org").await?, "/dd-2030/staff/");
        assert_eq!(landing("sam@example.org").await?, "/speaker/proposals");

        // A proposal submitted and accepted but not mailed: the dashboard says so, with the
        // way to fix it, in the reader's language.
        let id = devday_tests::flows::submit_proposal(&speaker, "dd-2030", "Rust at the door", "Abstract.").await?;
        orga.post("/dd-2030/manage/review/decide", &[("ids", &id), ("decision", "accept")]).await?;
        let dash = orga.get("/dd-2030/manage/").await?;
        assert_eq!(dash.status, 200);
        assert!(dash.body.contains(r#"review&#x2F;notify">1 decision is not mailed yet</a>"#), "{}", dash.body);
        assert!(!dash.body.contains("has not confirmed"), "nobody was asked yet");
        assert!(!dash.body.contains("code of conduct are empty"), "the texts are there");
        let no_texts = [("hold_hours", "24"), ("offer_hours", "48"), ("privacy_text", ""), ("coc_text", "")];
        assert_eq!(orga.post("/dd-2030/manage/registration", &no_texts).await?.status, 303);
        let dash = orga.get("/dd-2030/manage/").await?;
        assert!(dash.body.contains("The privacy notice and the code of conduct are empty: registration stays closed until both are there"), "{}", dash.body);
        let de = devday_tests::Client::speaking(&app.base, "de");
        app.login(&de, "orga@example.org", devday_tests::PASSWORD).await?;
        let dash = de.get("/dd-2030/manage/").await?.body;
        assert!(dash.contains("1 Entscheidung ist noch nicht verschickt") && dash.contains("Überblick"), "{dash}");
        // Reviewers and door staff have no dashboard.
        assert_eq!(rev.get("/dd-2030/manage/").await?.status, 403);
        assert_eq!(door.get("/dd-2030/manage/").await?.status, 403);
        Ok(())
    }
}
