//! Next year in one step: an edition with every kind of setting is prepared for next year
//! through the organisers' page. Every copied table is compared with its source, nothing
//! about people travels, and a copy that fails part-way leaves nothing behind.

use chrono::NaiveDateTime;
use devday_db::DbConn;
use devday_shared::editions::carry::{self, Carry};
use devday_shared::editions::{queries, Edition, EditionForm};
use devday_shared::i18n::Locale;
use devday_tests::builders::Builder;
use devday_tests::{db_test, TestApp};
use diesel::prelude::*;
use serde::Serialize;

fn connect(app: &TestApp) -> anyhow::Result<DbConn> {
    Ok(devday_db::DatabaseUrl::parse(&app.database_url())?.connect()?)
}

fn edition(conn: &mut DbConn, slug: &str) -> anyhow::Result<Edition> {
    queries::by_slug(conn, slug)?.ok_or_else(|| anyhow::anyhow!("no edition {slug}"))
}

/// Rows as JSON objects keyed by `key`, without the fields a copy changes on purpose.
fn rows<T: Serialize>(
    rows: &[T],
    key: &str,
    changed: &[&str],
) -> anyhow::Result<Vec<serde_json::Value>> {
    let mut out = Vec::new();
    for row in rows {
        let mut value = serde_json::to_value(row)?;
        if let Some(object) = value.as_object_mut() {
            for field in ["id", "edition_id"].iter().chain(changed) {
                object.remove(*field);
            }
        }
        out.push(value);
    }
    out.sort_by_key(|v| v[key].to_string());
    Ok(out)
}

/// The same table in both editions holds the same rows, but for ids and `changed`.
fn same<T: Serialize>(
    table: &str,
    old: &[T],
    new: &[T],
    key: &str,
    changed: &[&str],
) -> anyhow::Result<()> {
    let (old, new) = (rows(old, key, changed)?, rows(new, key, changed)?);
    anyhow::ensure!(!old.is_empty(), "{table}: nothing to compare");
    anyhow::ensure!(old == new, "{table} differs:\nold {old:#?}\nnew {new:#?}");
    Ok(())
}

/// A moved time is the same local time in the new edition, as many days after its start.
fn moved(old: &Edition, new: &Edition, before: NaiveDateTime, after: NaiveDateTime) -> bool {
    let (b, a) = (old.local(before), new.local(after));
    a.time() == b.time() && a.date_naive() - new.starts_on == b.date_naive() - old.starts_on
}

/// How many rows a query finds.
macro_rules! count {
    ($conn:expr, $query:expr) => {
        $query.count().get_result::<i64>($conn)?
    };
}

