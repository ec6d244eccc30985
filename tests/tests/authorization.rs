//! One table of routes x roles: who may see or do what. Anonymous visitors are sent to the
//! login (pages) or refused (forms); signed-in people without the role get 403.

use devday_tests::{db_test, Client, TestApp};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Anonymous,
    Plain,
    Speaker,
    Staff,
    Reviewer,
    Organiser,
    OtherOrganiser,
    Admin,
}

use Who::*;

const EVERYONE: &[Who] = &[
    Anonymous,
    Plain,
    Speaker,
    Staff,
    Reviewer,
    Organiser,
    OtherOrganiser,
    Admin,
];
const SIGNED_IN: &[Who] = &[
    Plain,
    Speaker,
    Staff,
    Reviewer,
    Organiser,
    OtherOrganiser,
    Admin,
];

const TEAM: &[Who] = &[Organiser, Admin];

/// (method, path, who is allowed). POST bodies are harmless no-ops or invalid on purpose:
/// what is checked is whether the request gets past authorisation. `{p}` is a proposal of
/// the Speaker in dd-a.
const MATRIX: &[(&str, &str, &[Who])] = &[
    ("GET", "/", EVERYONE),
    ("GET", "/dd-a/", EVERYONE),
    ("GET", "/dd-a/cfp/", EVERYONE),
    ("GET", "/dd-a/register/", EVERYONE),
    ("GET", "/account/login", EVERYONE),
    ("GET", "/account/signup", EVERYONE),
    ("GET", "/account", SIGNED_IN),
    ("GET", "/account/data.json", SIGNED_IN),
    ("GET", "/editions/new", &[Organiser, OtherOrganiser, Admin]),
    ("GET", "/admin", &[Admin]),
    ("GET", "/dd-a/manage/", TEAM),
    ("GET", "/dd-a/manage/settings", TEAM),
    ("POST", "/dd-a/manage/settings", TEAM),
    ("GET", "/dd-a/manage/team", TEAM),
    ("GET", "/dd-a/staff/", &[Staff, Organiser, Admin]),
    ("GET", "/dd-a/staff/scanner", &[Staff, Organiser, Admin]),
    ("POST", "/dd-a/staff/scanner", &[Staff, Organiser, Admin]),
    ("GET", "/dd-a/staff/badges", &[Staff, Organiser, Admin]),
    ("GET", "/dd-a/manage/checkin", TEAM),
    ("POST", "/dd-a/manage/checkin", TEAM),
    ("GET", "/dd-a/manage/checkin.csv", TEAM),
    ("GET", "/dd-a/manage/badges.pdf", TEAM),
    (
        "POST",
        "/dd-a/manage/tickets/00000000-0000-0000-0000-000000000000/reissue",
        TEAM,
    ),
    ("POST", "/dd-a/manage/archive", TEAM),
    ("GET", "/dd-a/manage/next-year", TEAM),
    ("GET", "/dd-a/manage/report", TEAM),
    ("GET", "/dd-a/manage/report.csv", TEAM),
    ("GET", "/dd-a/manage/report/compare", TEAM),
    ("POST", "/dd-a/manage/next-year", TEAM),
    ("GET", "/dd-a/manage/speakers/returning", TEAM),
    ("POST", "/dd-a/manage/speakers/returning", TEAM),
    ("POST", "/dd-a/manage/team/invite", TEAM),
    ("POST", "/dd-a/manage/team/remove", TEAM),
    ("GET", "/dd-a/manage/webhooks", TEAM),
    ("POST", "/dd-a/manage/webhooks", TEAM),
    ("GET", "/dd-a/manage/webhooks/none", TEAM),
    ("POST", "/dd-a/manage/webhooks/none", TEAM),
    ("POST", "/dd-a/manage/webhooks/none/test", TEAM),
    ("POST", "/dd-a/manage/webhooks/none/retry", TEAM),
    ("POST", "/dd-a/manage/webhooks/none/secret", TEAM),
    ("GET", "/dd-a/manage/webhooks/none/delete", TEAM),
    ("POST", "/dd-a/manage/webhooks/none/delete", TEAM),
    ("POST", "/dd-a/manage/invitations/none/revoke", TEAM),
    ("POST", "/editions/new", &[Organiser, OtherOrganiser, Admin]),
    ("POST", "/admin/users/none/admin", &[Admin]),
    ("POST", "/admin/mail/none/retry", &[Admin]),
    ("POST", "/account/profile", SIGNED_IN),
    ("POST", "/account/tokens/none/revoke", SIGNED_IN),
    // Call for papers: speakers
    ("GET", "/dd-a/cfp/submit", SIGNED_IN),
    ("POST", "/dd-a/cfp/submit", SIGNED_IN),
    ("GET", "/dd-a/cfp/availability", SIGNED_IN),
    ("GET", "/speaker/profile", SIGNED_IN),
    ("POST", "/speaker/profile", SIGNED_IN),
    ("GET", "/speaker/proposals", SIGNED_IN),
    ("GET", "/dd-a/cfp/proposals/{p}", &[Speaker]),
    ("GET", "/dd-a/cfp/proposals/{p}/edit", &[Speaker]),
    ("POST", "/dd-a/cfp/proposals/{p}/edit", &[Speaker]),
    ("POST", "/dd-a/cfp/proposals/{p}/invite", &[Speaker]),
    // Call for papers: organisers
    ("GET", "/dd-a/manage/cfp", TEAM),
    ("POST", "/dd-a/manage/cfp", TEAM),
    ("POST", "/dd-a/manage/cfp/types", TEAM),
    ("POST", "/dd-a/manage/cfp/tracks", TEAM),
    ("POST", "/dd-a/manage/cfp/questions", TEAM),
    ("POST", "/dd-a/manage/cfp/codes", TEAM),
    ("GET", "/dd-a/manage/cfp/mail", TEAM),
    ("POST", "/dd-a/manage/cfp/mail", TEAM),
    ("GET", "/dd-a/manage/proposals", TEAM),
    ("GET", "/dd-a/manage/proposals.csv", TEAM),
    ("GET", "/dd-a/manage/speakers", TEAM),
    ("GET", "/dd-a/manage/speakers.csv", TEAM),
    ("GET", "/dd-a/manage/proposals/new", TEAM),
    ("POST", "/dd-a/manage/proposals/new", TEAM),
    ("GET", "/dd-a/manage/proposals/{p}", TEAM),
    ("GET", "/dd-a/manage/proposals/{p}/edit", TEAM),
    ("POST", "/dd-a/manage/proposals/{p}/state", TEAM),
    ("POST", "/dd-a/manage/proposals/{p}/consent", TEAM),
    // Review: the committee
    ("GET", "/dd-a/review/", &[Reviewer, Admin]),
    ("GET", "/dd-a/review/next", &[Reviewer, Admin]),
    ("POST", "/dd-a/review/tracks", &[Reviewer, Admin]),
    // Review: organisers
    ("GET", "/dd-a/manage/review", TEAM),
    ("POST", "/dd-a/manage/review", TEAM),
    ("POST", "/dd-a/manage/review/categories", TEAM),
    ("POST", "/dd-a/manage/review/assign", TEAM),
    ("POST", "/dd-a/manage/review/unassign", TEAM),
    ("POST", "/dd-a/manage/review/distribute", TEAM),
    ("POST", "/dd-a/manage/review/conflicts", TEAM),
    ("GET", "/dd-a/manage/review/dashboard", TEAM),
    ("POST", "/dd-a/manage/review/decide", TEAM),
    ("GET", "/dd-a/manage/review/notify", TEAM),
    ("POST", "/dd-a/manage/review/notify", TEAM),
    ("POST", "/dd-a/manage/review/redacted/{p}", TEAM),
    // Registration
    ("POST", "/dd-a/register/", EVERYONE),
    ("GET", "/dd-a/manage/registration", TEAM),
    ("POST", "/dd-a/manage/registration", TEAM),
    ("POST", "/dd-a/manage/registration/tickets", TEAM),
    ("GET", "/dd-a/manage/registrations", TEAM),
    ("GET", "/dd-a/manage/registrations.csv", TEAM),
    ("POST", "/dd-a/manage/registrations/guests", TEAM),
    ("POST", "/dd-a/manage/registration/purge", TEAM),
    (
        "GET",
        "/dd-a/manage/registrations/00000000-0000-0000-0000-000000000000",
        TEAM,
    ),
    (
        "POST",
        "/dd-a/manage/registrations/00000000-0000-0000-0000-000000000000",
        TEAM,
    ),
    ("GET", "/dd-a/manage/registrations/import", TEAM),
    ("GET", "/dd-a/manage/registrations/mail", TEAM),
    ("POST", "/dd-a/manage/registrations/mail", TEAM),
    ("POST", "/dd-a/manage/registrations/import", TEAM),
    // Timetable
    ("GET", "/dd-a/manage/schedule", TEAM),
    ("GET", "/dd-a/manage/schedule/setup", TEAM),
    ("POST", "/dd-a/manage/schedule/rooms", TEAM),
    ("POST", "/dd-a/manage/schedule/rooms/none", TEAM),
    ("POST", "/dd-a/manage/schedule/rooms/none/delete", TEAM),
    ("POST", "/dd-a/manage/schedule/grid", TEAM),
    ("POST", "/dd-a/manage/schedule/breaks", TEAM),
    ("POST", "/dd-a/manage/schedule/breaks/none/delete", TEAM),
    ("POST", "/dd-a/manage/schedule/sessions/{p}", TEAM),
    ("POST", "/dd-a/manage/schedule/sessions/{p}/unplace", TEAM),
    ("POST", "/dd-a/manage/schedule/release", TEAM),
    ("GET", "/dd-a/manage/schedule/release", TEAM),
    ("POST", "/dd-a/manage/schedule/undo", TEAM),
    ("GET", "/dd-a/manage/schedule/tracks.css", TEAM),
    ("GET", "/dd-a/manage/schedule/optimiser", TEAM),
    ("GET", "/dd-a/schedule/", EVERYONE),
    ("GET", "/dd-a/schedule/embed", EVERYONE),
    ("GET", "/dd-a/schedule/embed.css", EVERYONE),
    ("GET", "/dd-a/schedule.xml", EVERYONE),
    ("GET", "/dd-a/manage/schedule/feedback", TEAM),
    ("GET", "/dd-a/manage/schedule/recordings", TEAM),
    ("POST", "/dd-a/manage/schedule/recordings/import", TEAM),
    ("POST", "/dd-a/manage/schedule/recordings/import/file", TEAM),
    ("POST", "/dd-a/manage/schedule/recordings/{p}", TEAM),
    ("GET", "/dd-a/speaker/feedback", SIGNED_IN),
    ("POST", "/dd-a/manage/schedule/suggest", TEAM),
    ("POST", "/dd-a/manage/schedule/suggest/discard", TEAM),
    ("POST", "/account/delete", SIGNED_IN),
    ("POST", "/account/password", SIGNED_IN),
    ("POST", "/account/tokens", SIGNED_IN),
    ("POST", "/speaker/profile/photo/delete", SIGNED_IN),
    ("POST", "/dd-a/cfp/availability/none/delete", SIGNED_IN),
    ("POST", "/dd-a/cfp/proposals/{p}/withdraw", &[Speaker]),
    ("GET", "/dd-a/cfp/proposals/{p}/withdraw", &[Speaker]),
    ("POST", "/dd-a/cfp/proposals/{p}/respond", &[Speaker]),
    ("POST", "/dd-a/cfp/proposals/{p}/photo", &[Speaker]),
    ("GET", "/dd-a/cfp/proposals/{p}/decline", &[Speaker]),
    ("GET", "/dd-a/manage/registrations/none/cancel", TEAM),
    ("POST", "/dd-a/manage/cfp/codes/none/delete", TEAM),
    ("POST", "/dd-a/manage/cfp/questions/none/delete", TEAM),
    ("POST", "/dd-a/manage/cfp/tracks/none", TEAM),
    ("POST", "/dd-a/manage/cfp/tracks/none/delete", TEAM),
    ("POST", "/dd-a/manage/cfp/types/none", TEAM),
    ("POST", "/dd-a/manage/cfp/types/none/delete", TEAM),
    (
        "POST",
        "/dd-a/manage/registration/tickets/none/capacity",
        TEAM,
    ),
    ("POST", "/dd-a/manage/registration/tickets/none/times", TEAM),
    (
        "POST",
        "/dd-a/manage/registration/tickets/none/overbooking",
        TEAM,
    ),
    ("GET", "/dd-a/manage/registration/reconfirm", TEAM),
    ("POST", "/dd-a/manage/registration/reconfirm", TEAM),
    ("POST", "/dd-a/manage/registration/reconfirm/drop", TEAM),
    ("POST", "/dd-a/manage/registration/door", TEAM),
    ("GET", "/dd-a/staff/door", &[Staff, Organiser, Admin]),
    ("POST", "/dd-a/staff/door/give", &[Staff, Organiser, Admin]),
    ("GET", "/dd-a/my/", EVERYONE),
    ("POST", "/dd-a/manage/registrations/import/file", TEAM),
    ("POST", "/dd-a/manage/registrations/none/cancel", TEAM),
    ("POST", "/dd-a/manage/review/categories/none/delete", TEAM),
    ("POST", "/dd-a/review/{p}/conflict", &[Reviewer, Admin]),
    (
        "GET",
        "/dd-a/staff/badges/none.pdf",
        &[Staff, Organiser, Admin],
    ),
];

