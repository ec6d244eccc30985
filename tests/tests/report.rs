//! What last year teaches: the edition report counts what happened (proposals, speakers
//! new and returning, registrations, who came), puts past editions on the same axes, and
//! reads the same after the attendees' personal data is purged.

use devday_db::DbConn;
use devday_shared::editions::queries;
use devday_shared::i18n::Locale;
use devday_shared::vocabulary::{ProposalState, RegistrationState};
use devday_tests::builders::Builder;
use devday_tests::{db_test, TestApp};
use diesel::prelude::*;

/// The report's CSV as rows of cells (the byte-order mark and quotes taken off).
fn rows(csv: &str) -> Vec<Vec<String>> {
    csv.trim_start_matches('\u{feff}')
        .lines()
        .map(|line| {
            let inner = line.strip_prefix('"').and_then(|l| l.strip_suffix('"'));
            inner
                .unwrap_or(line)
                .split("\",\"")
                .map(str::to_owned)
                .collect()
        })
        .collect()
}

/// The value and total of the number called `item` in section `section`.
fn number(rows: &[Vec<String>], section: &str, item: &str) -> Option<(i64, Option<i64>)> {
    let row = rows.iter().find(|r| r[0] == section && r[1] == item)?;
    Some((row[4].parse().ok()?, row[5].parse().ok()))
}

db_test! {
    async fn the_report_counts_what_happened_and_reads_the_same_after_a_purge(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-now").await?;
        let res = admin.post("/editions/new", &[
            ("name", "DevDay old"), ("slug", "dd-old"), ("starts_on", "2025-05-20"),
            ("ends_on", "2025-05-20"), ("timezone", "Europe/Berlin"),
            ("cfp_opens_at", "2024-09-01T09:00"), ("cfp_closes_at", "2025-01-15T23:59"),
        ]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let mut builder = Builder::new(&app)?;
        // Sam spoke before; Tom and Uma are new.
        builder.proposal("dd-old", "sam@example.org", "Old talk")?;
        builder.proposal("dd-now", "sam@example.org", "Typed states")?;
        builder.proposal("dd-now", "tom@example.org", "Macros")?;
        let lifetimes = builder.confirmed_session("dd-now", "uma@example.org", "Lifetimes")?;
        let ada = builder.attendee("dd-now", "Ada", "ada@example.org", Locale::En)?;
        let bob = builder.attendee("dd-now", "Bob", "bob@example.org", Locale::De)?;
        builder.attendee("dd-now", "Cy", "cy@example.org", Locale::En)?;
        builder.checked_in("dd-now", &ada.registration_id)?;
        builder.checked_in("dd-now", &bob.registration_id)?;
        // Ada wanted to see Lifetimes; two people rated it afterwards.
        let mut conn: DbConn = devday_db::DatabaseUrl::parse(&app.database_url())?.connect()?;
        {
            use devday_db::schema::{registration_interests::dsl as ri, session_feedback::dsl as sf};
            let edition = queries::by_slug(&mut conn, "dd-now")?.expect("dd-now");
            diesel::insert_into(ri::registration_interests)
                .values((ri::registration_id.eq(&ada.registration_id), ri::proposal_id.eq(&lifetimes.id)))
                .execute(&mut conn)?;
            for rating in [4, 5] {
                diesel::insert_into(sf::session_feedback)
                    .values((
                        sf::id.eq(format!("feedback-{rating}")),
                        sf::edition_id.eq(&edition.id),
                        sf::proposal_id.eq(&lifetimes.id),
                        sf::rating.eq(rating),
                        sf::comment.eq(""),
                        sf::client_hash.eq(format!("client-{rating}")),
                        sf::created_at.eq(devday_db::now()),
                    ))
                    .execute(&mut conn)?;
            }
        }
        // The conference is over (two days ago), so its data may be purged.
        let now = queries::by_slug(&mut conn, "dd-now")?.expect("dd-now");
        let over = chrono::Utc::now().date_naive() - chrono::Days::new(2);
        {
            use devday_db::schema::editions::dsl as e;
            diesel::update(e::editions.find(&now.id)).set((e::starts_on.eq(over), e::ends_on.eq(over))).execute(&mut conn)?;
        }

        let page = admin.get("/dd-now/manage/report").await?;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("<polyline class=\"curve current\""), "this year's curve");
        assert!(page.body.contains("<polyline class=\"curve past past-1\""), "last year's curve on the same axes");
        let before = admin.get("/dd-now/manage/report.csv").await?;
        assert!(before.header("content-type").is_some_and(|c| c.starts_with("text/csv")));
        let csv = rows(&before.body);
        assert_eq!(csv[0], ["Section", "Item", "Edition", "Day", "Value", "Of"]);

        // Every number equals a count taken directly from the data.
        use devday_db::schema::{proposals::dsl as p, registrations::dsl as r};
        let sent: i64 = p::proposals.filter(p::edition_id.eq(&now.id)).filter(p::state.ne(ProposalState::Draft)).count().get_result(&mut conn)?;
        let confirmed: i64 = r::registrations.filter(r::edition_id.eq(&now.id)).filter(r::state.eq(RegistrationState::Confirmed)).count().get_result(&mut conn)?;
        assert_eq!(number(&csv, "Call for papers", "Proposals"), Some((sent, None)), "{csv:?}");
        assert_eq!(sent, 3);
        assert_eq!(number(&csv, "Call for papers", "Accepted"), Some((1, Some(3))));
        assert_eq!(number(&csv, "Call for papers", "First-time speakers"), Some((2, Some(3))), "Sam came back");
        assert_eq!(number(&csv, "Registration", "Confirmed"), Some((confirmed, Some(3))));
        assert_eq!(number(&csv, "At the door", "Came (show rate)"), Some((2, Some(confirmed))));
        assert!(csv.iter().any(|r| r[1].ends_with("Lifetimes · ★ 4.5 (2)") && r[4] == "1"), "the most wanted session with its rating");
        assert_eq!(number(&csv, "At the door", "Show rate over the years: Conference · Edition dd-now"), Some((2, Some(3))));
        let curve_rows = |edition: &str| csv.iter().filter(|r| r[1] == "Proposals since the call opened" && r[2] == edition).count();
        assert!(curve_rows("DevDay old") > 0 && curve_rows("Edition dd-now") > 0, "both years' curves");

        // The comparison has a row per edition.
        let compare = admin.get("/dd-now/manage/report/compare").await?.body;
        assert!(compare.contains("DevDay old") && compare.contains("Edition dd-now"));

        // After the purge the people are gone and the report is the same.
        let ended = queries::by_slug(&mut conn, "dd-now")?.expect("dd-now");
        devday_registration::privacy::purge(&mut conn, &ended).map_err(|e| anyhow::anyhow!("{e}"))?;
        let names: Vec<String> = r::registrations.filter(r::edition_id.eq(&now.id)).select(r::name).load(&mut conn)?;
        assert!(names.iter().all(String::is_empty), "purged: {names:?}");
        let after = admin.get("/dd-now/manage/report.csv").await?;
        assert_eq!(before.body, after.body, "the report changed with the purge");
        // In German, too.
        let url = format!("{}/dd-now/manage/report", app.base);
        let german = admin.send(admin.http().get(&url).header("Accept-Language", "de")).await?.body;
        assert!(german.contains("Einreichungen seit Öffnung des Calls") && german.contains("Am Eingang"));
        Ok(())
    }
}
