//! Every word a person reads is in their language: a crawl of the demo for each role
//! (visitor, speaker, reviewer, organiser, door staff, an attendee through their manage
//! link), in German and in English, that fails on any text of the other language's
//! catalogue on a page.

use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};
use std::process::Stdio;

use devday_shared::i18n::Locale;
use devday_tests::builders::Builder;
use devday_tests::{db_test, Client, TestApp};

const PASSWORD: &str = "devday-demo-password";
/// Pages per role and language, and per kind of page (ids replaced), so that a list of
/// seventy proposals is looked at twice, not seventy times.
const MAX_PAGES: usize = 120;
const MAX_PER_SHAPE: usize = 2;

/// `key = value` lines of a Fluent catalogue whose value is plain text on one line.
fn catalogue(lang: &str) -> anyhow::Result<HashMap<String, String>> {
    let path = format!("{}/../locales/{lang}/main.ftl", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path)?;
    let mut out = HashMap::new();
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let continued = lines.get(i + 1).is_some_and(|next| next.starts_with(' '));
        let Some((key, value)) = line.split_once(" = ") else {
            continue;
        };
        if key.starts_with(['#', ' ', '-']) || continued || value.contains(['{', '}']) {
            continue;
        }
        out.insert(key.trim().to_owned(), value.trim().to_owned());
    }
    Ok(out)
}

/// Texts of the other language that a page in `lang` must not show: the other catalogue's
/// values whose translation differs and which this language does not use anywhere.
fn foreign(lang: &str) -> anyhow::Result<HashSet<String>> {
    let other = if lang == "de" { "en" } else { "de" };
    let (own, theirs) = (catalogue(lang)?, catalogue(other)?);
    let own_values: HashSet<&String> = own.values().collect();
    Ok(theirs
        .iter()
        .filter(|(key, value)| {
            value.chars().filter(|c| c.is_alphabetic()).count() >= 4
                && value.contains(' ')
                && own.get(*key).is_none_or(|mine| mine != *value)
                && !own_values.contains(value)
        })
        .map(|(_, value)| value.clone())
        .collect())
}

/// What a reader sees of a page: its text nodes and the attributes read aloud or shown.
fn texts(html: &str) -> Vec<String> {
    let without = regex::Regex::new(r"(?s)<script.*?</script>|<style.*?</style>|<!--.*?-->")
        .map(|re| re.replace_all(html, " ").into_owned())
        .unwrap_or_default();
    let mut out = Vec::new();
    if let Ok(re) = regex::Regex::new(r">([^<]+)<") {
        out.extend(re.captures_iter(&without).map(|c| unescape(c[1].trim())));
    }
    if let Ok(re) = regex::Regex::new(r#"(?:title|placeholder|aria-label|alt|value)="([^"]+)""#) {
        out.extend(re.captures_iter(&without).map(|c| unescape(c[1].trim())));
    }
    out.retain(|t| !t.is_empty());
    out
}