db_test! {
    async fn next_year_copies_every_setting_and_nothing_personal(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "devday-2030").await?;
        let door = app.user("door@example.org", "Dora Door").await?;
        app.invite(&admin, "devday-2030", &door, "door@example.org", "staff").await?;
        let mut builder = Builder::new(&app)?;
        builder.every_setting("devday-2030")?;
        // People: a speaker's proposal and an attendee, who must stay where they are.
        builder.proposal("devday-2030", "sam@example.org", "Typed states")?;
        builder.attendee("devday-2030", "Ada Lovelace", "ada@example.org", Locale::En)?;

        // The preview names what would come along, in the reader's language.
        let page = admin.get("/devday-2030/manage/next-year").await?;
        assert_eq!(page.status, 200);
        for name in ["Deep dive", "Data", "Slides ready?", "Novelty", "Saal 2", "Lunch", "Rust workshop", "Workshop door", "Dora Door"] {
            assert!(page.body.contains(name), "the preview does not name {name}");
        }
        assert!(page.body.contains("Never copied"), "{}", page.body);
        let url = format!("{}/devday-2030/manage/next-year", app.base);
        let german = admin.send(admin.http().get(&url).header("Accept-Language", "de")).await?.body;
        assert!(german.contains("Tiefgang") && german.contains("Rust-Workshop") && german.contains("Was mitkommt"));
        let groups = regex::Regex::new(r#"name="carry" value="([a-z-]+)"[^>]* checked"#)?;
        let ticked: Vec<String> = groups.captures_iter(&page.body).map(|c| c[1].to_owned()).collect();
        assert_eq!(ticked.len(), 12, "every group is ticked at first: {ticked:?}");

        let mut conn = connect(&app)?;
        let old = edition(&mut conn, "devday-2030")?;
        let next = EditionForm::next_year(&old);
        let mut fields: Vec<(&str, &str)> = vec![
            ("name", "DevDay next"), ("slug", "devday-next"), ("starts_on", &next.starts_on),
            ("ends_on", &next.ends_on), ("timezone", "Europe/Berlin"), ("venue", "Dresden"),
            ("cfp_opens_at", &next.cfp_opens_at), ("cfp_closes_at", &next.cfp_closes_at),
        ];
        fields.extend(ticked.iter().map(|k| ("carry", k.as_str())));
        let res = admin.post("/devday-2030/manage/next-year", &fields).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        assert_eq!(res.location(), Some("/devday-next/manage/"));
        let dashboard = admin.get("/devday-next/manage/").await?.body;
        assert!(dashboard.contains("DevDay next is ready, with"), "{dashboard}");
        let new = edition(&mut conn, "devday-next")?;
        assert_eq!((new.starts_on - old.starts_on).num_days(), 364, "the same weekday a year on");

        // Every copied table, row by row.
        use devday_cfp::review::settings as review;
        use devday_cfp::settings;
        let cfp_settings = |c: &mut DbConn, e: &Edition| settings::settings(c, &e.id);
        same("cfp_settings", &[cfp_settings(&mut conn, &old)?], &[cfp_settings(&mut conn, &new)?], "intro_md", &[])?;
        let (old_types, new_types) = (settings::session_types(&mut conn, &old.id).map_err(|e| anyhow::anyhow!("{e}"))?, settings::session_types(&mut conn, &new.id).map_err(|e| anyhow::anyhow!("{e}"))?);
        same("session_types", &old_types, &new_types, "name", &["deadline"])?;
        let deep = |types: &[devday_cfp::model::SessionType]| types.iter().find(|t| t.name == "Deep dive").cloned().ok_or_else(|| anyhow::anyhow!("no deep dive"));
        let (old_deep, new_deep) = (deep(&old_types)?, deep(&new_types)?);
        assert!(moved(&old, &new, old_deep.deadline.expect("a deadline"), new_deep.deadline.expect("a deadline")));
        same("tracks", &settings::tracks(&mut conn, &old.id)?, &settings::tracks(&mut conn, &new.id)?, "name", &[])?;
        let (old_q, new_q) = (settings::questions(&mut conn, &old.id)?, settings::questions(&mut conn, &new.id)?);
        same("cfp_questions", &old_q, &new_q, "label", &["session_type_ids"])?;
        assert_eq!(new_q[0].session_type_ids, new_deep.id.to_string(), "the question is asked for the copied type");
        let (old_codes, new_codes) = (settings::access_codes(&mut conn, &old.id)?, settings::access_codes(&mut conn, &new.id)?);
        same("cfp_access_codes", &old_codes, &new_codes, "note", &["code", "session_type_id", "valid_until", "created_at", "uses"])?;
        assert_ne!(old_codes[0].code, new_codes[0].code, "last year's link must not open next year");
        assert_eq!(new_codes[0].session_type_id.as_ref(), Some(&new_deep.id));
        assert!(moved(&old, &new, old_codes[0].valid_until.expect("valid until"), new_codes[0].valid_until.expect("valid until")));
        let (old_review, new_review) = (review::get(&mut conn, &old.id)?, review::get(&mut conn, &new.id)?);
        same("review_settings", std::slice::from_ref(&old_review), std::slice::from_ref(&new_review), "reviews_per_proposal", &["opens_at", "closes_at"])?;
        assert!(moved(&old, &new, old_review.opens_at.expect("opens"), new_review.opens_at.expect("opens")));
        same("score_categories", &review::categories(&mut conn, &old.id)?, &review::categories(&mut conn, &new.id)?, "name", &[])?;

        use devday_schedule::setup;
        same("rooms", &setup::rooms(&mut conn, &old.id)?, &setup::rooms(&mut conn, &new.id)?, "name", &[])?;
        same("schedule_settings", &[setup::grid_settings(&mut conn, &old.id)?], &[setup::grid_settings(&mut conn, &new.id)?], "day_starts", &[])?;
        let (old_breaks, new_breaks) = (setup::breaks(&mut conn, &old.id)?, setup::breaks(&mut conn, &new.id)?);
        same("schedule_breaks", &old_breaks, &new_breaks, "title", &["starts_at", "ends_at"])?;
        assert!(moved(&old, &new, old_breaks[0].starts_at, new_breaks[0].starts_at));

        use devday_registration::settings as registration;
        let (old_tickets, new_tickets) = (registration::ticket_types(&mut conn, &old.id).map_err(|e| anyhow::anyhow!("{e}"))?, registration::ticket_types(&mut conn, &new.id).map_err(|e| anyhow::anyhow!("{e}"))?);
        same("ticket_types", &old_tickets, &new_tickets, "name", &["taken", "starts_at", "ends_at"])?;
        assert!(new_tickets.iter().all(|t| t.taken == 0), "every seat is free next year");
        assert!(old_tickets.iter().any(|t| t.taken > 0), "the attendee holds a seat last year");
        let workshop = |tickets: &[devday_registration::model::TicketType]| tickets.iter().find(|t| t.is_workshop()).cloned().ok_or_else(|| anyhow::anyhow!("no workshop"));
        let (old_ws, new_ws) = (workshop(&old_tickets)?, workshop(&new_tickets)?);
        assert!(moved(&old, &new, old_ws.starts_at.expect("starts"), new_ws.starts_at.expect("starts")));
        same("registration_settings", &[registration::get(&mut conn, &old.id)?], &[registration::get(&mut conn, &new.id)?], "privacy_text", &["consent_version"])?;

        use devday_badges::lists;
        let (old_lists, new_lists) = (lists::all(&mut conn, &old.id)?, lists::all(&mut conn, &new.id)?);
        let names = |l: &[lists::ListWithTypes]| l.iter().map(|l| l.list.slug.clone()).collect::<Vec<_>>();
        assert_eq!(names(&old_lists), names(&new_lists), "the entrance and the workshop door, once each");
        let door_list = new_lists.iter().find(|l| l.list.slug == "workshop").expect("the workshop door");
        assert_eq!(door_list.ticket_types, vec![new_ws.id.clone()], "the door admits the copied workshop");
        assert_eq!(door.get("/devday-next/staff/").await?.status, 200, "the team keeps its roles");

        // Nothing about people came along.
        use devday_db::schema::{checkin_lists::dsl as l, proposals::dsl as p, registrations::dsl as r, scans::dsl as s, ticket_types::dsl as tt, waitlist_entries::dsl as w};
        assert_eq!(count!(&mut conn, p::proposals.filter(p::edition_id.eq(&new.id))), 0);
        assert_eq!(count!(&mut conn, r::registrations.filter(r::edition_id.eq(&new.id))), 0);
        assert_eq!(count!(&mut conn, s::scans.inner_join(l::checkin_lists).filter(l::edition_id.eq(&new.id))), 0);
        assert_eq!(count!(&mut conn, w::waitlist_entries.inner_join(tt::ticket_types).filter(tt::edition_id.eq(&new.id))), 0);
        assert_eq!(count!(&mut conn, p::proposals.filter(p::edition_id.eq(&old.id))), 1, "last year keeps its proposal");
        Ok(())
    }
}

