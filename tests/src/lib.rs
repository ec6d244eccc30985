//! The end-to-end harness: the real devday binary on a random port with a fresh database
//! (an SQLite file, or a fresh PostgreSQL database) and a real SMTP server on loopback.
//! `db_test!` runs one test body on both databases.
#![allow(clippy::unwrap_used)]

mod app;
mod browser;
pub mod builders;
mod db;
pub mod flows;
pub mod hooks;
mod smtp;
pub mod web;

pub use app::{Process, PASSWORD};
pub use app::{TestApp, TestAppBuilder};
pub use browser::WebDriver;
pub use db::{Backend, TestDb};
pub use smtp::{Mail, SmtpSink};
pub use web::Client;

/// Runs the body once on SQLite and once on PostgreSQL. The PostgreSQL run is reported as
/// ignored, with how to enable it, unless DEVDAY_TEST_POSTGRES_URL was set at build time.
#[macro_export]
macro_rules! db_test {
    ($(#[$meta:meta])* async fn $name:ident($backend:ident) $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn body($backend: $crate::Backend) -> anyhow::Result<()> $body

            $(#[$meta])*
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() -> anyhow::Result<()> {
                $crate::binary!();
                body($crate::Backend::Sqlite).await
            }

            $(#[$meta])*
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            #[cfg_attr(
                not(devday_pg),
                ignore = "PostgreSQL suite off: set DEVDAY_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres"
            )]
            async fn postgres() -> anyhow::Result<()> {
                $crate::binary!();
                body($crate::Backend::Postgres).await
            }
        }
    };
}

static BINARY: std::sync::OnceLock<&'static str> = std::sync::OnceLock::new();

/// Records (and returns) the binary under test. Only integration tests know its path
/// (CARGO_BIN_EXE_*), so they call this before starting an app; `db_test!` does it for them.
#[macro_export]
macro_rules! binary {
    () => {
        $crate::set_binary(env!("CARGO_BIN_EXE_devday-e2e"))
    };
}

#[doc(hidden)]
pub fn set_binary(path: &'static str) -> &'static str {
    BINARY.get_or_init(|| path)
}

pub(crate) fn binary_path() -> &'static str {
    BINARY
        .get()
        .copied()
        .expect("call devday_tests::binary!() before starting an app")
}

/// A file a check needs from the validators' folder (DEVDAY_TEST_VALIDATORS), such as
/// axe-core's script; None (the check is skipped) unless DEVDAY_TEST_SCHEMAS demands it.
pub fn validator_file(name: &str) -> Option<std::path::PathBuf> {
    let path = std::env::var("DEVDAY_TEST_VALIDATORS")
        .map(|dir| std::path::Path::new(&dir).join(name))
        .ok()
        .filter(|p| p.exists());
    if path.is_none() {
        skipping(name);
    }
    path
}

/// A check whose tool is missing is skipped, unless CI (DEVDAY_TEST_SCHEMAS) demands it.
fn skipping(tool: &str) {
    assert!(
        std::env::var("DEVDAY_TEST_SCHEMAS").is_err(),
        "{tool} is missing but DEVDAY_TEST_SCHEMAS is set"
    );
    eprintln!("{tool} not installed: the check that needs it is skipped");
}

/// Every route pattern the crates register (`route("…")` and `resource("…")`), read from
/// their sources, so tests can check that they cover every route that exists.
pub fn route_patterns() -> anyhow::Result<std::collections::BTreeSet<String>> {
    let crates = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates");
    let route = regex::Regex::new(r#"(?:route|resource)\(\s*"([^"]+)""#)?;
    let mut patterns = std::collections::BTreeSet::new();
    let mut dirs = vec![crates];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path)?;
                patterns.extend(route.captures_iter(&text).map(|c| c[1].to_owned()));
            }
        }
    }
    Ok(patterns)
}

/// The first group of `pattern` in `text`; panics with both when it is not there.
pub fn capture(pattern: &str, text: &str) -> String {
    regex::Regex::new(pattern)
        .ok()
        .and_then(|re| re.captures(text))
        .map(|c| c[1].to_owned())
        .unwrap_or_else(|| panic!("{pattern} not in {text}"))
}

/// An outside tool a test checks its output with (xmllint, check-jsonschema, zbarimg,
/// pdftoppm), from DEVDAY_TEST_VALIDATORS or the PATH. CI installs them and sets
/// DEVDAY_TEST_SCHEMAS=1, which makes a missing tool a failure rather than a skip.
pub fn validator(tool: &str) -> Option<String> {
    let path = std::env::var("DEVDAY_TEST_VALIDATORS")
        .map(|dir| format!("{dir}/{tool}"))
        .unwrap_or_else(|_| tool.to_owned());
    let found = std::process::Command::new(&path)
        .arg("--version")
        .output()
        .is_ok();
    if !found {
        skipping(tool);
        return None;
    }
    Some(path)
}

/// One talk as both readers must see it: title, room, start (UTC), minutes, track, type,
/// speakers (sorted) and whether it is not recorded.
pub type Talk = (
    String,
    String,
    String,
    i64,
    Option<String>,
    String,
    Vec<String>,
    bool,
);

