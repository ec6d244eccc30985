//! The timetable end to end: rooms and breaks, placing sessions (conflicts, the grid,
//! concurrent edits), releases with their changelog and speaker mails, the public pages
//! and the exports, validated with the formats' own schemas and parsed back.

use std::process::Command;

use devday_tests::builders::Builder;
use devday_tests::flows::{confirm_proposal, confirm_proposals, submit_proposal};
use devday_tests::{capture, db_test, validator, Client, TestApp};

/// The edition's first day as `create_open_edition` sets it.
fn first_day() -> String {
    (chrono::Utc::now().naive_utc() + chrono::Duration::days(120))
        .format("%Y-%m-%d")
        .to_string()
}

async fn place(
    organiser: &Client,
    proposal: &str,
    room: &str,
    start: &str,
    version: &str,
) -> anyhow::Result<devday_tests::web::Resp> {
    organiser
        .post(
            &format!("/dd-2030/manage/schedule/sessions/{proposal}"),
            &[
                ("day", &first_day()),
                ("room", room),
                ("start", start),
                ("duration", ""),
                ("version", version),
            ],
        )
        .await
}

fn schemas() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas")
}

fn validate(body: &str, name: &str) -> anyhow::Result<()> {
    static COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let file = std::env::temp_dir().join(format!("devday-{}-{n}-{name}", std::process::id()));
    std::fs::write(&file, body)?;
    let out = if name.ends_with(".xml") {
        let Some(xmllint) = validator("xmllint") else {
            return Ok(());
        };
        Command::new(xmllint)
            .arg("--noout")
            .arg("--schema")
            .arg(schemas().join("schedule.xml.xsd"))
            .arg(&file)
            .output()?
    } else {
        let Some(check) = validator("check-jsonschema") else {
            return Ok(());
        };
        Command::new(check)
            .arg("--schemafile")
            .arg(schemas().join("schema.json"))
            .arg(&file)
            .output()?
    };
    std::fs::remove_file(&file)?;
    anyhow::ensure!(
        out.status.success(),
        "{name} does not validate:\n{}{}\n{body}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    Ok(())
}

db_test! {
    async fn a_timetable_is_built_released_published_and_exported(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        let sarah = app.user("sarah@example.org", "Sarah Speaker").await?;
        let first = submit_proposal(&sarah, "dd-2030", "Fearless & <Rust>", "Ownership *explained*.").await?;
        let second = submit_proposal(&sarah, "dd-2030", "Async in practice", "Tokio in production.").await?;
        let tom = app.user("tom@example.org", "Tom Talker").await?;
        let third = submit_proposal(&tom, "dd-2030", "Zeitzonen für Alle", "Sommerzeit und UTC.").await?;
        // Tom confirms on his proposal's page: it may be streamed, not recorded.
        admin.post("/dd-2030/manage/review/decide", &[("ids", &third), ("decision", "accept")]).await?;
        admin.post("/dd-2030/manage/review/notify", &[]).await?;
        app.smtp.wait_for_subject("tom@example.org", "Accepted").await?;
        let answer = [("answer", "confirm"), ("asked", "true"), ("days", &first_day()), ("may_stream", "true")];
        let res = tom.post(&format!("/dd-2030/cfp/proposals/{third}/respond"), &answer).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        // Sarah's two: accepted together, each confirmed through its own mailed link.
        confirm_proposals(&app, &admin, "dd-2030", &[&first, &second], "sarah@example.org").await?;
        let own = tom.get(&format!("/dd-2030/cfp/proposals/{third}")).await?.body;
        assert!(own.contains("Not in the published programme yet"), "{own}");
        // Nothing is public before a release.
        let public = app.client();
        assert_eq!(public.get("/dd-2030/schedule/").await?.status, 404);
        assert_eq!(public.get("/dd-2030/schedule.xml").await?.status, 404);

        // Setup: rooms (a bad one is refused beside its field), a lunch break.
        let bad = admin.post("/dd-2030/manage/schedule/rooms", &[("name", ""), ("capacity", "-3")]).await?;
        assert_eq!(bad.status, 422);
        assert!(bad.body.contains("This number is outside the allowed range."), "{}", bad.body);
        for (name, seats) in [("Saal 1", "300"), ("Room B", "80")] {
            let res = admin.post("/dd-2030/manage/schedule/rooms", &[("name", name), ("capacity", seats)]).await?;
            assert_eq!(res.status, 303, "{}", res.body);
        }
        let setup = admin.get("/dd-2030/manage/schedule/setup").await?.body;
        assert!(setup.contains("Saal 1") && setup.contains("Room B"));
        let res = admin.post("/dd-2030/manage/schedule/breaks", &[("title", "Lunch"), ("day", &first_day()), ("starts", "12:00"), ("ends", "13:00")]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        // A chosen session's form offers the rooms.
        let editor = admin.get(&format!("/dd-2030/manage/schedule?edit={first}")).await?.body;
        let room = |name: &str| capture(&format!(r#"<option value="([0-9a-f-]{{36}})">{name}</option>"#), &editor);
        let (saal, room_b) = (room("Saal 1"), room("Room B"));
        assert!(editor.contains("Not scheduled (3)"), "sessions wait in the unscheduled list");

        // Placing: off the grid and outside the day are refused beside the field.
        let res = place(&admin, &first, &saal, "10:03", "0").await?;
        assert_eq!(res.status, 422);
        assert!(res.body.contains("Start and length must fit the grid."), "{}", res.body);
        let res = place(&admin, &first, &saal, "07:00", "0").await?;
        assert!(res.status == 422 && res.body.contains("within the day"));
        assert_eq!(place(&admin, &first, &saal, "10:00", "0").await?.status, 303);
        // Sarah in two rooms at once: a hard conflict, shown and blocking the release.
        assert_eq!(place(&admin, &second, &room_b, "10:15", "0").await?.status, 303);
        let editor = admin.get("/dd-2030/manage/schedule").await?.body;
        assert!(editor.contains("Sarah Speaker is in two sessions at once"), "{editor}");
        assert!(editor.contains(&format!(r#"aria-describedby="why-{second}""#)), "the grid marks it, with the reason");
        let res = admin.post("/dd-2030/manage/schedule/release", &[("name", "v1")]).await?;
        assert_eq!(res.status, 422);
        assert!(res.body.contains("Solve the conflicts first"));
        assert_eq!(public.get("/dd-2030/schedule/").await?.status, 404);
        // A second organiser working from a stale page does not overwrite the change.
        let res = place(&admin, &second, &saal, "14:00", "0").await?;
        assert_eq!(res.status, 409);
        assert!(res.body.contains("Someone else changed this session"));
        // Across the lunch break: a conflict too. Then fixed.
        assert_eq!(place(&admin, &second, &room_b, "11:30", "1").await?.status, 303);
        assert!(admin.get("/dd-2030/manage/schedule").await?.body.contains("overlaps the break"));
        assert_eq!(place(&admin, &second, &room_b, "13:00", "2").await?.status, 303);
        // Tom's keynote spans all rooms after lunch; its start collides with nothing.
        assert_eq!(place(&admin, &third, "all", "14:00", "0").await?.status, 303);
        let editor = admin.get("/dd-2030/manage/schedule").await?.body;
        assert!(editor.contains("No conflicts."), "{editor}");

        // Release 1: public pages and exports show it.
        let res = admin.post("/dd-2030/manage/schedule/release", &[("name", "First programme"), ("comment", "Hello")]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let grid = public.get("/dd-2030/schedule/").await?;
        assert_eq!(grid.status, 200);
        assert!(grid.body.contains("Fearless &amp; &lt;Rust&gt;"), "escaped title: {}", grid.body);
        assert!(grid.body.contains("Version 1: First programme"));
        assert!(grid.body.contains("Lunch") && grid.body.contains("Saal 1") && grid.body.contains("Room B"));
        // The edition's front page leads to it, saying what was released, in both languages.
        let front = public.get("/dd-2030/").await?.body;
        assert!(front.contains("3 sessions, version 1 of ") && front.contains("schedule&#x2F;speakers&#x2F;\">Speakers</a>"), "{front}");
        assert!(front.contains("Open until "), "the call for papers is still open: {front}");
        let vorne = Client::speaking(&app.base, "de").get("/dd-2030/").await?.body;
        assert!(vorne.contains("3 Beiträge, Version 1 vom "), "{vorne}");
        // Filters work without JavaScript: by room, by words in a title or speaker's name,
        // by session type; the list view has the breaks too.
        let filtered = public.get(&format!("/dd-2030/schedule/?room={room_b}")).await?.body;
        assert!(filtered.contains("Async in practice") && !filtered.contains("Fearless &amp;"));
        let found = public.get("/dd-2030/schedule/?q=ASYNC").await?.body;
        assert!(found.contains("1 session matches.") && found.contains("Async in practice") && !found.contains("Fearless &amp;"), "{found}");
        let by_type = public.get("/dd-2030/schedule/?kind=Workshop").await?.body;
        assert!(by_type.contains("No session matches."), "{by_type}");
        assert!(grid.body.contains(r#"<li class="break"><span class="time">12:00–13:00</span> Lunch</li>"#), "{}", grid.body);
        // Grid or list is the visitor's choice on any screen, kept with the filter.
        let list = public.get("/dd-2030/schedule/?q=async&view=list").await?.body;
        assert!(list.contains(r#"<div class="programme-day view-list">"#), "{list}");
        assert!(list.contains(r#"&amp;q=async&amp;view=grid">"#), "the toggle keeps the words: {list}");
        assert!(list.contains(r#"<input type="hidden" name="view" value="list">"#), "filtering again stays a list");
        assert!(grid.body.contains(r#"<div class="programme-day view-auto">"#), "by default the screen decides");
        // The embed for the conference's own website: any site may frame it, it links out
        // in a new tab, its colours come from the host through a stylesheet, checked.
        let embed = public.get("/dd-2030/schedule/embed?accent=%23e63946&text=red").await?;
        assert_eq!(embed.status, 200);
        let policy = embed.headers.get("content-security-policy").and_then(|v| v.to_str().ok()).unwrap_or_default();
        assert!(policy.contains("frame-ancestors *") && policy.contains("script-src 'none'"), "{policy}");
        assert!(embed.body.contains("Async in practice") && embed.body.contains(r#"target="_blank""#), "{}", embed.body);
        assert!(embed.body.contains("embed.css?accent=%23e63946&amp;text=&amp;background="), "{}", embed.body);
        let css = public.get("/dd-2030/schedule/embed.css?accent=%23e63946&text=red;}body{display:none").await?.body;
        assert_eq!(css, ":root{--brand:#e63946;--brand-dark:#e63946;}");
        assert!(public.get("/dd-2030/schedule/").await?.headers.get("content-security-policy").and_then(|v| v.to_str().ok()).unwrap_or_default().contains("frame-ancestors 'none'"), "the rest stays unframeable");
        let release_page = admin.get("/dd-2030/manage/schedule/release").await?.body;
        assert!(release_page.contains("Embed the programme on your website") && release_page.contains("embed?accent=%230b5cad"), "organisers get the snippet: {release_page}");
        // The speakers page links each speaker's sessions.
        let speakers_page = public.get("/dd-2030/schedule/speakers/").await?.body;
        assert!(speakers_page.contains(&format!(r#"href="/dd-2030/schedule/sessions/{second}">Async in practice</a>"#)), "{speakers_page}");
        let de = public.http().get(format!("{}/dd-2030/schedule/", app.base)).header("Accept-Language", "de").send().await?.text().await?;
        assert!(de.contains("Zeiten in Europe"), "German page");
        let page = public.get(&format!("/dd-2030/schedule/sessions/{first}")).await?.body;
        assert!(page.contains("<em>explained</em>") && page.contains("Sarah Speaker") && page.contains("10:00–10:45"), "{page}");
        // The session type is named in the reader's language, frozen into the release.
        assert!(page.contains(" · Talk · "), "{page}");
        let de_page = Client::speaking(&app.base, "de").get(&format!("/dd-2030/schedule/sessions/{first}")).await?.body;
        assert!(de_page.contains(" · Vortrag · ") && !de_page.contains(" · Talk · "), "{de_page}");
        let sarah_id = capture(r#"/schedule/speakers/([0-9a-f-]{36})""#, &page);
        let speaker_page = public.get(&format!("/dd-2030/schedule/speakers/{sarah_id}")).await?.body;
        assert!(speaker_page.contains("Async in practice") && speaker_page.contains("Fearless"));
        // The speakers page: each speaker once, linked, with their sessions' titles.
        let speakers = public.get("/dd-2030/schedule/speakers/").await?.body;
        assert_eq!(speakers.matches(&format!(r#"href="/dd-2030/schedule/speakers/{sarah_id}""#)).count(), 1, "{speakers}");
        assert!(speakers.contains("Sarah Speaker") && speakers.contains("Async in practice") && speakers.contains("Fearless &amp; &lt;Rust&gt;"), "{speakers}");
        assert_eq!(public.get("/dd-2030/schedule/sessions/00000000-0000-0000-0000-000000000000").await?.status, 404);

        let xml = public.get("/dd-2030/schedule.xml").await?;
        assert_eq!(xml.status, 200);
        validate(&xml.body, "schedule.xml")?;
        assert!(xml.body.contains(&format!(r#"<event guid="{first}""#)));
        // Tom refused recording: the exports and the session page say so; the others do not.
        let event = |guid: &str| xml.body.split(&format!(r#"<event guid="{guid}""#)).nth(1).and_then(|rest| rest.split("</event>").next()).unwrap_or_default().to_owned();
        assert!(event(&third).contains("<optout>true</optout>") && event(&first).contains("<optout>false</optout>"), "{}", xml.body);
        // Under the licence the CfP settings name (devday's default), unless not recorded.
        assert!(event(&first).contains("<license>CC BY 4.0</license>") && event(&third).contains("<license></license>"), "{}", xml.body);
        // What pretalx's frab importer (pretalx-downstream) reads from every event: with one
        // missing (`subtitle` was) it stops. And one <day> for each conference day.
        for element in ["<title>", "<subtitle>", "<type>", "<date>", "<start>", "<duration>", "<track>", "<language>", "<abstract>", "<description>", "<persons>", "<recording>", "<links", "<attachments", "<feedback_url>", "<url>"] {
            assert!(event(&first).contains(element), "{element} missing: {}", event(&first));
        }
        assert!(xml.body.contains("<version>") && xml.body.contains("<days>2</days>") && xml.body.matches("<day index=").count() == 2, "{}", xml.body);
        assert!(public.get(&format!("/dd-2030/schedule/sessions/{third}")).await?.body.contains("this session is not recorded"));
        assert!(!public.get(&format!("/dd-2030/schedule/sessions/{first}")).await?.body.contains("not recorded"));
        assert!(xml.body.contains(&format!("<date>{}T10:00:00+02:00</date>", first_day())) || xml.body.contains(&format!("<date>{}T10:00:00+01:00</date>", first_day())));
        let json = public.get("/dd-2030/schedule.json").await?;
        validate(&json.body, "schedule.json")?;
        let doc: serde_json::Value = serde_json::from_str(&json.body)?;
        let opted_out: Vec<&serde_json::Value> = doc["schedule"]["conference"]["days"].as_array().into_iter().flatten()
            .flat_map(|d| d["rooms"].as_object().into_iter().flat_map(|r| r.values()))
            .flat_map(|events| events.as_array().into_iter().flatten())
            .filter(|e| e["do_not_record"] == true)
            .map(|e| &e["guid"])
            .collect();
        assert_eq!(opted_out, vec![&serde_json::json!(third)], "{}", json.body);
        let day = &doc["schedule"]["conference"]["days"][0];
        let in_b = day["rooms"]["Room B"].as_array().cloned().unwrap_or_default();
        assert_eq!(in_b.len(), 1);
        assert_eq!(in_b[0]["guid"], serde_json::json!(second));
        assert_eq!(in_b[0]["start"], "13:00");
        assert_eq!(in_b[0]["duration"], "00:45");
        assert_eq!(in_b[0]["persons"][0]["name"], "Sarah Speaker");
        let ics = public.get("/dd-2030/schedule.ics").await?.body;
        assert!(ics.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin"), "{ics}");
        assert!(ics.contains(&format!("UID:{first}@devday")) && ics.contains("SEQUENCE:0"));
        assert!(ics.contains(&format!("DTSTART;TZID=Europe/Berlin:{}T100000", first_day().replace('-', ""))));
        let one = public.get(&format!("/dd-2030/schedule/sessions/{third}/calendar.ics")).await?.body;
        assert_eq!(one.matches("BEGIN:VEVENT").count(), 1);
        let favourites = public.get(&format!("/dd-2030/schedule.ics?sessions={first},{third}")).await?.body;
        assert_eq!(favourites.matches("BEGIN:VEVENT").count(), 2);
        // Python's icalendar reads the calendars as calendar apps do (in CI).
        let read = devday_tests::calendar_events(&ics)?;
        let first_event = read.iter().find(|e| e.0 == format!("{first}@devday"));
        assert!(first_event.is_some_and(|e| e.1 == "0" && e.2.starts_with(&format!("{}T10:00:00", first_day()))), "{read:?}");
        assert_eq!(devday_tests::calendar_events(&favourites)?.len(), 2);
        assert_eq!(devday_tests::calendar_events(&one)?.len(), 1);
        // pretalx's own importer takes the XML as it is: every talk arrives with the same
        // title, room, start, duration, track, type, speakers and recording opt-out.
        if let Some(imported) = devday_tests::pretalx_import(&format!("{}/dd-2030/schedule.xml", app.base), "Europe/Berlin")? {
            assert_eq!(devday_tests::c3voc_talks(&doc), imported, "pretalx read another programme");
        }

        // Release 1 told each speaker their session is in: day (with weekday), time, room
        // and the session's calendar file.
        let placed = app.smtp.wait_for_subject("tom@example.org", "Your session \"Zeitzonen für Alle\" is in the programme").await?;
        let weekday_time = regex::Regex::new(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d CES?T")?;
        assert!(weekday_time.is_match(&placed.text), "{}", placed.text);
        assert!(placed.link(&format!("/dd-2030/schedule/sessions/{third}/calendar.ics")).is_some(), "{}", placed.text);
        // The proposal page shows the same slot, with the weekday and the time zone.
        let own = tom.get(&format!("/dd-2030/cfp/proposals/{third}")).await?.body;
        let slot = devday_tests::capture(r#"id="proposal-slot"><strong>([^<]+)</strong>"#, &own);
        let span = regex::Regex::new(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d–\d\d:\d\d CES?T$")?;
        assert!(span.is_match(&slot), "{slot}");
        assert!(own.contains(&format!(r#"href="&#x2F;dd-2030&#x2F;schedule&#x2F;sessions&#x2F;{third}""#)), "{own}");
        for title in ["Fearless & <Rust>", "Async in practice"] {
            app.smtp.wait_for_subject("sarah@example.org", &format!("Your session \"{title}\" is in")).await?;
        }
        // The draft moves on privately; release 2 moves a session and tells its speaker.
        let before = app.smtp.mails_to("sarah@example.org").len();
        assert!(admin.get("/dd-2030/manage/schedule/release").await?.body.contains("Nothing has changed since the last version."));
        assert_eq!(place(&admin, &first, &room_b, "15:00", "1").await?.status, 303);
        assert!(public.get("/dd-2030/schedule/").await?.body.contains("10:00–10:45"), "the public still sees release 1");
        // The release's preview: what changes and who hears of it, before it goes out.
        let preview = admin.get("/dd-2030/manage/schedule/release").await?.body;
        assert!(preview.contains("Since the last version: 0 added, 1 moved, 0 cancelled"), "{preview}");
        assert!(preview.contains("1 speaker of a new, moved or cancelled session gets a mail."), "{preview}");
        assert!(preview.contains("Release 1 change"), "{preview}");
        let res = admin.post("/dd-2030/manage/schedule/release", &[("name", "Second")]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let mail = app.smtp.wait_for_nth("sarah@example.org", before + 1).await?;
        assert!(mail.subject.contains("has moved"), "{}", mail.subject);
        assert!(mail.text.contains(", 15:00 CES") && mail.text.contains(" · Room B") && weekday_time.is_match(&mail.text), "{}", mail.text);
        assert!(app.smtp.mails_to("tom@example.org").iter().all(|m| !m.subject.contains("moved")), "Tom's session did not move");
        tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
        let changes = public.get("/dd-2030/schedule/changes").await?.body;
        assert!(changes.contains("Moved") && changes.contains("Version 2: Second"), "{changes}");
        let ics = public.get("/dd-2030/schedule.ics").await?.body;
        assert!(ics.contains("SEQUENCE:1"), "a moved session counts its sequence up");
        let xml = public.get("/dd-2030/schedule.xml").await?.body;
        validate(&xml, "schedule.xml")?;
        assert!(xml.contains(&format!(r#"<event guid="{first}""#)), "the GUID follows the session");
        assert!(xml.contains("<version>2 (Second)</version>"));

        // The JSON API (organiser token): the draft with its conflicts, releases.
        let token = devday_tests::flows::api_token(&admin, "api").await?;
        let draft = public.api_get("/api/editions/dd-2030/schedule/draft", Some(&token)).await?;
        assert_eq!(draft.status, 200);
        assert_eq!(draft.json()["sessions"].as_array().map(Vec::len), Some(3));
        let stale = public.send(public.http().put(format!("{}/api/editions/dd-2030/schedule/draft/{first}", app.base)).bearer_auth(&token)
            .json(&serde_json::json!({"day": first_day(), "room": saal, "start": "16:00", "version": "1"}))).await?;
        assert_eq!(stale.status, 409);
        assert!(stale.body.contains("Someone else changed"), "{}", stale.body);
        let releases = public.api_get("/api/editions/dd-2030/schedule/releases", Some(&token)).await?;
        assert_eq!(releases.json().as_array().map(Vec::len), Some(2));
        let sarah_token = devday_tests::flows::api_token(&sarah, "api").await?;
        assert_eq!(public.api_get("/api/editions/dd-2030/schedule/draft", Some(&sarah_token)).await?.status, 403);
        Ok(())
    }
}

db_test! {
    async fn attendees_give_feedback_after_a_session_and_organisers_add_the_recording(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        // An edition that started yesterday, so its first day's sessions have run.
        let now = chrono::Utc::now().naive_utc();
        let day = |d: i64| (now + chrono::Duration::days(d)).format("%Y-%m-%d").to_string();
        let at = |d: i64| (now + chrono::Duration::days(d)).format("%Y-%m-%dT%H:%M").to_string();
        let res = admin.post("/editions/new", &[
            ("name", "Now"), ("slug", "dd-now"), ("starts_on", &day(-1)), ("ends_on", &day(1)),
            ("timezone", "Europe/Berlin"), ("venue", "Dresden"), ("cfp_opens_at", &at(-3)), ("cfp_closes_at", &at(3)),
        ]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        // Sarah signs in later; her talk is made straight in the database.
        let sarah = app.user("sarah@example.org", "Sarah Speaker").await?;
        let talk = Builder::new(&app)?.confirmed_session("dd-now", "sarah@example.org", "Yesterday's talk")?.id;
        admin.post("/dd-now/manage/schedule/rooms", &[("name", "Saal 1"), ("capacity", "100")]).await?;
        let editor = admin.get(&format!("/dd-now/manage/schedule?edit={talk}")).await?.body;
        let saal = capture(r#"<option value="([0-9a-f-]{36})">Saal 1</option>"#, &editor);
        let res = admin.post(&format!("/dd-now/manage/schedule/sessions/{talk}"), &[("day", &day(-1)), ("room", &saal), ("start", "10:00"), ("version", "0")]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        assert_eq!(admin.post("/dd-now/manage/schedule/release", &[("name", "v1")]).await?.status, 303);

        let visitor = app.client();
        let page = visitor.get(&format!("/dd-now/schedule/sessions/{talk}/feedback")).await?;
        assert!(page.body.contains("name=\"rating\""), "{}", page.body);
        let path = format!("/dd-now/schedule/sessions/{talk}/feedback");
        let res = visitor.post(&path, &[("rating", "9"), ("comment", "")]).await?;
        assert_eq!(res.status, 422);
        assert!(res.body.contains("Choose a rating from 1 to 5."));
        let res = visitor.post(&path, &[("rating", "4"), ("comment", "Great <b>talk</b>")]).await?;
        assert_eq!(res.status, 200);
        assert!(res.body.contains("Thank you for your feedback!"));
        let res = visitor.post(&path, &[("rating", "1"), ("comment", "again")]).await?;
        assert_eq!(res.status, 409, "one feedback per browser and session");
        let other = app.client();
        other.get(&path).await?;
        assert_eq!(other.post(&path, &[("rating", "2")]).await?.status, 200);

        let seen = admin.get("/dd-now/manage/schedule/feedback").await?.body;
        assert!(seen.contains("2 ratings, average 3.0"), "{seen}");
        assert!(seen.contains("Great &lt;b&gt;talk&lt;&#x2F;b&gt;") && !seen.contains("again"), "{seen}");
        assert!(sarah.get("/dd-now/speaker/feedback").await?.body.contains("2 ratings, average 3.0"));
        let tom = app.user("tom@example.org", "Tom").await?;
        let theirs = tom.get("/dd-now/speaker/feedback").await?.body;
        assert!(theirs.contains("No feedback yet.") && !theirs.contains("Great"));

        // The recording link shows on the public page at once, without a new release.
        let session_page = format!("/dd-now/schedule/sessions/{talk}");
        assert!(!visitor.get(&session_page).await?.body.contains("Watch the recording"));
        let res = admin.post(&format!("/dd-now/manage/schedule/recordings/{talk}"), &[("url", "javascript:alert(1)")]).await?;
        assert_eq!(res.status, 422);
        let res = admin.post(&format!("/dd-now/manage/schedule/recordings/{talk}"), &[("url", "https://media.example.org/v/1")]).await?;
        assert_eq!(res.status, 303);
        let shown = visitor.get(&session_page).await?.body;
        assert!(shown.contains("media.example.org") && shown.contains("Watch the recording</a>"), "{shown}");
        // The exports link it too, as the recording-reading tools expect.
        let xml = visitor.get("/dd-now/schedule.xml").await?.body;
        assert!(xml.contains(r#"<link href="https://media.example.org/v/1" type="media">Recording</link>"#), "{xml}");
        let json: serde_json::Value = serde_json::from_str(&visitor.get("/dd-now/schedule.json").await?.body)?;
        let linked = json.to_string().contains(r#""links":[{"title":"Recording","type":"media","url":"https://media.example.org/v/1"}]"#);
        assert!(linked, "{json}");
        Ok(())
    }
}

/// Polls the editor until the optimiser has finished (up to 60 s).
async fn optimiser_result(organiser: &Client) -> anyhow::Result<String> {
    for _ in 0..600 {
        let page = organiser
            .get("/dd-2030/manage/schedule/optimiser")
            .await?
            .body;
        if !page.contains("Working …") {
            return Ok(page);
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    anyhow::bail!("the optimiser did not finish")
}

db_test! {
    async fn the_optimiser_proposes_a_timetable_the_organiser_accepts(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        let sarah = app.user("sarah@example.org", "Sarah Speaker").await?;
        let mut data = Builder::new(&app)?;
        let first = data.confirmed_session("dd-2030", "sarah@example.org", "Ownership")?.id;
        let second = data.confirmed_session("dd-2030", "sarah@example.org", "Lifetimes")?.id;
        let third = data.confirmed_session("dd-2030", "tom@example.org", "Macros")?.id;
        for (name, seats) in [("Saal 1", "300"), ("Room B", "80")] {
            admin.post("/dd-2030/manage/schedule/rooms", &[("name", name), ("capacity", seats)]).await?;
        }
        // Everyone who registered wants all three: they should not run at once.
        for n in 0..3 {
            let res = app.client().api_post("/api/events/dd-2030/registrations", None, &serde_json::json!({
                "name": format!("Fan {n}"), "email": format!("fan{n}@example.org"), "consent": true,
                "interests": [first, second, third],
            })).await?;
            assert_eq!(res.status, 201, "{}", res.body);
        }
        // Tom's talk is pinned at four in Room B; the optimiser must leave it there.
        let editor = admin.get(&format!("/dd-2030/manage/schedule?edit={third}")).await?.body;
        let room_b = capture(r#"<option value="([0-9a-f-]{36})">Room B</option>"#, &editor);
        let res = admin.post(&format!("/dd-2030/manage/schedule/sessions/{third}"), &[
            ("day", &first_day()), ("room", &room_b), ("start", "16:00"), ("version", "0"), ("pinned", "true"),
        ]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        // Improving needs a complete draft.
        let res = admin.post("/dd-2030/manage/schedule/suggest", &[("mode", "improve")]).await?;
        assert_eq!(res.status, 409);
        assert!(res.body.contains("every session must be on the grid"));
        let res = admin.post("/dd-2030/manage/schedule/suggest", &[("mode", "scratch")]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let page = optimiser_result(&admin).await?;
        assert!(page.contains("Based on what registered attendees said interests them."), "{page}");
        assert!(page.contains("2 sessions move."), "{page}");
        assert!(admin.get("/dd-2030/manage/schedule").await?.body.contains("Not scheduled (2)"), "nothing is written before accepting");
        let res = admin.post("/dd-2030/manage/schedule/suggest/accept", &[]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let editor = admin.get("/dd-2030/manage/schedule").await?.body;
        assert!(editor.contains("No conflicts.") && editor.contains("Every confirmed session is on the grid."), "{editor}");
        assert!(editor.contains("Undo the optimiser&#x27;s 2 moves") || editor.contains("Undo the optimiser's 2 moves"), "{editor}");
        let token = devday_tests::flows::api_token(&admin, "api").await?;
        let draft = app.client().api_get("/api/editions/dd-2030/schedule/draft", Some(&token)).await?.json();
        let starts: Vec<String> = draft["sessions"].as_array().into_iter().flatten()
            .map(|s| s["placement"]["starts_at"].as_str().unwrap_or_default().to_owned()).collect();
        assert_eq!(starts.len(), 3);
        assert!(starts[0] != starts[1] && starts[1] != starts[2] && starts[0] != starts[2], "the fans' three sessions at three times: {starts:?}");
        let macros = draft["sessions"].as_array().into_iter().flatten().find(|s| s["title"] == "Macros").cloned().unwrap_or_default();
        assert_eq!(macros["placement"]["room_id"], serde_json::json!(room_b));
        assert!(macros["placement"]["pinned"].as_bool().unwrap_or(false), "{macros}");
        // Improving the (already good) draft proposes nothing worse; discarding keeps it.
        assert_eq!(admin.post("/dd-2030/manage/schedule/suggest", &[("mode", "improve")]).await?.status, 303);
        let page = optimiser_result(&admin).await?;
        assert!(page.contains("Current draft") && page.contains("0 sessions move."), "{page}");
        assert_eq!(admin.post("/dd-2030/manage/schedule/suggest/discard", &[]).await?.status, 303);
        assert!(admin.get("/dd-2030/manage/schedule/optimiser").await?.body.contains("Suggest a timetable"));
        // The accepted proposal is undone in one step; the pinned talk stays.
        let res = admin.post("/dd-2030/manage/schedule/undo", &[]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let editor = admin.get("/dd-2030/manage/schedule").await?.body;
        assert!(editor.contains("Undone: 2 sessions are back where they were."), "{editor}");
        assert!(editor.contains("Not scheduled (2)"), "{editor}");
        assert!(!editor.contains(&format!(r#"data-session="{third}" data-version="0""#)), "Macros is still on the grid: {editor}");
        // Organisers only.
        assert_eq!(sarah.post("/dd-2030/manage/schedule/suggest", &[("mode", "scratch")]).await?.status, 403);
        Ok(())
    }
}

db_test! {
    async fn a_double_booked_room_shows_both_sessions_and_undo_takes_changes_back(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        let sarah = app.user("sarah@example.org", "Sarah Speaker").await?;
        let tom = app.user("tom@example.org", "Tom Talker").await?;
        let first = submit_proposal(&sarah, "dd-2030", "Ownership", "Borrowing.").await?;
        let second = submit_proposal(&tom, "dd-2030", "Macros", "Declarative.").await?;
        confirm_proposal(&app, &admin, "dd-2030", &first, "sarah@example.org").await?;
        confirm_proposal(&app, &admin, "dd-2030", &second, "tom@example.org").await?;
        admin.post("/dd-2030/manage/schedule/rooms", &[("name", "Saal 1"), ("capacity", "300")]).await?;
        let editor = admin.get(&format!("/dd-2030/manage/schedule?edit={first}")).await?.body;
        let saal = capture(r#"<option value="([0-9a-f-]{36})">Saal 1</option>"#, &editor);
        // Nothing to undo yet: said, and nothing changes.
        let res = admin.post("/dd-2030/manage/schedule/undo", &[]).await?;
        assert_eq!(res.status, 409);
        assert!(res.body.contains("There is nothing to undo."), "{}", res.body);

        // Both in Saal 1 at ten: both drawn, side by side, each with the reason.
        assert_eq!(place(&admin, &first, &saal, "10:00", "0").await?.status, 303);
        assert_eq!(place(&admin, &second, &saal, "10:15", "0").await?.status, 303);
        let editor = admin.get("/dd-2030/manage/schedule").await?.body;
        assert!(editor.contains("“Macros” is on the grid."), "the change is named: {editor}");
        assert!(editor.contains(r#"<th scope="col" colspan="2">Saal 1"#), "the room gets two lanes: {editor}");
        for id in [&first, &second] {
            assert!(editor.contains(&format!(r#"aria-describedby="why-{id}""#)), "{editor}");
        }
        assert!(editor.contains("Saal 1 is double-booked"), "{editor}");
        assert!(editor.contains("Undo placing “Macros”"), "{editor}");
        // Moved away, then the move undone: back where it was, the conflict too.
        assert_eq!(place(&admin, &second, &saal, "14:00", "1").await?.status, 303);
        assert!(admin.get("/dd-2030/manage/schedule").await?.body.contains("No conflicts."));
        assert_eq!(admin.post("/dd-2030/manage/schedule/undo", &[]).await?.status, 303);
        let editor = admin.get("/dd-2030/manage/schedule").await?.body;
        assert!(editor.contains("Undone: “Macros” is back where it was."), "{editor}");
        assert!(editor.contains("Saal 1 is double-booked"), "{editor}");
        // A page that still shows the undone move (version 2) is refused: the undo restored
        // version 1, the state before it.
        let res = place(&admin, &second, &saal, "15:00", "2").await?;
        assert_eq!(res.status, 409, "{}", res.body);
        let token = devday_tests::flows::api_token(&admin, "api").await?;
        let draft = app.client().api_get("/api/editions/dd-2030/schedule/draft", Some(&token)).await?.json();
        let macros = draft["sessions"].as_array().into_iter().flatten().find(|s| s["title"] == "Macros").cloned().unwrap_or_default();
        assert_eq!(macros["placement"]["version"], 1, "{macros}");
        assert!(macros["placement"]["starts_at"].as_str().unwrap_or_default().ends_with(":15:00"), "{macros}");
        // Undo goes further back: placing Macros, then placing Ownership; then nothing.
        assert_eq!(admin.post("/dd-2030/manage/schedule/undo", &[]).await?.status, 303);
        assert!(admin.get("/dd-2030/manage/schedule").await?.body.contains("Not scheduled (1)"));
        assert_eq!(admin.post("/dd-2030/manage/schedule/undo", &[]).await?.status, 303);
        let editor = admin.get("/dd-2030/manage/schedule").await?.body;
        assert!(editor.contains("Not scheduled (2)") && editor.contains("Nothing to undo"), "{editor}");
        assert_eq!(admin.post("/dd-2030/manage/schedule/undo", &[]).await?.status, 409);
        // The editor's track colours come from its own stylesheet; organisers only.
        assert_eq!(admin.get("/dd-2030/manage/schedule/tracks.css").await?.status, 200);
        assert_eq!(sarah.post("/dd-2030/manage/schedule/undo", &[]).await?.status, 403);
        Ok(())
    }
}

db_test! {
    async fn the_video_teams_list_is_checked_then_imported_and_the_archive_keeps_the_recordings(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        let sessions = Builder::new(&app)?.programme("dd-2030", &[
            ("ada@example.org", "Typed states", "Saal 1", "09:00"),
            ("grete@example.org", "Zustände als Typen", "Saal 2", "09:00"),
            ("lin@example.org", "Lightning talks", "Saal 1", "11:00"),
            ("max@example.org", "Lightning talks", "Saal 2", "11:00"),
        ], "Version 1")?;
        assert_eq!(admin.post("/dd-2030/manage/archive", &[("archived", "true")]).await?.status, 303);
        let page = admin.get("/dd-2030/manage/schedule/recordings").await?;
        assert!(page.body.contains("0 of 4 released sessions have a recording link"), "{}", page.body);
        let recordings = |app: &TestApp| -> anyhow::Result<i64> {
            use diesel::prelude::*;
            let mut conn = devday_db::DatabaseUrl::parse(&app.database_url())?.connect()?;
            Ok(devday_db::schema::recordings::table.count().get_result(&mut conn)?)
        };

        // A wrong list: every wrong line says why, and nothing is set.
        let wrong = "Session;Video\ntyped  STATES;https://media.example.org/1\nLightning talks;https://media.example.org/2\n\
                     Macros;https://media.example.org/3\nZustände als Typen;http://media.example.org/4\ntyped states;https://media.example.org/5";
        for action in ["check", "import"] {
            let res = admin.post("/dd-2030/manage/schedule/recordings/import", &[("rows", wrong), ("action", action)]).await?;
            assert_eq!(res.status, 422, "{}", res.body);
            for said in ["Some lines are wrong", "Several sessions have this title", "No released session has this title or id.",
                         "Enter an address starting with https://.", "This session is in the list twice."] {
                assert!(res.body.replace("&#x2F;", "/").contains(said), "{said}: {}", res.body);
            }
        }
        assert_eq!(recordings(&app)?, 0);

        // Fixed: the ambiguous title by its id; the dry run counts, then the import sets.
        let fixed = format!("typed  STATES;https://media.example.org/1\n{};https://media.example.org/2\nZustände als Typen;https://media.example.org/4", sessions[3].id);
        let res = admin.post("/dd-2030/manage/schedule/recordings/import", &[("rows", &fixed), ("action", "check")]).await?;
        assert_eq!(res.status, 200, "{}", res.body);
        assert!(res.body.contains("The list is fine: 3 new, 0 changed, 0 unchanged.") && res.body.contains("Set 3 links"), "{}", res.body);
        assert_eq!(recordings(&app)?, 0, "a dry run writes nothing");
        let res = admin.post("/dd-2030/manage/schedule/recordings/import", &[("rows", &fixed), ("action", "import")]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let page = admin.get("/dd-2030/manage/schedule/recordings").await?.body;
        assert!(page.contains("Recording links set: 3 new, 0 changed, 0 unchanged."), "{page}");
        assert!(page.contains("3 of 4 released sessions have a recording link"), "{page}");

        // A corrected file (UTF-16, as Excel saves "Unicode text"): one changed, two unchanged.
        let file = "Titel\tAufzeichnung\r\nTyped states\thttps://media.example.org/1b\r\nZustände als Typen\thttps://media.example.org/4\r\n";
        let bytes: Vec<u8> = [0xff, 0xfe].into_iter().chain(file.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let token = admin.csrf().await?;
        let form = reqwest::multipart::Form::new().text("csrf_token", token)
            .part("file", reqwest::multipart::Part::bytes(bytes).file_name("videos.txt"));
        let res = admin.send(admin.http().post(format!("{}/dd-2030/manage/schedule/recordings/import/file", app.base)).multipart(form)).await?;
        assert_eq!(res.status, 200, "{}", res.body);
        assert!(res.body.contains("The list is fine: 0 new, 1 changed, 1 unchanged.") && res.body.contains("Set one link"), "{}", res.body);
        let rows = devday_tests::capture(r#"name="rows" value="([^"]*)""#, &res.body).replace("&#x2F;", "/");
        let res = admin.post("/dd-2030/manage/schedule/recordings/import", &[("rows", &rows.replace("&#x9;", "\t")), ("action", "import")]).await?;
        assert_eq!(res.status, 303, "{}", res.body);

        // The archive keeps them: the public list, the session page and the edition's page.
        let visitor = app.client();
        let list = visitor.get("/dd-2030/schedule/recordings").await?.body;
        assert!(list.contains("3 of 4 sessions are recorded."), "{list}");
        assert!(list.contains("https:&#x2F;&#x2F;media.example.org&#x2F;1b") && !list.contains("media.example.org&#x2F;1\""), "{list}");
        assert!(!list.contains(&format!("sessions/{}\"", sessions[2].id)), "the session without a link is not listed");
        let session = visitor.get(&format!("/dd-2030/schedule/sessions/{}", sessions[1].id)).await?.body;
        assert!(session.contains("media.example.org&#x2F;4") && session.contains("Watch the recording</a>"), "{session}");
        let front = visitor.get("/dd-2030/").await?.body;
        assert!(front.contains("&#x2F;dd-2030&#x2F;schedule&#x2F;recordings") || front.contains("/dd-2030/schedule/recordings"), "{front}");
        // German readers get the same page in their language.
        let de = devday_tests::Client::speaking(app.base.as_str(), "de");
        let list = de.get("/dd-2030/schedule/recordings").await?.body;
        assert!(list.contains("3 von 4 Beiträgen sind aufgezeichnet.") && list.contains("Ansehen"), "{list}");
        Ok(())
    }
}