db_test! {
    async fn a_copy_that_fails_part_way_leaves_nothing_behind(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "devday-2030").await?;
        Builder::new(&app)?.every_setting("devday-2030")?;
        let mut conn = connect(&app)?;
        let old = edition(&mut conn, "devday-2030")?;
        let mut form = EditionForm::next_year(&old);
        form.slug = "devday-broken".into();
        let input = form.validate_next_year(&old).map_err(|e| anyhow::anyhow!("{e:?}"))?;
        // Every group copies, then one more fails: the whole step is undone.
        let failing = Carry {
            key: "failing",
            preview: |_, _| Ok(carry::Preview::default()),
            copy: |_, _| Err(devday_shared::AppError::Refused(devday_shared::Refusal::InvalidQuestion)),
        };
        let mut carries: Vec<Carry> = devday::CARRIES.into_iter().collect();
        carries.push(failing);
        let chosen: Vec<String> = carries.iter().map(|c| c.key.to_owned()).collect();
        use devday_db::schema::{editions::dsl as e, session_types::dsl as st, rooms::dsl as rm};
        let before = (count!(&mut conn, e::editions), count!(&mut conn, st::session_types), count!(&mut conn, rm::rooms));
        let admin_id = devday_shared::accounts::users::by_email(&mut conn, &devday_shared::accounts::EmailAddress::parse("admin@example.org").map_err(|e| anyhow::anyhow!("{e}"))?)?.expect("the admin").id;
        let result = carry::prepare_next_year(&mut conn, &old, &input, &admin_id, &devday::SEEDS, &carries, &chosen);
        assert!(result.is_err());
        let after = (count!(&mut conn, e::editions), count!(&mut conn, st::session_types), count!(&mut conn, rm::rooms));
        assert_eq!(before, after, "a failed copy changed something");
        assert!(queries::by_slug(&mut conn, "devday-broken")?.is_none());
        Ok(())
    }
}

