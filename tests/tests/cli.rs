//! The command line: configuration errors, migrate, create-admin, create-token, demo.

use std::io::Write;
use std::process::Stdio;

use devday_tests::{capture, db_test, TestApp};

fn run(app: &TestApp, args: &[&str], stdin: &str) -> anyhow::Result<(i32, String, String)> {
    let mut child = app
        .command()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    child
        .stdin
        .take()
        .map(|mut s| s.write_all(stdin.as_bytes()));
    let out = child.wait_with_output()?;
    Ok((
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    ))
}

/// Environment, arguments, and what the one-line error must say.
type Case = (
    &'static [(&'static str, &'static str)],
    &'static [&'static str],
    &'static str,
);

#[test]
fn bad_configuration_stops_start_up_naming_the_key() -> anyhow::Result<()> {
    let bin = devday_tests::binary!();
    let cases: &[Case] = &[
        (&[("DEVDAY_LISTEN", "not-an-address")], &[], "server.listen"),
        (
            &[("DEVDAY_DATABASE_URL", "mysql://root@localhost/devday")],
            &[],
            "database.url",
        ),
        (
            &[("DEVDAY_DATABSE_URL", "sqlite://x.sqlite3")],
            &[],
            "DEVDAY_DATABSE_URL: not a devday setting",
        ),
        (
            &[("DEVDAY_MAIL_TRANSPORT", "pigeon")],
            &[],
            "mail.transport",
        ),
        (
            &[("DEVDAY_SERVER_PUBLIC_URL", "devday.example")],
            &[],
            "server.public_url",
        ),
        (
            &[],
            &["--config", "/nonexistent/devday.toml"],
            "no such file",
        ),
    ];
    for (env, args, expected) in cases {
        let out = std::process::Command::new(bin)
            .args(*args)
            .args(["migrate"])
            .envs(env.iter().copied())
            .current_dir(std::env::temp_dir())
            .output()?;
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{env:?}: {stderr}");
        assert!(
            stderr.contains(expected),
            "{env:?}: expected {expected:?} in {stderr:?}"
        );
        assert_eq!(stderr.trim().lines().count(), 1, "not one line: {stderr}");
    }
    Ok(())
}