fn unescape(s: &str) -> String {
    s.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A page's address with its ids replaced, to look at each kind of page a few times only.
fn shape(path: &str) -> String {
    let re = regex::Regex::new(r"[0-9a-f]{8}-[0-9a-f-]{27,}|\d+").ok();
    let path = path.split('?').next().unwrap_or(path);
    re.map(|re| re.replace_all(path, ":id").into_owned())
        .unwrap_or_else(|| path.to_owned())
}

fn followable(href: &str) -> bool {
    href.starts_with('/')
        && !href.starts_with("//")
        && !href.starts_with("/static/")
        && !href.starts_with("/api/")
        && !href.contains("logout")
        && !href.starts_with("/lang/")
        && ![
            ".csv", ".pdf", ".png", ".svg", ".ics", ".xml", ".json", ".jpg", "/photo",
        ]
        .iter()
        .any(|end| href.split('?').next().unwrap_or(href).ends_with(end))
}

/// Visits what `client` can reach from `start` and returns each text of `foreign` found,
/// with the page it was on.
async fn crawl(
    client: &Client,
    start: &[String],
    foreign: &HashSet<String>,
) -> anyhow::Result<(usize, BTreeSet<String>)> {
    let href = regex::Regex::new(r##"href="([^"#]+)"##)?;
    let mut queue: VecDeque<String> = start.iter().cloned().collect();
    let mut seen: HashSet<String> = queue.iter().cloned().collect();
    let mut shapes: HashMap<String, usize> = HashMap::new();
    let (mut visited, mut found) = (0, BTreeSet::new());
    while let Some(path) = queue.pop_front() {
        if visited >= MAX_PAGES {
            break;
        }
        let count = shapes.entry(shape(&path)).or_default();
        if *count >= MAX_PER_SHAPE {
            continue;
        }
        *count += 1;
        let page = client.get(&path).await?;
        if page.status != 200
            || !page
                .header("content-type")
                .is_some_and(|c| c.starts_with("text/html"))
        {
            continue;
        }
        visited += 1;
        for text in texts(&page.body) {
            if foreign.contains(&text) {
                found.insert(format!("{path}: {text:?}"));
            }
        }
        for link in href.captures_iter(&page.body) {
            let link = unescape(&link[1]);
            if followable(&link) && seen.insert(link.clone()) {
                queue.push_back(link);
            }
        }
    }
    Ok((visited, found))
}

fn run_demo(app: &TestApp) -> anyhow::Result<()> {
    let out = app
        .command()
        .arg("demo")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()?;
    anyhow::ensure!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Ok(())
}

/// Forms each role sends, filled so that they are refused (field errors, a wrong password,
/// a closed window, a bad code).
fn refusals(role: &str, manage: &str) -> Vec<(String, Vec<(&'static str, &'static str)>)> {
    let post =
        |path: &str, fields: &[(&'static str, &'static str)]| (path.to_owned(), fields.to_vec());
    match role {
        "visitor" => vec![
            post(
                "/account/login",
                &[
                    ("email", "nobody@example.org"),
                    ("password", "wrong password"),
                ],
            ),
            post(
                "/account/signup",
                &[
                    ("email", "not an address"),
                    ("name", ""),
                    ("password", "short"),
                ],
            ),
            post("/devday-demo/register/", &[("name", ""), ("email", "nope")]),
        ],
        "attendee" => vec![post(&format!("{manage}/details"), &[("name", "")])],
        "speaker" => vec![
            post(
                "/devday-demo/cfp/submit",
                &[("title", ""), ("action", "submit")],
            ),
            post("/speaker/profile", &[("name", ""), ("links", "not a link")]),
        ],
        "reviewer" => vec![],
        "organiser" => vec![
            post(
                "/devday-demo/manage/settings",
                &[("name", ""), ("slug", "Not A Slug")],
            ),
            post(
                "/devday-demo/manage/checkin",
                &[("name", ""), ("slug", "NO")],
            ),
            post(
                "/devday-demo/manage/registration/tickets",
                &[("name", ""), ("kind", "x"), ("capacity", "0")],
            ),
        ],
        _ => vec![],
    }
}

db_test! {
    async fn every_page_of_the_demo_speaks_the_readers_language(backend) {
        let app = TestApp::spawn(backend).await?;
        run_demo(&app)?;
        let manage = Builder::new(&app)?
            .attendee("devday-demo", "Ada Lovelace", "ada@example.org", Locale::De)?
            .manage_link();
        let roles: [(&str, Option<&str>, Vec<String>); 6] = [
            ("visitor", None, vec!["/".into(), "/devday-demo/".into(), "/devday-demo/schedule/".into()]),
            ("attendee", None, vec![manage.clone(), format!("{manage}/ticket")]),
            ("speaker", Some("lena.mueller@devday-demo.example"), vec!["/speaker/proposals".into(), "/speaker/profile".into()]),
            ("reviewer", Some("paula.graf@devday-demo.example"), vec!["/devday-demo/review/".into()]),
            ("organiser", Some("anna.schmidt@devday-demo.example"), vec!["/devday-demo/manage/".into()]),
            ("door staff", Some("tim.becker@devday-demo.example"), vec!["/devday-demo/staff/".into()]),
        ];
        let mut failures = Vec::new();
        for lang in ["de", "en"] {
            let foreign = foreign(lang)?;
            assert!(foreign.len() > 200, "the {lang} check knows only {} texts", foreign.len());
            for (role, email, start) in &roles {
                let client = Client::speaking(&app.base, lang);
                if let Some(email) = email {
                    app.login(&client, email, PASSWORD).await?;
                }
                let (visited, found) = crawl(&client, start, &foreign).await?;
                assert!(visited >= 5, "the {role} crawl in {lang} reached {visited} pages");
                eprintln!("{lang} {role}: {visited} pages");
                failures.extend(found.into_iter().map(|f| format!("{lang} {role} {f}")));
                // The main refusal of each form this role uses, said in the reader's language.
                for (path, fields) in refusals(role, &manage) {
                    let page = client.post(&path, &fields).await?;
                    // Refused with a message: never a 404 (a wrong path) or a 500.
                    assert!(matches!(page.status, 401 | 403 | 409 | 422), "{lang} {role} {path}: {} {}", page.status, page.body);
                    failures.extend(
                        texts(&page.body)
                            .into_iter()
                            .filter(|t| foreign.contains(t))
                            .map(|t| format!("{lang} {role} POST {path}: {t:?}")),
                    );
                }
            }
        }
        assert!(failures.is_empty(), "text in the other language:\n{}", failures.join("\n"));
        Ok(())
    }
}