/// The talks of devday's c3voc JSON.
pub fn c3voc_talks(doc: &serde_json::Value) -> Vec<Talk> {
    let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_owned();
    let mut talks: Vec<Talk> = doc["schedule"]["conference"]["days"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|d| d["rooms"].as_object().into_iter().flat_map(|r| r.iter()))
        .flat_map(|(room, events)| {
            events
                .as_array()
                .into_iter()
                .flatten()
                .map(move |e| (room, e))
        })
        .map(|(room, e)| {
            let start = chrono::DateTime::parse_from_rfc3339(&text(&e["date"]))
                .map(|t| {
                    t.with_timezone(&chrono::Utc)
                        .format("%Y-%m-%dT%H:%M:%SZ")
                        .to_string()
                })
                .unwrap_or_default();
            let (h, m) = text(&e["duration"])
                .split_once(':')
                .map(|(h, m)| (h.parse().unwrap_or(0), m.parse().unwrap_or(0)))
                .unwrap_or((0, 0));
            let mut persons: Vec<String> = e["persons"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|p| text(&p["name"]))
                .collect();
            persons.sort();
            (
                text(&e["title"]),
                room.clone(),
                start,
                h * 60 + m,
                e["track"]
                    .as_str()
                    .filter(|t| !t.is_empty())
                    .map(str::to_owned),
                text(&e["type"]),
                persons,
                e["do_not_record"] == true,
            )
        })
        .collect();
    talks.sort();
    talks
}

/// The talks pretalx released after importing the XML.
fn pretalx_talks(imported: &[serde_json::Value]) -> Vec<Talk> {
    let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_owned();
    let mut talks: Vec<Talk> = imported
        .iter()
        .map(|t| {
            let persons = t["persons"]
                .as_array()
                .into_iter()
                .flatten()
                .map(&text)
                .collect();
            (
                text(&t["title"]),
                text(&t["room"]),
                text(&t["start"]),
                t["duration"].as_i64().unwrap_or(0),
                t["track"].as_str().map(str::to_owned),
                text(&t["type"]),
                persons,
                t["do_not_record"] == true,
            )
        })
        .collect();
    talks.sort();
    talks
}

/// What pretalx makes of a frab schedule.xml: its own importer (pretalx-downstream, in a
/// throwaway pretalx with SQLite) pulls `url` and releases it; one JSON object per talk
/// as a [`Talk`]. None (skipped) without the pretalx venv, unless CI demands it.
pub fn pretalx_import(url: &str, timezone: &str) -> anyhow::Result<Option<Vec<Talk>>> {
    let Some(python) = validator("pretalx-python") else {
        return Ok(None);
    };
    let script =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("pretalx/downstream_import.py");
    let dir =
        std::env::temp_dir().join(format!("devday-pretalx-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir)?;
    let out = dir.join("talks.json");
    let run = std::process::Command::new(python)
        .arg(&script)
        .args([url, timezone])
        .arg(&out)
        .current_dir(&dir)
        .output()?;
    anyhow::ensure!(
        run.status.success(),
        "pretalx-downstream could not import {url}: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let talks: Vec<serde_json::Value> = serde_json::from_str(&std::fs::read_to_string(&out)?)?;
    std::fs::remove_dir_all(&dir).ok();
    Ok(Some(pretalx_talks(&talks)))
}

/// The VEVENTs of a calendar as (UID, SEQUENCE, DTSTART), read by the icalendar library
/// when CI has it, by hand otherwise.
pub fn calendar_events(ics: &str) -> anyhow::Result<Vec<(String, String, String)>> {
    if let Some(python) = validator("python") {
        let file =
            std::env::temp_dir().join(format!("devday-feed-{}.ics", uuid::Uuid::new_v4().simple()));
        std::fs::write(&file, ics)?;
        let script = "import sys, icalendar\n\
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n\
            assert cal.get('version') == '2.0'\n\
            for e in cal.walk('VEVENT'):\n\
            \x20   print(e['UID'], e['SEQUENCE'], e.decoded('DTSTART').isoformat(), sep='|')\n";
        let out = std::process::Command::new(python)
            .args(["-c", script])
            .arg(&file)
            .output()?;
        std::fs::remove_file(&file).ok();
        anyhow::ensure!(
            out.status.success(),
            "icalendar refused the feed: {}\n{ics}",
            String::from_utf8_lossy(&out.stderr)
        );
        return Ok(String::from_utf8(out.stdout)?
            .lines()
            .map(|l| {
                let mut parts = l.split('|').map(str::to_owned);
                (
                    parts.next().unwrap_or_default(),
                    parts.next().unwrap_or_default(),
                    parts.next().unwrap_or_default(),
                )
            })
            .collect());
    }
    let field = |block: &str, name: &str| {
        block
            .lines()
            .find_map(|l| {
                l.strip_prefix(name).map(|v| {
                    v.trim_start_matches(|c| c != ':')
                        .trim_start_matches(':')
                        .trim()
                        .to_owned()
                })
            })
            .unwrap_or_default()
    };
    Ok(ics
        .split("BEGIN:VEVENT")
        .skip(1)
        .map(|b| (field(b, "UID"), field(b, "SEQUENCE"), field(b, "DTSTART")))
        .collect())
}