#[test]
fn a_config_file_sits_between_defaults_and_environment() -> anyhow::Result<()> {
    let bin = devday_tests::binary!();
    let dir = std::env::temp_dir().join(format!("devday-config-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir)?;
    let file = dir.join("devday.toml");
    std::fs::write(
        &file,
        "[database]\nurl = \"sqlite://from-file.sqlite3\"\n[mail]\nunknown_key = 1\n",
    )?;
    let out = std::process::Command::new(bin)
        .args(["--config", file.to_str().unwrap_or_default(), "migrate"])
        .current_dir(&dir)
        .output()?;
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("unknown_key"),
        "unknown keys must be refused"
    );
    std::fs::write(&file, "[database]\nurl = \"sqlite://from-file.sqlite3\"\n")?;
    let out = std::process::Command::new(bin)
        .args(["--config", file.to_str().unwrap_or_default(), "migrate"])
        .current_dir(&dir)
        .output()?;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir.join("from-file.sqlite3").exists());
    let out = std::process::Command::new(bin)
        .args(["--config", file.to_str().unwrap_or_default(), "migrate"])
        .env("DEVDAY_DATABASE_URL", "sqlite://from-env.sqlite3")
        .current_dir(&dir)
        .output()?;
    assert!(out.status.success());
    assert!(
        dir.join("from-env.sqlite3").exists(),
        "the environment must win over the file"
    );
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

db_test! {
    async fn admins_and_tokens_from_the_command_line(backend) {
        let app = TestApp::spawn(backend).await?;
        let (code, _, err) = run(&app, &["create-admin", "--email", "root@example.org"], "short\n")?;
        assert_ne!(code, 0);
        assert!(err.contains("10"), "{err}");
        let (code, out, err) = run(&app, &["create-admin", "--email", "Root@Example.org", "--name", "Root"], "a long admin password\n")?;
        assert_eq!(code, 0, "{err}");
        assert!(out.contains("root@example.org"));
        let client = app.client();
        app.login(&client, "root@example.org", "a long admin password").await?;
        assert_eq!(client.get("/admin").await?.status, 200);

        let (code, out, err) = run(&app, &["create-token", "--email", "root@example.org", "--name", "scanner 1"], "")?;
        assert_eq!(code, 0, "{err}");
        let token = out.trim();
        let me = client.api_get("/api/me", Some(token)).await?;
        assert_eq!(me.json()["is_admin"], true);
        let (code, _, err) = run(&app, &["create-token", "--email", "nobody@example.org", "--name", "x"], "")?;
        assert_ne!(code, 0);
        assert!(err.contains("no account"), "{err}");
        Ok(())
    }
}

db_test! {
    async fn the_demo_fills_a_living_edition_once(backend) {
        let app = TestApp::spawn(backend).await?;
        let (code, out, err) = run(&app, &["demo"], "")?;
        assert_eq!(code, 0, "{err}");
        let out_first = out.clone();
        assert!(out.contains("devday-demo"));
        assert!(out.contains("70 proposals by 55 speakers"), "{out}");
        assert!(out.contains("40 confirmed sessions"), "{out}");
        assert!(out.contains("412 registrations"), "{out}");
        let (code, out, _) = run(&app, &["demo"], "")?;
        assert_eq!(code, 0);
        assert!(out.contains("already there"));
        let page = app.client().get("/devday-demo/").await?;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Hygiene-Museum"));
        let home = app.client().get("/").await?;
        assert!(home.body.contains("DevDay Demo"));
        assert!(home.body.split("Past editions").nth(1).is_some_and(|a| a.contains("DevDay 20")));
        // The archive keeps last year's programme: its front page and schedule show it.
        let last_year = capture(r#"href="/(devday-20\d\d)/""#, home.body.split("Past editions").nth(1).unwrap_or_default());
        let archived = app.client().get(&format!("/{last_year}/")).await?.body;
        assert!(archived.contains("12 sessions, version 2 of "), "{archived}");
        let programme = app.client().get(&format!("/{last_year}/schedule/")).await?;
        assert_eq!(programme.status, 200);
        assert!(programme.body.contains("The boring database"), "{}", programme.body);
        // pretalx's own importer takes the demo's programme as it is: two days, tracks,
        // talks and workshops, several speakers, talks whose speakers refused a recording.
        let url = format!("{}/devday-demo/schedule.xml", app.base);
        if let Some(imported) = devday_tests::pretalx_import(&url, "Europe/Berlin")? {
            let json = app.client().get("/devday-demo/schedule.json").await?;
            let exported = devday_tests::c3voc_talks(&serde_json::from_str(&json.body)?);
            assert_eq!(exported.len(), 40);
            assert!(exported.iter().any(|t| t.4.is_some()) && exported.iter().any(|t| t.7), "{exported:?}");
            assert!(exported.iter().any(|t| t.5 == "workshop") && exported.iter().any(|t| t.6.len() > 1), "{exported:?}");
            assert_eq!(exported, imported, "pretalx read another programme");
        }
        let orga = app.client();
        app.login(&orga, "anna.schmidt@devday-demo.example", "devday-demo-password").await?;
        assert_eq!(orga.get("/devday-demo/manage/team").await?.status, 200);
        let list = orga.get("/devday-demo/manage/proposals?language=de&per_page=500").await?;
        assert!(list.body.contains("Domain-Driven Design in der Praxis"));
        let csv = orga.get("/devday-demo/manage/proposals.csv").await?;
        // Drafts stay private: 3 of the 70 are drafts.
        assert_eq!(csv.body.lines().count(), 68, "a header and 67 submitted or withdrawn proposals");
        // The demo speakers can log in and see their proposals.
        let speaker = app.client();
        app.login(&speaker, "lena.mueller@devday-demo.example", "devday-demo-password").await?;
        assert!(speaker.get("/speaker/proposals").await?.body.contains("Rust in production"));
        // Six reviewers reviewed; the dashboard ranks what they decided on.
        let dash = orga.get("/devday-demo/manage/review/dashboard?state=confirmed").await?;
        assert_eq!(dash.body.matches("name=\"ids\"").count(), 40);
        let reviewer = app.client();
        app.login(&reviewer, "paula.graf@devday-demo.example", "devday-demo-password").await?;
        let queue = reviewer.get("/devday-demo/review/").await?;
        assert!(queue.body.contains("You have reviewed"), "{}", queue.body);
        // 412 registrations plus the speakers' and team's tickets, the Rust workshop full
        // with a waiting list.
        let guests: usize = capture(r"(\d+) tickets for speakers and team", &out_first).parse()?;
        assert!(guests > 10, "{out_first}");
        let attendees = orga.get("/devday-demo/manage/registrations").await?;
        assert!(attendees.body.contains(&format!("{} active registrations", 412 + guests)), "{}", attendees.body);
        // Two thirds of the confirmed ones checked in at the entrance.
        let checked_in: usize = capture(r"(\d+) check-ins at the entrance", &out_first).parse()?;
        assert!(checked_in > 200, "{out_first}");
        let board = orga.get("/devday-demo/manage/checkin").await?;
        assert!(board.body.contains(&format!(r#"<td class="checked-in">{checked_in}</td>"#)), "{}", board.body);
        assert!(attendees.body.contains("20 / 20") && attendees.body.contains("(waiting)"));
        // Six rooms and a released timetable of all 40 sessions; version 2 moved two.
        assert!(out_first.contains("40 sessions in a released timetable"), "{out_first}");
        let json = app.client().get("/devday-demo/schedule.json").await?.json();
        let conference = &json["schedule"]["conference"];
        assert_eq!(conference["rooms"].as_array().map(Vec::len), Some(6));
        let events: usize = conference["days"].as_array().into_iter().flatten()
            .flat_map(|d| d["rooms"].as_object().into_iter().flat_map(|r| r.values()))
            .map(|events| events.as_array().map_or(0, Vec::len)).sum();
        assert_eq!(events, 40);
        let changes = app.client().get("/devday-demo/schedule/changes").await?.body;
        assert_eq!(changes.matches("class=\"change-moved\"").count(), 2, "{changes}");
        Ok(())
    }
}

#[test]
fn schedule_solve_reads_an_instance_and_writes_a_valid_solution() -> anyhow::Result<()> {
    let bin = devday_tests::binary!();
    let dir = std::env::temp_dir().join(format!("devday-solve-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir)?;
    // Two rooms, two times; Ada speaks twice and is away at ten; everyone wants K1 and K2.
    let instance = serde_json::json!({
        "format": "confsched-instance/1", "name": "tiny",
        "rooms": [{"id": "R1", "capacity": 100}, {"id": "R2", "capacity": 20}],
        "slots": [
            {"id": "R1-09", "room": "R1", "start": "2030-05-20T09:00", "duration": 45},
            {"id": "R1-10", "room": "R1", "start": "2030-05-20T10:00", "duration": 45},
            {"id": "R2-09", "room": "R2", "start": "2030-05-20T09:00", "duration": 45},
            {"id": "R2-10", "room": "R2", "start": "2030-05-20T10:00", "duration": 45}
        ],
        "speakers": [
            {"id": "ada", "unavailable": [{"start": "2030-05-20T10:00", "end": "2030-05-20T11:00"}]},
            {"id": "bob"}, {"id": "cem"}
        ],
        "talks": [
            {"id": "K1", "duration": 45, "speakers": ["ada"], "demand": 90},
            {"id": "K2", "duration": 30, "speakers": ["bob"], "demand": 80},
            {"id": "K3", "duration": 45, "speakers": ["cem"], "demand": 10}
        ],
        "attendees": [{"favourites": ["K1", "K2"]}, {"favourites": ["K1", "K2"]}]
    });
    let file = dir.join("tiny.json");
    std::fs::write(&file, instance.to_string())?;
    let out_file = dir.join("solution.json");
    let out = std::process::Command::new(bin)
        .args([
            "schedule-solve",
            file.to_str().unwrap_or_default(),
            "--out",
            out_file.to_str().unwrap_or_default(),
            "--seed",
            "7",
        ])
        .env(
            "DEVDAY_DATABASE_URL",
            format!("sqlite://{}/unused.sqlite3", dir.display()),
        )
        .output()?;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("tiny: 3 talks"));
    let solution: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out_file)?)?;
    assert_eq!(solution["format"], "confsched-solution/1");
    let at = |talk: &str| {
        (
            solution["assignments"][talk]["room"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
            solution["assignments"][talk]["start"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
        )
    };
    // Ada only at nine; the big room for her 90 listeners; K2 (80) needs the big room too,
    // so at ten, away from K1: no clash, nobody over capacity.
    assert_eq!(at("K1"), ("R1".to_owned(), "2030-05-20T09:00".to_owned()));
    assert_eq!(at("K2"), ("R1".to_owned(), "2030-05-20T10:00".to_owned()));
    assert_eq!(at("K3").0, "R2");
    // A broken instance is refused with a reason and no file.
    std::fs::write(
        &file,
        r#"{"name": "x", "rooms": [], "slots": [], "speakers": [], "talks": [{"id": "K1", "duration": 30, "speakers": ["nobody"]}]}"#,
    )?;
    let out = std::process::Command::new(bin)
        .args([
            "schedule-solve",
            file.to_str().unwrap_or_default(),
            "--out",
            dir.join("none.json").to_str().unwrap_or_default(),
        ])
        .env(
            "DEVDAY_DATABASE_URL",
            format!("sqlite://{}/unused.sqlite3", dir.display()),
        )
        .output()?;
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("speaker \"nobody\" is not defined"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!dir.join("none.json").exists());
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

db_test! {
    async fn a_backup_of_the_live_database_restores_what_was_there(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        let file = std::env::temp_dir().join(format!("devday-backup-{}.sqlite3", uuid::Uuid::new_v4()));
        let path = file.to_string_lossy().into_owned();

        // Taken while the server runs and writes.
        let (code, out, err) = run(&app, &["backup", "--out", &path], "")?;
        if backend == devday_tests::Backend::Postgres {
            assert_eq!(code, 1);
            assert!(err.contains("pg_dump"), "{err}");
            return Ok(());
        }
        assert_eq!(code, 0, "{out}{err}");
        let (code, _, err) = run(&app, &["backup", "--out", &path], "")?;
        assert!(code != 0 && err.contains("exists already"), "{err}");

        // Later changes, then the restore (with the server stopped) takes them back.
        app.create_open_edition(&admin, "dd-2031").await?;
        app.stop(true)?;
        let garbage = std::env::temp_dir().join(format!("devday-not-a-db-{}", uuid::Uuid::new_v4()));
        std::fs::write(&garbage, b"not a database")?;
        let (code, _, err) = run(&app, &["restore", "--from", &garbage.to_string_lossy()], "")?;
        assert!(code != 0 && err.contains("not an SQLite database"), "{err}");
        let (code, out, err) = run(&app, &["restore", "--from", &path], "")?;
        assert_eq!(code, 0, "{out}{err}");
        app.restart().await?;
        let visitor = app.client();
        assert_eq!(visitor.get("/dd-2030/").await?.status, 200, "the backup lost an edition");
        assert_eq!(visitor.get("/dd-2031/").await?.status, 404, "the restore kept a later edition");
        let login = app.client();
        app.login(&login, "admin@example.org", devday_tests::PASSWORD).await?;
        let _ = std::fs::remove_file(&file);
        let _ = std::fs::remove_file(&garbage);
        Ok(())
    }
}