/// Routes outside the matrix, each with why. Everything else that the crates register
/// must have a row above: `every_route_is_in_the_matrix` fails for a new route without one.
const OUTSIDE: &[(&str, &str)] = &[
    (
        "/api/",
        "bearer tokens only, never the session: the API tests check them",
    ),
    ("{token}", "a mailed, unguessable link is the authorisation"),
    (
        "{key}",
        "a signed link is the authorisation; programme.rs and reconfirm.rs try forged ones",
    ),
    ("/static/", "public assets"),
    ("/healthz", "public health check"),
    (
        "/metrics",
        "for Prometheus on the operator's network; tested in operations.rs",
    ),
    ("/lang/", "switches the language of anyone, no data"),
    (
        "/account/logout",
        "ends the session (the account tests check it)",
    ),
    ("/account/password/forgot", "public form, rate-limited"),
    (
        "/speaker/photos/",
        "public speaker photos (published with the timetable)",
    ),
    (
        "/speaker/profile/photo",
        "upload (multipart): covered by the CfP tests",
    ),
    (
        "/{edition}/schedule",
        "the public timetable and its exports",
    ),
    (
        "/{edition}/conference.ics",
        "the public conference calendar",
    ),
    (
        "/invitations/{invitation}/",
        "a proposal's co-speaker invitations: found through the speaker's own proposal (as \
         withdraw above), and an unknown one is 404 for everyone, so the matrix cannot tell",
    ),
];

