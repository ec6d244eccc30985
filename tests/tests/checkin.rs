//! Tickets and check-in end to end: signed codes behind the manage link, the door's rules
//! (first scan admits, then "already checked in"; forged, revoked, re-issued and other
//! editions' tickets rejected), nonces that make retries harmless, the offline merge of two
//! scanners, a race of many doors, check-in lists, sync, and who may do what.

use devday_tests::flows::{guest_tickets as guests, ticket_page};
use devday_tests::{capture, db_test, Client, TestApp};
use serde_json::json;

async fn scan(
    api: &Client,
    token: &str,
    body: serde_json::Value,
) -> anyhow::Result<serde_json::Value> {
    let res = api
        .api_post("/api/events/dd-2030/checkin", Some(token), &body)
        .await?;
    anyhow::ensure!(res.status == 200, "scan: {} {}", res.status, res.body);
    Ok(res.json())
}

fn result(answer: &serde_json::Value) -> &str {
    answer["result"].as_str().unwrap_or_default()
}

db_test! {
    async fn the_door_admits_each_valid_ticket_once_and_says_why_it_refuses_others(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        app.create_open_edition(&admin, "dd-2031").await?;
        let codes = guests(&app, &admin, "dd-2030", &[("Ann Abel", "ann@example.org"), ("Ben Bauer", "ben@example.org"), ("Cem Çelik", "cem@example.org"), ("Dan Dorn", "dan@example.org")]).await?;
        let other = guests(&app, &admin, "dd-2031", &[("Eve Early", "eve@example.org")]).await?;
        let token = devday_tests::flows::api_token(&admin, "door").await?;
        let api = app.client();

        // The ticket mail shows the QR code inline: the same code as the ticket page.
        let mail = app.smtp.wait_for_subject("ann@example.org", "Your ticket").await?;
        assert!(mail.html.as_deref().is_some_and(|h| h.contains("cid:inline")), "{mail:?}");
        assert_eq!(mail.images.len(), 1, "no inline QR code in the ticket mail");
        if let Some(read) = codes_in_png(&mail.images[0])? {
            assert_eq!(read, vec![codes[0].clone()]);
        }

        // The ticket: a QR code as PNG and SVG behind the manage link, never cached.
        let link = ticket_page(&app, "ann@example.org").await?;
        let png = api.send(api.http().get(format!("{link}.png"))).await?;
        assert_eq!((png.status, png.header("content-type")), (200, Some("image/png")));
        assert_eq!(png.header("cache-control"), Some("private, no-store"));
        let svg = api.get(&format!("{link}.svg")).await?;
        assert!(svg.body.contains("<svg"), "{}", svg.body);

        // First scan admits, the second is told when and where.
        let first = scan(&api, &token, json!({"code": codes[0], "device": "Door 1"})).await?;
        assert_eq!((result(&first), first["name"].as_str()), ("admitted", Some("Ann Abel")));
        assert_eq!(first["ticket_type"], "Conference");
        let again = scan(&api, &token, json!({"code": codes[0], "device": "Door 2"})).await?;
        assert_eq!(result(&again), "already_checked_in");
        assert_eq!(again["checked_in_by"], "Door 1");
        assert_eq!(again["checked_in_at"], first["checked_in_at"]);

        // Forged, garbage, another edition's.
        let forged = codes[1].replacen(&capture(r"devday:1:dd-2030:([0-9a-f-]{36})", &codes[1]), &capture(r"devday:1:dd-2030:([0-9a-f-]{36})", &codes[2]), 1);
        assert_eq!(result(&scan(&api, &token, json!({"code": forged})).await?), "invalid");
        assert_eq!(result(&scan(&api, &token, json!({"code": "https://example.org/"})).await?), "invalid");
        assert_eq!(result(&scan(&api, &token, json!({"code": other[0]})).await?), "wrong_edition");
        let fake_edition = other[0].replacen("dd-2031", "dd-2030", 1);
        assert_eq!(result(&scan(&api, &token, json!({"code": fake_edition})).await?), "invalid");

        // Cancelled: revoked. Re-issued: the old code revoked, the new one admitted.
        let list = admin.get("/dd-2030/manage/registrations").await?;
        let id_of = |email: &str| capture(&format!(r#"href="/dd-2030/manage/registrations/([0-9a-f-]{{36}})"[^>]*>[^<]*</a>[^@]*{email}"#), &list.body);
        let (ben, cem) = (id_of("ben@example.org"), id_of("cem@example.org"));
        assert_eq!(admin.post(&format!("/dd-2030/manage/registrations/{ben}/cancel"), &[]).await?.status, 303);
        assert_eq!(result(&scan(&api, &token, json!({"code": codes[1]})).await?), "revoked");
        assert_eq!(admin.post(&format!("/dd-2030/manage/tickets/{cem}/reissue"), &[]).await?.status, 303);
        assert_eq!(result(&scan(&api, &token, json!({"code": codes[2]})).await?), "revoked");
        let page = api.get(&ticket_page(&app, "cem@example.org").await?).await?;
        let new_code = capture(r#"id="ticket-code">([^<]+)<"#, &page.body);
        assert_ne!(new_code, codes[2]);
        assert_eq!(result(&scan(&api, &token, json!({"code": new_code})).await?), "admitted");

        // Undo a mistaken check-in; the ticket can be admitted again.
        assert_eq!(api.api_post("/api/events/dd-2030/checkin/undo", Some(&token), &json!({"registration_id": cem})).await?.status, 204);
        assert_eq!(api.api_post("/api/events/dd-2030/checkin/undo", Some(&token), &json!({"registration_id": cem})).await?.status, 404);
        assert_eq!(result(&scan(&api, &token, json!({"registration_id": cem})).await?), "admitted");
        // Only the device that let someone in takes it back: never another door's admission.
        let ann = first["registration_id"].as_str().unwrap_or_default();
        let res = api.api_post("/api/events/dd-2030/checkin/undo", Some(&token), &json!({"registration_id": ann, "device": "Door 2"})).await?;
        assert_eq!((res.status, res.json()["type"].as_str()), (409, Some("/problems/undo-other-device")), "{}", res.body);
        assert_eq!(result(&scan(&api, &token, json!({"code": codes[0], "device": "Door 2"})).await?), "already_checked_in", "Ann is still in");

        // A retried request (same nonce) gets the same answer and makes no second scan.
        let retry = json!({"code": codes[3], "nonce": "n-dan-1"});
        assert_eq!(result(&scan(&api, &token, retry.clone()).await?), "admitted");
        assert_eq!(result(&scan(&api, &token, retry).await?), "admitted");

        // Bad requests change nothing.
        let res = api.api_post("/api/events/dd-2030/checkin", Some(&token), &json!({"list": "entrance"})).await?;
        assert_eq!(res.status, 400);
        assert_eq!(res.header("content-type"), Some("application/problem+json"));
        assert_eq!(api.api_post("/api/events/dd-2030/checkin", Some(&token), &json!({"code": codes[3], "list": "nope"})).await?.status, 404);
        assert_eq!(api.api_post("/api/events/dd-2030/checkin", None, &json!({"code": codes[3]})).await?.status, 401);

        // The desk finds people by name: whether they are in, never their address; only
        // a valid ticket not yet in can be let in from there.
        let found = api.api_get("/api/events/dd-2030/checkin/search?q=abel", Some(&token)).await?.json();
        assert_eq!(found[0]["name"], "Ann Abel", "{found}");
        assert!(found[0]["checked_in_at"].is_string() && found[0]["checked_in_by"] == "Door 1", "{found}");
        assert_eq!((found[0]["can_check_in"].as_bool(), found[0].get("email")), (Some(false), None), "{found}");
        let cancelled = api.api_get("/api/events/dd-2030/checkin/search?q=bauer", Some(&token)).await?.json();
        assert_eq!((cancelled[0]["state"].as_str(), cancelled[0]["can_check_in"].as_bool()), (Some("cancelled"), Some(false)), "{cancelled}");
        // A name as written finds its person on both databases, umlauts and all.
        let cem = api.api_get("/api/events/dd-2030/checkin/search?q=%C3%87elik", Some(&token)).await?.json();
        assert_eq!(cem[0]["name"], "Cem Çelik", "{cem}");
        let desk = admin.get("/dd-2030/staff/badges?q=Ann").await?.body;
        assert!(desk.contains("in since ") && !desk.contains("ann@example.org"), "{desk}");
        // The dashboard counts each admission once and logs the refusals.
        let board = admin.get("/dd-2030/manage/checkin").await?;
        assert_eq!(board.status, 200);
        assert!(board.body.contains(r#"<td>3</td><td class="checked-in">3</td><td>0</td>"#), "{}", board.body);
        let csv = admin.get("/dd-2030/manage/checkin.csv").await?;
        assert!(csv.body.starts_with('\u{feff}') && csv.body.contains("\"Ann Abel\",\"ann@example.org\",\"admitted\",\"Door 1\""), "{}", csv.body);
        assert_eq!(csv.body.matches("\"revoked\"").count(), 2, "{}", csv.body);
        Ok(())
    }
}

db_test! {
    async fn offline_scanners_merge_into_one_check_in_and_races_admit_once(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        let codes = guests(&app, &admin, "dd-2030", &[("Ann Abel", "ann@example.org"), ("Ben Bauer", "ben@example.org")]).await?;
        let staff = app.user("sam@example.org", "Sam Staff").await?;
        app.invite(&admin, "dd-2030", &staff, "sam@example.org", "staff").await?;
        let token = devday_tests::flows::api_token(&staff, "door").await?;
        let api = app.client();

        // A scanner's first sync: the key and every ticket.
        let sync = api.api_get("/api/events/dd-2030/checkin/sync", Some(&token)).await?;
        assert_eq!(sync.status, 200, "{}", sync.body);
        let data = sync.json();
        assert_eq!(data["public_key"].as_str().map(str::len), Some(43));
        assert_eq!(data["tickets"].as_array().map(Vec::len), Some(2));
        assert_eq!(data["list"]["slug"], "entrance");
        let cursor = data["cursor"].as_str().unwrap_or_default().to_owned();

        // Two scanners admit Ann while both offline; each uploads, one twice after a timeout.
        let upload = |device: &str, nonce: &str, minute: u32| json!({"scans": [{"code": codes[0], "device": device, "nonce": nonce, "scanned_at": format!("2026-05-01T09:{minute:02}:00")}]});
        let a = api.api_post("/api/events/dd-2030/checkin/upload", Some(&token), &upload("Door A", "a-1", 1)).await?;
        assert_eq!(a.status, 200, "{}", a.body);
        assert_eq!(a.json()["results"][0]["result"], "admitted");
        let b = api.api_post("/api/events/dd-2030/checkin/upload", Some(&token), &upload("Door B", "b-1", 2)).await?.json();
        assert_eq!(b["results"][0]["result"], "already_checked_in");
        assert_eq!(b["results"][0]["duplicate"], true);
        assert_eq!(b["results"][0]["checked_in_by"], "Door A");
        let b_again = api.api_post("/api/events/dd-2030/checkin/upload", Some(&token), &upload("Door B", "b-1", 2)).await?.json();
        assert_eq!(b_again["results"][0], b["results"][0], "a retried upload answered differently");
        let res = api.api_post("/api/events/dd-2030/checkin/upload", Some(&token), &json!({"scans": [{"code": codes[1]}]})).await?;
        assert_eq!(res.status, 400, "an offline scan without nonce was taken");

        // The next sync brings only what changed: Ann, admitted at the original scan time.
        let delta = api.api_get(&format!("/api/events/dd-2030/checkin/sync?since={cursor}"), Some(&token)).await?.json();
        assert_eq!(delta["full"], false);
        assert_eq!(delta["tickets"].as_array().map(Vec::len), Some(1), "{delta}");
        assert_eq!(delta["tickets"][0]["checked_in_at"], "2026-05-01T09:01:00");
        // That admission is long past: even Door A can no longer take it back from here.
        let ann = delta["tickets"][0]["registration_id"].as_str().unwrap_or_default().to_owned();
        let res = api.api_post("/api/events/dd-2030/checkin/undo", Some(&token), &json!({"registration_id": ann, "device": "Door A"})).await?;
        assert_eq!((res.status, res.json()["type"].as_str()), (409, Some("/problems/undo-too-late")), "{}", res.body);
        assert!(res.json()["detail"].as_str().is_some_and(|t| t.contains("older than 10 minutes")), "{}", res.body);

        // Twenty doors scan Ben at the same instant: one admission.
        let mut tasks = Vec::new();
        for n in 0..20 {
            let (http, url, token, code) = (api.http().clone(), format!("{}/api/events/dd-2030/checkin", app.base), token.clone(), codes[1].clone());
            tasks.push(tokio::spawn(async move {
                let res = http.post(&url).bearer_auth(&token).json(&json!({"code": code, "device": format!("Door {n}")})).send().await?;
                anyhow::ensure!(res.status() == 200, "status {}", res.status());
                Ok::<_, anyhow::Error>(res.json::<serde_json::Value>().await?)
            }));
        }
        let mut admitted = 0;
        for task in tasks {
            let answer = task.await??;
            match result(&answer) {
                "admitted" => admitted += 1,
                "already_checked_in" => {}
                other => panic!("unexpected {other}"),
            }
        }
        assert_eq!(admitted, 1, "a ticket was admitted {admitted} times");
        let board = admin.get("/dd-2030/manage/checkin").await?;
        assert!(board.body.contains(r#"<td>2</td><td class="checked-in">2</td><td>0</td><td>1</td>"#), "{}", board.body);

        // A second instance on the same database: Ben is in there too; a sync and a scan
        // made there count here.
        let second = app.second_instance().await?;
        let there = second.client();
        let answer = there.api_post("/api/events/dd-2030/checkin", Some(&token), &json!({"code": codes[1], "device": "Door B2"})).await?.json();
        assert_eq!(result(&answer), "already_checked_in", "{answer}");
        let undo = |device: &serde_json::Value| json!({"registration_id": answer["registration_id"], "device": device});
        assert_eq!(there.api_post("/api/events/dd-2030/checkin/undo", Some(&token), &undo(&json!("Door B2"))).await?.status, 409, "another door's admission");
        assert_eq!(there.api_post("/api/events/dd-2030/checkin/undo", Some(&token), &undo(&answer["checked_in_by"])).await?.status, 204);
        let answer = there.api_post("/api/events/dd-2030/checkin", Some(&token), &json!({"code": codes[1], "device": "Door B2"})).await?.json();
        assert_eq!(result(&answer), "admitted", "{answer}");
        let here = api.api_post("/api/events/dd-2030/checkin", Some(&token), &json!({"code": codes[1]})).await?.json();
        assert_eq!((result(&here), here["checked_in_by"].as_str()), ("already_checked_in", Some("Door B2")));
        drop(second);

        // A workshop room admits only its ticket type.
        let res = admin.post("/dd-2030/manage/checkin", &[("name", "Rust room"), ("slug", "rust-room")]).await?;
        assert_eq!(res.status, 422, "a list without ticket types was made");
        let now = chrono::Utc::now().naive_utc() + chrono::Duration::days(120);
        let res = admin.post("/dd-2030/manage/registration/tickets", &[("name", "Rust workshop"), ("kind", "workshop"), ("capacity", "5"), ("starts_at", &now.format("%Y-%m-%dT09:00").to_string()), ("ends_at", &now.format("%Y-%m-%dT12:00").to_string())]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let board = admin.get("/dd-2030/manage/checkin").await?;
        let workshop = capture(r#"value="([0-9a-f-]{36})"> Rust workshop"#, &board.body);
        let res = admin.post("/dd-2030/manage/checkin", &[("name", "Rust room"), ("slug", "rust-room"), ("ticket_types", &workshop)]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let answer = api.api_post("/api/events/dd-2030/checkin", Some(&token), &json!({"code": codes[0], "list": "rust-room"})).await?.json();
        assert_eq!(result(&answer), "not_on_list");

        // Staff scan but do not see the organisers' dashboard; others do not scan.
        assert_eq!(staff.get("/dd-2030/manage/checkin").await?.status, 403);
        assert_eq!(staff.get("/dd-2030/staff/scanner").await?.status, 200);
        let outsider = app.user("oli@example.org", "Oli").await?;
        let outsider_token = devday_tests::flows::api_token(&outsider, "x").await?;
        assert_eq!(api.api_post("/api/events/dd-2030/checkin", Some(&outsider_token), &json!({"code": codes[0]})).await?.status, 403);
        assert_eq!(api.api_get("/api/events/dd-2030/checkin/sync", Some(&outsider_token)).await?.status, 403);
        Ok(())
    }
}

/// The QR codes zbarimg reads in an image file.
fn codes_in_image(zbarimg: &str, path: &std::path::Path) -> anyhow::Result<Vec<String>> {
    // QR codes only: with every symbology on, zbar now and then reads a line of a badge's
    // text as a one-dimensional barcode.
    let out = std::process::Command::new(zbarimg)
        .args(["-q", "--raw", "-Sdisable", "-Sqrcode.enable"])
        .arg(path)
        .output()?;
    Ok(String::from_utf8(out.stdout)?
        .lines()
        .map(str::to_owned)
        .collect())
}

/// The QR codes in a PNG (a mail's inline image).
fn codes_in_png(png: &[u8]) -> anyhow::Result<Option<Vec<String>>> {
    let Some(zbarimg) = devday_tests::validator("zbarimg") else {
        return Ok(None);
    };
    let file = std::env::temp_dir().join(format!("devday-qr-{}.png", uuid::Uuid::new_v4()));
    std::fs::write(&file, png)?;
    let codes = codes_in_image(&zbarimg, &file)?;
    std::fs::remove_file(&file)?;
    Ok(Some(codes))
}

/// Renders a PDF's pages and reads every QR code on them (poppler-utils, zbar-tools).
fn codes_in_pdf(pdf: &[u8]) -> anyhow::Result<Option<(Vec<String>, String)>> {
    let (Some(pdftoppm), Some(zbarimg), Some(pdftotext)) = (
        devday_tests::validator("pdftoppm"),
        devday_tests::validator("zbarimg"),
        devday_tests::validator("pdftotext"),
    ) else {
        return Ok(None);
    };
    let dir = std::env::temp_dir().join(format!(
        "devday-badges-{}-{}",
        std::process::id(),
        uuid::Uuid::new_v4()
    ));
    std::fs::create_dir_all(&dir)?;
    let file = dir.join("badges.pdf");
    std::fs::write(&file, pdf)?;
    // Two resolutions, as two cameras would see it: one in a few hundred renderings at a
    // single resolution loses a code to aliasing, which says nothing about the badge.
    for dpi in ["150", "200"] {
        let status = std::process::Command::new(&pdftoppm)
            .args(["-r", dpi, "-png"])
            .arg(&file)
            .arg(dir.join(format!("page-{dpi}")))
            .status()?;
        anyhow::ensure!(status.success(), "pdftoppm failed");
    }
    let mut codes = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "png") {
            codes.extend(codes_in_image(&zbarimg, &path)?);
        }
    }
    let codes: Vec<String> = codes.into_iter().collect();
    let text = std::process::Command::new(pdftotext)
        .arg(&file)
        .arg("-")
        .output()?;
    std::fs::remove_dir_all(&dir)?;
    Ok(Some((codes, String::from_utf8(text.stdout)?)))
}

db_test! {
    async fn badge_pdfs_print_whole_names_and_codes_the_door_accepts(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        let people = [
            ("Maximiliane Theodora von Hohenzollern-Sigmaringen", "max@example.org"),
            ("Łukasz Żółć", "lukasz@example.org"),
            ("Δήμητρα Αλεξίου", "dimitra@example.org"),
            ("Ann", "ann@example.org"),
            ("Дмитрий Иванов", "dmitri@example.org"),
        ];
        guests(&app, &admin, "dd-2030", &people).await?;
        let token = devday_tests::flows::api_token(&admin, "door").await?;
        let api = app.client();

        let sheet = admin.send(admin.http().get(format!("{}/dd-2030/manage/badges.pdf?layout=sheet", app.base))).await?;
        assert_eq!((sheet.status, sheet.header("content-type")), (200, Some("application/pdf")));
        let bytes = admin.http().get(format!("{}/dd-2030/manage/badges.pdf?layout=sheet", app.base)).send().await?.bytes().await?;
        assert!(bytes.starts_with(b"%PDF-"));
        let Some((codes, text)) = codes_in_pdf(&bytes)? else { return Ok(()) };
        assert_eq!(codes.len(), people.len(), "codes read: {codes:?}");
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for (name, _) in &people {
            assert!(flat.contains(name), "{name} is not whole on the badges: {flat}");
        }
        for code in &codes {
            let answer = api.api_post("/api/events/dd-2030/checkin", Some(&token), &json!({"code": code})).await?.json();
            assert_eq!(result(&answer), "admitted", "{code}: {answer}");
        }

        // One badge at the desk, and nothing for an unknown person or a cancelled one.
        let board = admin.get("/dd-2030/staff/badges?q=Ann").await?;
        let link = capture(r#"href="(/dd-2030/staff/badges/[0-9a-f-]{36}\.pdf)""#, &board.body);
        let one = admin.http().get(format!("{}{link}", app.base)).send().await?.bytes().await?;
        let Some((codes, _)) = codes_in_pdf(&one)? else { return Ok(()) };
        assert_eq!(codes.len(), 1);
        let answer = api.api_post("/api/events/dd-2030/checkin", Some(&token), &json!({"code": codes[0]})).await?.json();
        assert_eq!(result(&answer), "already_checked_in");
        assert_eq!(admin.get("/dd-2030/staff/badges/00000000-0000-0000-0000-000000000000.pdf").await?.status, 404);
        assert_eq!(app.client().get(&link).await?.status, 303, "an anonymous visitor got a badge");
        Ok(())
    }
}

db_test! {
    async fn the_ticket_carries_the_event_as_a_pdf_and_a_short_code_that_admits_once(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        let people = [("Ann Abel", "ann@example.org"), ("Ben Bauer", "ben@example.org"), ("Cem Çelik", "cem@example.org")];
        let codes = guests(&app, &admin, "dd-2030", &people).await?;
        let token = devday_tests::flows::api_token(&admin, "door").await?;
        let api = app.client();

        // The mail says when and where, the short code, and links the PDF and calendar file.
        let mail = app.smtp.wait_for_subject("ann@example.org", "Your ticket").await?;
        assert!(mail.text.contains("When: ") && mail.text.contains("Where: Dresden"), "{}", mail.text);
        let short = capture(r"the team at the entrance types this code: ([0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{3})", &mail.text);
        let link = ticket_page(&app, "ann@example.org").await?;
        assert!(mail.text.contains(&format!("{link}.pdf")) && mail.text.contains(&format!("{link}.ics")), "{}", mail.text);
        // The page shows the same, with the weekday.
        let page = api.get(&link).await?.body;
        assert_eq!(capture(r#"id="ticket-short-code">([^<]+)<"#, &page), short);
        let weekday = ["Mon ", "Tue ", "Wed ", "Thu ", "Fri ", "Sat ", "Sun "];
        assert!(weekday.iter().any(|w| page.contains(&format!("<dd>{w}"))), "{page}");

        // The PDF: one A4 page, in the reader's language, whose QR code the door reads.
        let pdf = api.send(api.http().get(format!("{link}.pdf")).header("accept-language", "de")).await?;
        assert_eq!((pdf.status, pdf.header("content-type")), (200, Some("application/pdf")));
        assert_eq!(pdf.header("cache-control"), Some("private, no-store"));
        assert!(pdf.header("content-disposition").is_some_and(|d| d.contains("dd-2030-ticket.pdf")));
        let bytes = api.http().get(format!("{link}.pdf")).header("accept-language", "de").send().await?.bytes().await?;
        if let Some((read, text)) = codes_in_pdf(&bytes)? {
            assert_eq!(read, vec![codes[0].clone()]);
            let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
            for expected in ["Edition dd-2030", "Ann Abel", "DEIN TICKET", "WANN", "Dresden", short.as_str()] {
                assert!(flat.contains(expected), "{expected} is not on the ticket: {flat}");
            }
        }
        let ics = api.get(&format!("{link}.ics")).await?;
        assert!(ics.body.starts_with("BEGIN:VCALENDAR") && ics.body.contains("SUMMARY:Edition dd-2030"), "{}", ics.body);
        // The conference's times, once the organisers give them, are on the ticket too.
        let settings = admin.get("/dd-2030/manage/registration").await?.body;
        let conference = capture(r#"tickets/([0-9a-f-]{36})/times"#, &settings);
        let times = format!("/dd-2030/manage/registration/tickets/{conference}/times");
        let day = chrono::Utc::now().date_naive() + chrono::Duration::days(120);
        let res = admin.post(&times, &[("starts_at", format!("{day}T09:00").as_str()), ("ends_at", "")]).await?;
        assert!(res.status == 422 && res.body.contains("Give a start and a later end"), "{}", res.body);
        let res = admin.post(&times, &[("starts_at", format!("{day}T09:00").as_str()), ("ends_at", format!("{}T18:00", day.succ_opt().unwrap_or(day)).as_str())]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let page = api.get(&link).await?.body;
        assert!(page.contains(", 09:00 – ") && page.contains(", 18:00</dd>"), "{page}");

        // Typed at the door however it comes out (lower case, spaces, O for 0): admitted
        // once; a typo is refused before anything is looked up.
        let typed = short.to_lowercase().replace('-', " ").replace('0', "o");
        let first = scan(&api, &token, json!({"code": typed, "device": "Door 1"})).await?;
        assert_eq!((result(&first), first["name"].as_str()), ("admitted", Some("Ann Abel")), "{first}");
        assert_eq!(result(&scan(&api, &token, json!({"code": short})).await?), "already_checked_in");
        let last = short.chars().last().unwrap_or('0');
        let typo = format!("{}{}", &short[..short.len() - 1], if last == '2' { '3' } else { '2' });
        assert_eq!(result(&scan(&api, &token, json!({"code": typo})).await?), "invalid");
        // The desk finds the person by it.
        let found = api.api_get(&format!("/api/events/dd-2030/checkin/search?q={short}"), Some(&token)).await?.json();
        assert_eq!((found[0]["name"].as_str(), found.as_array().map(Vec::len)), (Some("Ann Abel"), Some(1)), "{found}");

        // Offline: the synced list carries each ticket's short code; two scanners typing Ben's
        // code without network merge into one admission.
        let sync = api.api_get("/api/events/dd-2030/checkin/sync", Some(&token)).await?.json();
        let ben_mail = app.smtp.wait_for_subject("ben@example.org", "Your ticket").await?;
        let ben = capture(r"types this code: ([0-9A-Z-]{11})", &ben_mail.text);
        let synced: Vec<&str> = sync["tickets"].as_array().into_iter().flatten().filter_map(|t| t["short_code"].as_str()).collect();
        assert!(synced.contains(&ben.replace('-', "").as_str()), "{sync}");
        let upload = |device: &str, nonce: &str| json!({"scans": [{"code": ben, "device": device, "nonce": nonce, "scanned_at": "2026-05-01T09:00:00"}]});
        let a = api.api_post("/api/events/dd-2030/checkin/upload", Some(&token), &upload("Door A", "s-a")).await?.json();
        let b = api.api_post("/api/events/dd-2030/checkin/upload", Some(&token), &upload("Door B", "s-b")).await?.json();
        assert_eq!((a["results"][0]["result"].as_str(), b["results"][0]["result"].as_str()), (Some("admitted"), Some("already_checked_in")), "{a} {b}");
        assert_eq!(b["results"][0]["duplicate"], true);

        // Two instances on one database: Cem's code admits once across both.
        let cem_mail = app.smtp.wait_for_subject("cem@example.org", "Your ticket").await?;
        let cem = capture(r"types this code: ([0-9A-Z-]{11})", &cem_mail.text);
        let second = app.second_instance().await?;
        let there = second.client();
        let answer = there.api_post("/api/events/dd-2030/checkin", Some(&token), &json!({"code": cem})).await?.json();
        assert_eq!(result(&answer), "admitted", "{answer}");
        assert_eq!(result(&scan(&api, &token, json!({"code": cem})).await?), "already_checked_in");
        drop(second);

        // Re-issued: the old short code no longer admits anyone.
        let cem_id = answer["registration_id"].as_str().unwrap_or_default().to_owned();
        assert_eq!(admin.post(&format!("/dd-2030/manage/tickets/{cem_id}/reissue"), &[]).await?.status, 303);
        assert_ne!(result(&scan(&api, &token, json!({"code": cem})).await?), "admitted");
        Ok(())
    }
}