db_test! {
    async fn last_years_speakers_and_reviewers_are_invited_back_once_in_their_language(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        // Last year (sooner) and next year (later).
        app.create_open_edition(&admin, "dd-last").await?;
        app.create_edition(&admin, "dd-next").await?;
        let mut builder = Builder::new(&app)?;
        builder.person("sara@example.org", "Sara Sprecherin", Locale::De)?;
        builder.confirmed_session("dd-last", "sam@example.org", "Typed states")?;
        builder.confirmed_session("dd-last", "sara@example.org", "Zustände als Typen")?;
        builder.confirmed_session("dd-last", "kim@example.org", "Macros")?;
        // Kim has proposed for next year already; a plain submission last year is no speaker.
        builder.proposal("dd-next", "kim@example.org", "More macros")?;
        builder.proposal("dd-last", "nils@example.org", "Not accepted")?;
        let rolf = app.user("rolf@example.org", "Rolf Rezensent").await?;
        rolf.get("/lang/de").await?;
        app.invite(&admin, "dd-last", &rolf, "rolf@example.org", "reviewer").await?;
        let rolf_mails = app.smtp.mails_to("rolf@example.org").len();

        // The page is the preview: who, how many, and the mail as its first reader gets it.
        let page = admin.get("/dd-next/manage/speakers/returning").await?;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Sam") && page.body.contains("Sara Sprecherin") && page.body.contains("Rolf Rezensent"), "{}", page.body);
        assert!(!page.body.contains("Nils"), "only speakers of the programme are asked back");
        assert!(page.body.contains("0 already invited, 1 already here."), "{}", page.body);
        assert!(page.body.contains("Send 3 invitations"), "{}", page.body);
        assert!(page.body.contains("Speak at Edition dd-next?"), "the mail preview");

        // Nothing ticked: the page again with the error beside the groups; nobody mailed.
        let res = admin.post("/dd-next/manage/speakers/returning", &[("from", "dd-last")]).await?;
        assert_eq!(res.status, 422);
        assert!(res.body.contains(r#"id="e-groups""#));
        let send = [("from", "dd-last"), ("speakers", "true"), ("reviewers", "true")];
        let res = admin.post("/dd-next/manage/speakers/returning", &send).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let after = admin.get(res.location().unwrap_or_default()).await?.body;
        assert!(after.contains("2 speakers and one reviewer invited back."), "{after}");
        assert!(after.contains("3 already invited, 1 already here."), "{after}");
        let sam = app.smtp.wait_for("sam@example.org").await?;
        assert_eq!(sam.subject, "Speak at Edition dd-next?");
        assert!(sam.text.contains("thank you for speaking at Edition dd-last") && sam.text.contains("/dd-next/cfp/"), "{}", sam.text);
        let sara = app.smtp.wait_for("sara@example.org").await?;
        assert_eq!(sara.subject, "Sprichst du bei Edition dd-next?");
        let invitation = app.smtp.wait_for_nth("rolf@example.org", rolf_mails + 1).await?;
        assert!(invitation.text.contains("/invitations/"), "a team invitation to accept: {}", invitation.text);
        assert!(app.smtp.mails_to("kim@example.org").is_empty(), "Kim is here already");

        // A second mailing reaches nobody twice.
        let res = admin.post("/dd-next/manage/speakers/returning", &send).await?;
        assert_eq!(res.status, 303);
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert_eq!(app.smtp.mails_to("sam@example.org").len(), 1);
        assert_eq!(app.smtp.mails_to("rolf@example.org").len(), rolf_mails + 1);
        // Only an earlier edition can be the source.
        let res = admin.post("/dd-last/manage/speakers/returning", &[("from", "dd-next"), ("speakers", "true")]).await?;
        assert_eq!(res.status, 404);
        // Another team's organiser sees and mails nobody from an edition they do not run.
        let olga = app.user("olga@example.org", "Olga Organiser").await?;
        app.create_edition(&admin, "dd-other").await?;
        app.invite(&admin, "dd-other", &olga, "olga@example.org", "organiser").await?;
        let page = olga.get("/dd-other/manage/speakers/returning").await?;
        assert_eq!(page.status, 200);
        assert!(!page.body.contains("Sara Sprecherin") && !page.body.contains("Rolf Rezensent"), "{}", page.body);
        let res = olga.post("/dd-other/manage/speakers/returning", &[("from", "dd-last"), ("speakers", "true")]).await?;
        assert_eq!(res.status, 404);
        Ok(())
    }
}