/// Someone else's proposal is not there at all for a speaker (404), so ids reveal nothing.
fn hidden_from_others(path: &str) -> bool {
    path.starts_with("/dd-a/cfp/proposals/")
}

async fn status(client: &Client, method: &str, path: &str) -> anyhow::Result<u16> {
    Ok(match method {
        "GET" => client.get(path).await?.status,
        _ => client.post(path, &[("role", "nope")]).await?.status,
    })
}

fn denied(who: Who, method: &str, path: &str, status: u16) -> bool {
    match (who, method) {
        (Anonymous, "GET") => status == 303,
        (Anonymous, _) => status == 401,
        _ if hidden_from_others(path) => status == 404,
        _ => status == 403,
    }
}

/// Everyone in the matrix, signed in with their role, and the Speaker's proposal in dd-a.
async fn cast(app: &mut TestApp) -> anyhow::Result<(Vec<(Who, Client)>, String)> {
    let admin = app.admin().await?;
    app.create_open_edition(&admin, "dd-a").await?;
    app.create_edition(&admin, "dd-b").await?;
    let mut clients: Vec<(Who, Client)> = vec![(Anonymous, app.client()), (Admin, admin)];
    for (who, email, role, edition) in [
        (Plain, "plain@example.org", None, "dd-a"),
        (Speaker, "speaker@example.org", None, "dd-a"),
        (Staff, "staff@example.org", Some("staff"), "dd-a"),
        (Reviewer, "reviewer@example.org", Some("reviewer"), "dd-a"),
        (Organiser, "orga@example.org", Some("organiser"), "dd-a"),
        (
            OtherOrganiser,
            "other@example.org",
            Some("organiser"),
            "dd-b",
        ),
    ] {
        let client = app.user(email, &format!("{who:?}")).await?;
        if let Some(role) = role {
            let admin = &clients[1].1;
            app.invite(admin, edition, &client, email, role).await?;
        }
        clients.push((who, client));
    }
    let speaker = &clients
        .iter()
        .find(|(w, _)| *w == Speaker)
        .expect("speaker")
        .1;
    let form = speaker.get("/dd-a/cfp/submit").await?;
    let talk = regex::Regex::new(r#"<option value="([0-9a-f-]{36})""#)?
        .captures(&form.body)
        .map(|c| c[1].to_owned())
        .expect("a session type");
    let res = speaker
        .post(
            "/dd-a/cfp/submit",
            &[
                ("title", "Matrix"),
                ("abstract", "A proposal to test access."),
                ("session_type", &talk),
                ("language", "en"),
                ("level", "beginner"),
                ("action", "submit"),
            ],
        )
        .await?;
    let proposal = res
        .location()
        .and_then(|l| l.rsplit('/').next())
        .unwrap_or_default()
        .to_owned();
    assert_eq!(proposal.len(), 36, "submitting failed: {}", res.body);
    Ok((clients, proposal))
}

db_test! {
    async fn every_route_allows_exactly_its_roles(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let (clients, proposal) = cast(&mut app).await?;
        let mut wrong = Vec::new();
        for (method, path, allowed) in MATRIX {
            let path = path.replace("{p}", &proposal);
            for (who, client) in &clients {
                let status = status(client, method, &path).await?;
                let ok = if allowed.contains(who) {
                    !denied(*who, method, &path, status) && status != 401 && status != 403 && status < 500
                } else {
                    denied(*who, method, &path, status)
                };
                if !ok {
                    wrong.push(format!("{method} {path} as {who:?}: {status}"));
                }
            }
        }
        assert!(wrong.is_empty(), "authorisation is off:\n{}", wrong.join("\n"));
        Ok(())
    }
}

db_test! {
    async fn no_form_takes_a_hostile_body(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let (clients, proposal) = cast(&mut app).await?;
        let admin = &clients[1].1;
        let exports = ["/dd-a/manage/proposals.csv", "/dd-a/manage/speakers.csv", "/dd-a/manage/registrations.csv", "/dd-a/manage/checkin.csv"];
        let mut before = Vec::new();
        for path in exports {
            before.push(admin.get(path).await?.body);
        }
        let form = "application/x-www-form-urlencoded";
        let mut wrong = Vec::new();
        for (_, path, allowed) in MATRIX.iter().filter(|(m, _, _)| *m == "POST") {
            let path = path.replace("{p}", &proposal);
            // Someone allowed: the admin where possible, else the first of the row.
            let (_, client) = clients.iter()
                .find(|(w, _)| *w == Admin && allowed.contains(w))
                .or_else(|| clients.iter().find(|(w, _)| *w != Anonymous && allowed.contains(w)))
                .expect("someone may post");
            let token = client.csrf().await?;
            let field = |rest: &str| format!("csrf_token={token}&{rest}").into_bytes();
            let multipart = path.ends_with("/import/file") || path.ends_with("/photo");
            let cases: Vec<(&str, Option<&str>, Vec<u8>, u16)> = vec![
                ("100 KiB", Some(form), field(&format!("title={}", "a".repeat(100 * 1024))), 413),
                ("300 KiB", Some(form), field(&format!("title={}", "a".repeat(300 * 1024))), 413),
                ("broken percent-encoded UTF-8", Some(form), field("title=%FF%FEx&name=caf%C3"), 400),
                ("raw bytes that are not UTF-8", Some(form), [field("title="), vec![0xff, 0xfe, 0xc3]].concat(), 400),
                ("JSON", Some("application/json"), format!(r#"{{"csrf_token":"{token}"}}"#).into_bytes(), 415),
                ("no content type", None, field("title=x"), 415),
                // Every text that enters: PostgreSQL cannot store U+0000, so both refuse it.
                ("a NUL character", Some(form), field("title=a%00b&name=x%00&email=n%00@x.org"), 422),
            ];
            for (what, content_type, body, expected) in cases {
                let res = client.post_bytes(&path, content_type, body).await?;
                let html = res.header("content-type").is_some_and(|c| c.starts_with("text/html"));
                // Upload routes read multipart themselves: any 4xx with a page will do.
                let ok = if multipart { (400..500).contains(&res.status) } else { res.status == expected };
                if !ok || !html {
                    wrong.push(format!("POST {path} with {what}: {} {:?}", res.status, res.header("content-type")));
                }
            }
        }
        // A NUL in the query string (the list searches) or the path, on every page.
        for (_, path, _) in MATRIX.iter().filter(|(m, _, _)| *m == "GET") {
            let path = path.replace("{p}", &proposal);
            for url in [format!("{path}?q=%00&state=%00"), path.replacen("dd-a", "dd%00a", 1)] {
                if !url.contains("%00") {
                    continue;
                }
                let res = admin.get(&url).await?;
                let html = res.header("content-type").is_some_and(|c| c.starts_with("text/html"));
                if res.status != 422 || !html {
                    wrong.push(format!("GET {url}: {}", res.status));
                }
            }
        }
        assert!(wrong.is_empty(), "hostile bodies got the wrong answer:\n{}", wrong.join("\n"));
        for (path, earlier) in exports.iter().zip(before) {
            assert_eq!(admin.get(path).await?.body, earlier, "{path} changed");
        }
        // The page says what went wrong, in the reader's language.
        let res = admin.post_bytes("/dd-a/manage/cfp", Some(form), b"title=%FF".to_vec()).await?;
        assert!(res.body.contains("arrived damaged"), "{}", res.body);
        admin.get("/lang/de").await?;
        let res = admin.post_bytes("/dd-a/manage/cfp", Some(form), b"title=%FF".to_vec()).await?;
        assert!(res.body.contains("kam beschädigt an"), "{}", res.body);
        // A tampered field (a checkbox that is not true or false) gets the same page.
        let res = admin.post("/dd-a/manage/archive", &[("archived", "maybe")]).await?;
        assert_eq!(res.status, 400);
        assert!(res.body.contains("kam beschädigt an"), "{}", res.body);
        Ok(())
    }
}

/// Whether a matrix path (concrete) is an instance of a registered route pattern.
fn instance_of(pattern: &str, path: &str) -> bool {
    let path = path.split('?').next().unwrap_or_default();
    if pattern.ends_with('/') != path.ends_with('/') {
        return false;
    }
    let (ps, qs): (Vec<&str>, Vec<&str>) = (
        pattern.trim_matches('/').split('/').collect(),
        path.trim_matches('/').split('/').collect(),
    );
    ps.len() == qs.len()
        && ps.iter().zip(&qs).all(|(p, q)| match p.find('{') {
            None => p == q,
            // `{id}` or `{id}.pdf`: any segment with the same literal ending.
            Some(0) => q.ends_with(&p[p.find('}').map_or(p.len(), |i| i + 1)..]),
            Some(_) => false,
        })
}

#[test]
fn every_route_is_in_the_matrix() -> anyhow::Result<()> {
    let patterns = devday_tests::route_patterns()?;
    assert!(patterns.len() > 50, "found only {} routes", patterns.len());
    let missing: Vec<&String> = patterns
        .iter()
        .filter(|p| !OUTSIDE.iter().any(|(part, _)| p.contains(part)))
        .filter(|p| !MATRIX.iter().any(|(_, path, _)| instance_of(p, path)))
        .collect();
    assert!(
        missing.is_empty(),
        "routes without a row in the authorisation matrix: {missing:#?}"
    );
    Ok(())
}

db_test! {
    async fn who_may_not_act_is_refused_whatever_the_body_says(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let (clients, _) = cast(&mut app).await?;
        // A body that would fail validation (no name) and one that would fail parsing.
        let bodies: [&[u8]; 2] = [br#"{"capacity":5}"#, b"{not json"];
        for (who, client) in &clients {
            if matches!(who, Organiser | Admin) {
                continue;
            }
            let token = if *who == Anonymous { None } else { Some(devday_tests::flows::api_token(client, "matrix").await?) };
            for body in bodies {
                let mut req = client.http().post(format!("{}/api/editions/dd-a/rooms", app.base))
                    .header("content-type", "application/json").body(body.to_vec());
                if let Some(token) = &token {
                    req = req.bearer_auth(token);
                }
                let res = client.send(req).await?;
                let expected = if *who == Anonymous { 401 } else { 403 };
                assert_eq!(res.status, expected, "{who:?} with {}: {}", String::from_utf8_lossy(body), res.body);
            }
        }
        // Every endpoint that needs a token refuses a bad body without one with 401.
        let doc = clients[0].1.api_get("/api/openapi.json", None).await?.json();
        let params = regex::Regex::new(r"\{([a-z_]+)\}")?;
        let mut wrong = Vec::new();
        for (path, item) in doc["paths"].as_object().into_iter().flatten() {
            for (method, op) in item.as_object().into_iter().flatten() {
                if op["security"].is_null() || op["requestBody"].is_null() {
                    continue;
                }
                let path = params.replace_all(path, |c: &regex::Captures| match &c[1] {
                    "edition" => "dd-a".to_owned(),
                    _ => "00000000-0000-0000-0000-000000000000".to_owned(),
                });
                let req = clients[0].1.http().request(method.to_uppercase().parse()?, format!("{}{path}", app.base))
                    .header("content-type", "application/json").body(&b"{not json"[..]);
                let res = clients[0].1.send(req).await?;
                if res.status != 401 {
                    wrong.push(format!("{method} {path}: {}", res.status));
                }
            }
        }
        assert!(wrong.is_empty(), "a bad body was judged before the missing token:\n{}", wrong.join("\n"));
        Ok(())
    }
}
