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

/// (method, path, who is allowed). POST bodies are harmless no-ops or invalid on purpose:
/// what is checked is whether the request gets past authorisation.
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
    ("GET", "/dd-a/manage/", &[Organiser, Admin]),
    ("GET", "/dd-a/manage/team", &[Organiser, Admin]),
    ("GET", "/dd-a/staff/", &[Staff, Organiser, Admin]),
    ("POST", "/dd-a/manage/", &[Organiser, Admin]),
    ("POST", "/dd-a/manage/archive", &[Organiser, Admin]),
    ("POST", "/dd-a/manage/team/invite", &[Organiser, Admin]),
    ("POST", "/dd-a/manage/team/remove", &[Organiser, Admin]),
    (
        "POST",
        "/dd-a/manage/invitations/none/revoke",
        &[Organiser, Admin],
    ),
    ("POST", "/editions/new", &[Organiser, OtherOrganiser, Admin]),
    ("POST", "/admin/users/none/admin", &[Admin]),
    ("POST", "/account/profile", SIGNED_IN),
    ("POST", "/account/tokens/none/revoke", SIGNED_IN),
];

async fn status(client: &Client, method: &str, path: &str) -> anyhow::Result<u16> {
    Ok(match method {
        "GET" => client.get(path).await?.status,
        _ => client.post(path, &[("role", "nope")]).await?.status,
    })
}

fn denied(who: Who, method: &str, status: u16) -> bool {
    match (who, method) {
        (Anonymous, "GET") => status == 303,
        (Anonymous, _) => status == 401,
        _ => status == 403,
    }
}

db_test! {
    async fn every_route_allows_exactly_its_roles(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_edition(&admin, "dd-a").await?;
        app.create_edition(&admin, "dd-b").await?;
        let mut clients: Vec<(Who, Client)> = vec![(Anonymous, app.client()), (Admin, admin)];
        for (who, email, role, edition) in [
            (Plain, "plain@example.org", None, "dd-a"),
            (Speaker, "speaker@example.org", None, "dd-a"),
            (Staff, "staff@example.org", Some("staff"), "dd-a"),
            (Reviewer, "reviewer@example.org", Some("reviewer"), "dd-a"),
            (Organiser, "orga@example.org", Some("organiser"), "dd-a"),
            (OtherOrganiser, "other@example.org", Some("organiser"), "dd-b"),
        ] {
            let client = app.user(email, &format!("{who:?}")).await?;
            if let Some(role) = role {
                let admin = &clients[1].1;
                app.invite(admin, edition, &client, email, role).await?;
            }
            clients.push((who, client));
        }
        let mut wrong = Vec::new();
        for (method, path, allowed) in MATRIX {
            for (who, client) in &clients {
                let status = status(client, method, path).await?;
                let ok = if allowed.contains(who) {
                    !denied(*who, method, status) && status != 401 && status != 403 && status < 500
                } else {
                    denied(*who, method, status)
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
