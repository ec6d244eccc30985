//! Registration end to end: capacity under a rush, double opt-in, the manage link,
//! cancellations that free seats for the waiting list, and bad input.

use devday_tests::flows::{confirm_proposal, submit_proposal};
use devday_tests::{db_test, TestApp};

fn rusher(n: usize, waitlist: bool) -> serde_json::Value {
    serde_json::json!({"name": format!("Rusher {n}"), "email": format!("rusher{n}@example.org"), "consent": true, "waitlist": waitlist})
}

db_test! {
    async fn a_rush_never_oversells_the_last_seats(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        app.set_conference_capacity(&admin, "dd-2030", "5").await?;
        let api = app.client();
        let url = format!("{}/api/events/dd-2030/registrations", app.base);
        let mut tasks = Vec::new();
        for n in 0..40 {
            let (http, url) = (api.http().clone(), url.clone());
            tasks.push(tokio::spawn(async move {
                let res = http.post(&url).json(&rusher(n, n % 2 == 0)).send().await?;
                Ok::<_, anyhow::Error>((res.status().as_u16(), res.text().await?))
            }));
        }
        let mut held = 0;
        let mut waitlisted = 0;
        let mut full = 0;
        for task in tasks {
            let (status, text) = task.await??;
            match status {
                201 if text.contains("\"held\"") => held += 1,
                201 if text.contains("\"waitlisted\"") => waitlisted += 1,
                409 => full += 1,
                other => panic!("unexpected answer {other}: {text}"),
            }
        }
        assert_eq!(held, 5, "capacity 5, {held} seats given");
        assert_eq!(held + waitlisted + full, 40);
        assert!(waitlisted > 0 && full > 0);
        let list = admin.get("/dd-2030/manage/registrations").await?;
        assert!(list.body.contains("5 / 5"), "taken / capacity is off");
        Ok(())
    }
}

db_test! {
    async fn two_instances_on_one_database_never_oversell(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        app.set_conference_capacity(&admin, "dd-2030", "7").await?;
        let second = app.second_instance().await?;
        let bases = [app.base.clone(), second.base.clone()];
        let http = app.client().http().clone();
        let mut tasks = Vec::new();
        for n in 0..80 {
            let (http, url) = (http.clone(), format!("{}/api/events/dd-2030/registrations", bases[n % 2]));
            tasks.push(tokio::spawn(async move {
                let res = http.post(&url).json(&rusher(n, false)).send().await?;
                Ok::<_, anyhow::Error>((res.status().as_u16(), res.text().await?))
            }));
        }
        let mut held = Vec::new();
        for task in tasks {
            let (status, text) = task.await??;
            match status {
                201 => held.push(text),
                409 => {}
                other => panic!("unexpected answer {other}: {text}\n{}", second.logs()),
            }
        }
        assert_eq!(held.len(), 7, "capacity 7, {} seats given by two instances", held.len());
        // The rows agree with the answers: exactly the seven who got a 201 are on the list.
        let csv = admin.get("/dd-2030/manage/registrations.csv").await?;
        assert_eq!(csv.body.matches("@example.org").count() - csv.body.matches("admin@example.org").count(), 7, "{}", csv.body);
        assert!(admin.get("/dd-2030/manage/registrations").await?.body.contains("7 / 7"));
        Ok(())
    }
}

db_test! {
    async fn double_opt_in_manage_link_and_no_second_registration(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        let visitor = app.client();
        let form = visitor.get("/dd-2030/register/").await?;
        assert!(form.body.contains("500 places free"), "{}", form.body);
        let res = visitor.post("/dd-2030/register/", &[("name", "Nora"), ("email", "nora@example.org"), ("consent", "true"), ("tshirt", "M")]).await?;
        assert_eq!(res.status, 200, "{}", res.body);
        assert!(res.body.contains("Check your mail, Nora") && res.body.contains("Your place at Edition dd-2030 is held. We have sent a link to nora@example.org"), "{}", res.body);
        let mail = app.smtp.wait_for("nora@example.org").await?;
        let confirm = mail.link("/register/confirm/").expect("confirm link");
        assert!(mail.link("/register/manage/").is_some());
        assert_eq!(visitor.get(&confirm).await?.status, 200);
        let res = visitor.post(&confirm, &[]).await?;
        // The page names the person and the event and leads on to the ticket and the manage
        // page, with the same fresh link the ticket mail carries.
        assert!(res.body.contains("You are registered, Nora") && res.body.contains("Edition dd-2030"), "{}", res.body);
        assert_eq!(visitor.post(&confirm, &[]).await?.status, 404, "a confirm link worked twice");
        // Every kind of mailed link that leads nowhere answers the same page, in the reader's language.
        for dead in ["/register/manage/nonsense", "/register/offer/nonsense", "/register/waitlist/nonsense", "/cfp/respond/nonsense", "/cfp/invitations/nonsense", "/invitations/nonsense"] {
            let page = visitor.get(dead).await?;
            assert!(page.status == 404 && page.body.contains("This link does not work"), "{dead}: {}", page.body);
        }
        let german = devday_tests::Client::speaking(&app.base, "de").get("/register/manage/nonsense").await?;
        assert!(german.body.contains("Dieser Link funktioniert nicht"), "{}", german.body);
        let ticket = app.smtp.wait_for_nth("nora@example.org", 2).await?;
        assert!(ticket.subject.starts_with("Your ticket"), "{}", ticket.subject);
        let manage = ticket.link("/register/manage/").expect("manage link");
        let path = manage.trim_start_matches(app.base.as_str());
        assert!(res.body.contains(&format!(r#"href="{path}/ticket""#)), "{}", res.body);
        assert!(visitor.get(&format!("{path}/ticket")).await?.body.contains("Nora"));
        let ics = visitor.get(&ticket.link("/ticket.ics").expect("calendar link")).await?;
        assert_eq!(ics.header("content-type"), Some("text/calendar; charset=utf-8"));
        assert!(ics.body.contains("BEGIN:VEVENT\r\n") && ics.body.contains("DTSTART;VALUE=DATE:"), "{}", ics.body);

        // Again with the same address: a manage link, not a second registration.
        let res = app.client().post("/dd-2030/register/", &[("name", "Nora Again"), ("email", "NORA@example.org"), ("consent", "true")]).await?;
        assert!(res.body.contains("You are registered for Edition dd-2030 already: we have sent the link"), "{}", res.body);
        let again = app.smtp.wait_for_nth("nora@example.org", 3).await?;
        let manage = again.link("/register/manage/").expect("manage link");
        let page = visitor.get(&manage).await?;
        assert!(page.body.contains("Nora") && page.body.contains("confirmed"));
        let list = admin.get("/dd-2030/manage/registrations").await?;
        assert_eq!(list.body.matches("nora@example.org").count(), 1);

        // Bad input changes nothing.
        let res = visitor.post("/dd-2030/register/", &[("name", ""), ("email", "nope")]).await?;
        assert_eq!(res.status, 422);
        assert!(res.body.contains("Please agree") && res.body.contains("This is not an email address."));
        let res = visitor.api_post("/api/events/dd-2030/registrations", None, &serde_json::json!({"name": "X", "email": "x@example.org"})).await?;
        assert_eq!(res.status, 422);
        assert_eq!(res.json()["errors"]["consent"][0], "Please agree to the privacy notice and the code of conduct.");
        assert_eq!(visitor.api_post("/api/events/nope/registrations", None, &rusher(1, false)).await?.status, 404);
        assert!(!admin.get("/dd-2030/manage/registrations").await?.body.contains("x@example.org"));
        Ok(())
    }
}

db_test! {
    async fn a_cancelled_seat_goes_to_the_waiting_list_in_order(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        app.set_conference_capacity(&admin, "dd-2030", "1").await?;
        let api = app.client();
        let first = api.api_post("/api/events/dd-2030/registrations", None, &rusher(1, false)).await?;
        assert_eq!(first.status, 201, "{}", first.body);
        for n in [2, 3] {
            let res = api.api_post("/api/events/dd-2030/registrations", None, &rusher(n, true)).await?;
            assert_eq!(res.json()["state"], "waitlisted");
            assert_eq!(res.json()["position"], n - 1);
        }
        let res = api.api_post("/api/events/dd-2030/registrations", None, &rusher(4, false)).await?;
        assert_eq!(res.status, 409);
        assert_eq!(res.json()["type"], "/problems/conference-full");
        assert_eq!(res.json()["detail"], "The conference is full.");
        // The refusal is a kind: a client asking in German is told in German.
        let german = api.http().post(format!("{}/api/events/dd-2030/registrations", app.base))
            .header("Accept-Language", "de-DE,de;q=0.9").json(&rusher(4, false));
        let res = api.send(german).await?;
        assert_eq!((res.status, res.header("content-language")), (409, Some("de")));
        assert_eq!(res.json()["type"], "/problems/conference-full");
        assert_eq!(res.json()["detail"], "Die Konferenz ist voll.");
        assert_eq!(res.header("content-type"), Some("application/problem+json"));
        // The form says it in the visitor's words, with what to do, and keeps the entries.
        let res = api.post("/dd-2030/register/", &[("name", "Rusher Five"), ("email", "rusher5@example.org"), ("consent", "true")]).await?;
        assert_eq!(res.status, 409);
        assert!(res.body.contains("The conference is full. Tick the waiting-list box") && res.body.contains("Rusher Five"), "{}", res.body);

        // The first person cancels: the seat is offered to #2 at once, not #3.
        let mail = app.smtp.wait_for("rusher1@example.org").await?;
        let manage = mail.link("/register/manage/").expect("manage link");
        // A refusal on a page is said in the reader's language.
        let german = devday_tests::Client::speaking(&app.base, "de");
        // The ticket devday planted is named in the reader's language.
        assert!(german.get(&manage).await?.body.contains("<li>Konferenz"));
        assert!(api.get(&manage).await?.body.contains("<li>Conference"));
        let res = german.post(&format!("{manage}/workshops"), &[("ticket_type_id", "x"), ("action", "swap")]).await?;
        assert_eq!(res.status, 400);
        assert!(res.body.contains("Wähle hinzufügen oder abgeben."), "{}", res.body);
        let res = api.post(&format!("{manage}/workshops"), &[("ticket_type_id", "x"), ("action", "swap")]).await?;
        assert!(res.body.contains("Choose add or drop."), "{}", res.body);
        let res = api.post(&format!("{manage}/cancel"), &[]).await?;
        assert!(res.body.contains("Registration cancelled"), "{}", res.body);
        let offer = app.smtp.wait_for_subject("rusher2@example.org", "A place for you").await?;
        assert!(app.smtp.mails_to("rusher3@example.org").iter().all(|m| !m.subject.starts_with("A place")));
        // #1 gets a mail confirming it, saying where the place went.
        let gone = app.smtp.wait_for_subject("rusher1@example.org", "You have cancelled").await?;
        assert!(gone.text.contains("Your place has gone to the next person on the waiting list") && gone.link("/dd-2030/register/").is_some(), "{}", gone.text);
        // #2 declines; #3 gets the offer and takes it.
        let link = offer.link("/register/offer/").expect("offer link");
        let res = api.post(&link, &[("answer", "decline")]).await?;
        assert!(res.body.contains("next person"), "{}", res.body);
        assert_eq!(api.post(&link, &[("answer", "accept")]).await?.status, 404, "a declined offer was used");
        let offer3 = app.smtp.wait_for_subject("rusher3@example.org", "A place for you").await?;
        let res = api.post(&offer3.link("/register/offer/").expect("offer"), &[("answer", "accept")]).await?;
        assert!(res.body.contains("You are registered, ") && res.body.contains("Show my ticket"), "{}", res.body);
        let ticket = app.smtp.wait_for_subject("rusher3@example.org", "Your ticket").await?;
        assert!(ticket.link("/register/manage/").is_some());
        let list = admin.get("/dd-2030/manage/registrations").await?;
        assert!(list.body.contains("1 / 1"), "capacity broken after offers");

        // Those who declined, took a place or left are off the list: a newcomer's place
        // counts only those still waiting.
        let url = "/api/events/dd-2030/registrations";
        let place = api.api_post(url, None, &rusher(6, true)).await?.json()["position"].clone();
        assert_eq!(place, 1, "declined and accepted offers still counted");
        assert_eq!(api.api_post(url, None, &rusher(7, true)).await?.json()["position"], 2);
        // The form tells the next one their place, the event and where the mail goes.
        let res = api.post("/dd-2030/register/", &[("name", "Rusher Eight"), ("email", "rusher8@example.org"), ("consent", "true"), ("waitlist", "true")]).await?;
        assert!(res.body.contains("You are on the waiting list, Rusher Eight") && res.body.contains("you are number 3 on the waiting list"), "{}", res.body);
        let joined = app.smtp.wait_for_subject("rusher6@example.org", "On the waiting list").await?;
        let leave = joined.link("/register/waitlist/").expect("leave link");
        assert_eq!(api.post(&leave, &[]).await?.status, 200);
        let place = api.api_post(url, None, &rusher(8, true)).await?.json()["position"].clone();
        assert_eq!(place, 2, "someone who left still counted");
        Ok(())
    }
}

db_test! {
    async fn the_manage_link_edits_workshops_and_deletes(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        let now = chrono::Utc::now().naive_utc();
        let at = |d: i64, h: u32| (now.date() + chrono::Duration::days(d)).and_hms_opt(h, 0, 0).unwrap_or(now).format("%Y-%m-%dT%H:%M").to_string();
        for (name, from, to, cap) in [("Rust workshop", 9, 12, "1"), ("Data workshop", 10, 13, "5"), ("Web workshop", 14, 17, "5")] {
            let res = admin.post("/dd-2030/manage/registration/tickets", &[
                ("name", name), ("kind", "workshop"), ("capacity", cap), ("starts_at", &at(120, from)), ("ends_at", &at(120, to)),
            ]).await?;
            assert_eq!(res.status, 303, "{}", res.body);
        }
        let form = app.client().get("/dd-2030/register/").await?;
        let id_of = |name: &str| regex::Regex::new(&format!(r#"value="([0-9a-f-]{{36}})"> <label for="w-[0-9a-f-]{{36}}"><strong>{name}"#)).ok()
            .and_then(|re| re.captures(&form.body).map(|c| c[1].to_owned())).unwrap_or_default();
        let (rust, data, web) = (id_of("Rust workshop"), id_of("Data workshop"), id_of("Web workshop"));
        assert!(!rust.is_empty() && !data.is_empty() && !web.is_empty(), "{}", form.body);

        // Overlapping workshops are refused and nothing is written.
        let visitor = app.client();
        let res = visitor.post("/dd-2030/register/", &[("name", "Wanda"), ("email", "wanda@example.org"), ("consent", "true"), ("workshops", &rust), ("workshops", &data)]).await?;
        assert_eq!(res.status, 422);
        assert!(res.body.contains("same time"));
        let res = visitor.post("/dd-2030/register/", &[("name", "Wanda"), ("email", "wanda@example.org"), ("consent", "true"), ("workshops", &rust)]).await?;
        assert_eq!(res.status, 200, "{}", res.body);
        let mail = app.smtp.wait_for("wanda@example.org").await?;
        let manage = mail.link("/register/manage/").expect("manage link");
        // The Rust workshop (1 seat) is full now: the next person cannot have it.
        let res = app.client().api_post("/api/events/dd-2030/registrations", None, &serde_json::json!({"name": "Max", "email": "max@example.org", "consent": true, "workshops": [rust]})).await?;
        assert_eq!(res.status, 409, "{}", res.body);

        // With the waiting-list option, Mia registers without the full workshop and waits for it.
        let res = app
            .client()
            .api_post(
                "/api/events/dd-2030/registrations",
                None,
                &serde_json::json!({"name": "Mia", "email": "mia@example.org", "consent": true, "workshops": [rust], "waitlist": true}),
            )
            .await?;
        assert_eq!(res.status, 201, "{}", res.body);
        assert_eq!(res.json()["state"], "held");
        // The form puts the tickets first: a full workshop cannot be booked, only waited
        // for; ticking that registers without it and joins its waiting list.
        let form = app.client().get("/dd-2030/register/").await?.body;
        let tickets = form.find("Your ticket").unwrap_or(usize::MAX);
        assert!(tickets < form.find("About you").unwrap_or(0), "tickets come first: {form}");
        assert!(form.contains(&format!(r#"name="workshop_waitlist" value="{rust}""#)) && !form.contains(&format!(r#"name="workshops" value="{rust}""#)), "{form}");
        let res = app.client().post("/dd-2030/register/", &[("name", "Otto"), ("email", "otto@example.org"), ("consent", "true"), ("workshop_waitlist", &rust), ("workshops", &web)]).await?;
        assert!(res.status == 200 && res.body.contains("Your place at Edition dd-2030 is held"), "{}", res.body);
        let waits = app.smtp.wait_for_subject("otto@example.org", "On the waiting list").await?;
        assert!(waits.text.contains("Rust workshop"), "{}", waits.text);
        let res = visitor.post(&format!("{manage}/details"), &[("name", "Wanda W."), ("tshirt", "L"), ("dietary", "vegan")]).await?;
        assert_eq!(res.status, 303);
        assert_eq!(visitor.post(&format!("{manage}/workshops"), &[("ticket_type_id", &data), ("action", "add")]).await?.status, 409, "overlap");
        assert_eq!(visitor.post(&format!("{manage}/workshops"), &[("ticket_type_id", &web), ("action", "add")]).await?.status, 303);
        assert_eq!(visitor.post(&format!("{manage}/workshops"), &[("ticket_type_id", &rust), ("action", "drop")]).await?.status, 303);
        // Dropping the Rust workshop offers its seat to Mia at once.
        app.smtp.wait_for_subject("mia@example.org", "A place for you").await?;
        let page = visitor.get(&manage).await?;
        assert!(page.body.contains("Wanda W.") && page.body.contains("Web workshop") && !page.body.contains(">Rust workshop<"));
        let list = admin.get("/dd-2030/manage/registrations").await?;
        assert!(list.body.contains("L 1") && list.body.contains("Dietary needs: 1"), "{}", list.body);
        let csv = admin.get("/dd-2030/manage/registrations.csv").await?;
        assert!(csv.body.contains("wanda@example.org") && csv.body.contains("vegan"));
        // Her tickets, for the workshop hosts' name lists.
        let wanda = csv.body.lines().find(|l| l.contains("wanda@example.org")).unwrap_or_default();
        assert!(wanda.contains("Web workshop") && !wanda.contains("Rust workshop"), "{wanda}");

        let data_json = visitor.get(&format!("{manage}/data.json")).await?;
        assert_eq!(data_json.json()["registration"]["email"], "wanda@example.org");
        assert_eq!(visitor.post(&format!("{manage}/delete"), &[]).await?.status, 200);
        assert_eq!(visitor.get(&manage).await?.status, 404);
        assert!(!admin.get("/dd-2030/manage/registrations").await?.body.contains("wanda@example.org"));
        assert_eq!(app.client().get("/register/manage/forged-token").await?.status, 404);
        Ok(())
    }
}

db_test! {
    async fn confirmed_speakers_and_the_team_get_tickets_even_when_full(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        app.set_conference_capacity(&admin, "dd-2030", "1").await?;
        let api = app.client();
        assert_eq!(api.api_post("/api/events/dd-2030/registrations", None, &rusher(1, false)).await?.status, 201);

        let sarah = app.user("sarah@example.org", "Sarah Speaker").await?;
        let talk = submit_proposal(&sarah, "dd-2030", "Confirmed talk", "An abstract.").await?;
        confirm_proposal(&app, &admin, "dd-2030", &talk, "sarah@example.org").await?;
        let sam = app.user("sam@example.org", "Sam Submitted").await?;
        submit_proposal(&sam, "dd-2030", "Undecided talk", "An abstract.").await?;
        let stefan = app.user("stefan@example.org", "Stefan Staff").await?;
        app.invite(&admin, "dd-2030", &stefan, "stefan@example.org", "staff").await?;

        // Sarah, Stefan and the admin (organiser of the edition); not Sam.
        let res = admin.post("/dd-2030/manage/registrations/guests", &[]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let list = admin.get(res.location().expect("back to the list")).await?;
        assert!(list.body.contains("3 tickets issued; 0 had one already."), "{}", list.body);
        assert!(list.body.contains("4 / 1"), "guests count against the room");
        for who in ["sarah@example.org", "stefan@example.org", "admin@example.org"] {
            let ticket = app.smtp.wait_for_subject(who, "Your ticket").await?;
            assert!(ticket.link("/register/manage/").is_some());
        }
        assert!(app.smtp.mails_to("sam@example.org").iter().all(|m| !m.subject.starts_with("Your ticket")));
        // The public finds it full; pressing again issues nothing twice.
        assert_eq!(api.api_post("/api/events/dd-2030/registrations", None, &rusher(2, false)).await?.status, 409);
        let res = admin.post("/dd-2030/manage/registrations/guests", &[]).await?;
        let list = admin.get(res.location().expect("back to the list")).await?;
        assert!(list.body.contains("0 tickets issued; 3 had one already."), "{}", list.body);
        assert_eq!(app.smtp.mails_to("sarah@example.org").iter().filter(|m| m.subject.starts_with("Your ticket")).count(), 1);
        Ok(())
    }
}

db_test! {
    async fn a_guest_list_is_checked_first_and_imported_all_or_nothing(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        let api = app.client();
        assert_eq!(api.api_post("/api/events/dd-2030/registrations", None, &rusher(1, false)).await?.status, 201);
        assert_eq!(admin.get("/dd-2030/manage/registrations/import").await?.status, 200);

        let bad = "Name;E-Mail;Firma\nJörg Müller;joerg@example.org;ACME\nBroken;not-an-address\nJörg Again;JOERG@example.org\n";
        for action in ["check", "import"] {
            let res = admin.post("/dd-2030/manage/registrations/import", &[("rows", bad), ("action", action)]).await?;
            assert_eq!(res.status, 422, "{action}: {}", res.body);
            assert!(res.body.contains("This is not an email address."), "{}", res.body);
            assert!(res.body.contains("<td>3</td>") && res.body.contains("in the list twice"));
            assert!(res.body.contains("Jörg Müller"), "the list is kept for correcting");
        }
        assert!(!admin.get("/dd-2030/manage/registrations").await?.body.contains("joerg@example.org"), "a bad list wrote something");

        let good = "Jörg Müller;joerg@example.org;ACME\n\"Dr. Ann, PhD\";ann@example.org\nRusher One;rusher1@example.org\n";
        let res = admin.post("/dd-2030/manage/registrations/import", &[("rows", good), ("action", "check")]).await?;
        assert_eq!(res.status, 200, "{}", res.body);
        assert!(res.body.contains("The list is fine") && res.body.contains("registered already"), "{}", res.body);
        assert!(app.smtp.mails_to("joerg@example.org").is_empty(), "the dry run mailed someone");
        let res = admin.post("/dd-2030/manage/registrations/import", &[("rows", good), ("action", "import")]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let list = admin.get(res.location().expect("back to the list")).await?;
        assert!(list.body.contains("2 tickets issued; 1 had one already."), "{}", list.body);
        assert!(list.body.contains("Dr. Ann, PhD"));
        let ticket = app.smtp.wait_for_subject("ann@example.org", "Your ticket").await?;
        let page = app.client().get(&ticket.link("/register/manage/").expect("manage link")).await?;
        assert!(page.body.contains("confirmed"), "{}", page.body);
        assert_eq!(admin.post("/dd-2030/manage/registrations/import", &[("rows", " \n"), ("action", "import")]).await?.status, 422);

        // The same from a Latin-1 CSV file: read into the list and checked, nothing written.
        let token = admin.csrf().await?;
        let file = |bytes: Vec<u8>, token: String| {
            reqwest::multipart::Form::new()
                .text("csrf_token", token)
                .part("file", reqwest::multipart::Part::bytes(bytes).file_name("guests.csv"))
        };
        let url = format!("{}/dd-2030/manage/registrations/import/file", app.base);
        let res = admin.send(admin.http().post(&url).multipart(file(b"Name;E-Mail\nGr\xe4fin Zoe;zoe@example.org\n".to_vec(), token.clone()))).await?;
        assert_eq!(res.status, 200, "{}", res.body);
        assert!(res.body.contains("Gräfin Zoe") && res.body.contains("The list is fine"), "{}", res.body);
        assert!(!admin.get("/dd-2030/manage/registrations").await?.body.contains("zoe@example.org"), "reading a file imported it");
        let res = admin.send(admin.http().post(&url).multipart(file(vec![b'x'; 70 * 1024], token.clone()))).await?;
        assert_eq!(res.status, 422);
        assert!(res.body.contains("larger than 60 KiB"), "{}", res.body);
        let res = admin.send(admin.http().post(&url).multipart(file(b"A,a@example.org".to_vec(), "forged".into()))).await?;
        assert_eq!(res.status, 403, "a forged token read a file");
        Ok(())
    }
}

db_test! {
    async fn organisers_mail_confirmed_attendees_after_a_preview(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        let api = app.client();
        for n in [1, 2] {
            assert_eq!(api.api_post("/api/events/dd-2030/registrations", None, &rusher(n, false)).await?.status, 201);
        }
        let mail = app.smtp.wait_for("rusher1@example.org").await?;
        api.post(&mail.link("/register/confirm/").expect("confirm link"), &[]).await?;
        app.smtp.wait_for_subject("rusher1@example.org", "Your ticket").await?;

        assert_eq!(admin.get("/dd-2030/manage/registrations/mail").await?.status, 200);
        let res = admin.post("/dd-2030/manage/registrations/mail", &[("subject", ""), ("body", "x"), ("state", "confirmed"), ("action", "send")]).await?;
        assert_eq!(res.status, 422, "an empty subject was accepted");
        let fields = |action: &'static str, state: &'static str| {
            [("subject", "Doors open at 8 for {edition}"), ("body", "Hello {name}, bring your ticket."), ("state", state), ("ticket", ""), ("action", action)]
        };
        let res = admin.post("/dd-2030/manage/registrations/mail", &fields("preview", "active")).await?;
        assert!(res.body.contains("rusher2@example.org") && res.body.contains("Hello Rusher 1, bring your ticket."), "{}", res.body);
        let res = admin.post("/dd-2030/manage/registrations/mail", &fields("preview", "confirmed")).await?;
        assert!(!res.body.contains("rusher2@example.org"), "an unconfirmed person is in the preview");
        let res = admin.post("/dd-2030/manage/registrations/mail", &fields("send", "confirmed")).await?;
        assert_eq!(res.status, 200, "{}", res.body);
        let sent = app.smtp.wait_for_subject("rusher1@example.org", "Doors open").await?;
        assert!(sent.subject.contains("Doors open at 8 for") && sent.text.contains("Hello Rusher 1,"), "{}", sent.text);
        assert!(app.smtp.mails_to("rusher2@example.org").iter().all(|m| !m.subject.starts_with("Doors")));

        // Written in both languages: each person gets theirs (a German registration, the
        // German text; the English ones, the English text), and the preview counts them.
        let german = devday_tests::Client::speaking(&app.base, "de");
        assert_eq!(german.api_post("/api/events/dd-2030/registrations", None, &rusher(3, false)).await?.status, 201);
        let both = [("subject", "Doors open at 8"), ("body", "Hello {name}!"), ("subject_de", "Einlass ab 8"), ("body_de", "Hallo {name}!"), ("state", "active"), ("ticket", ""), ("action", "preview")];
        let res = admin.post("/dd-2030/manage/registrations/mail", &both).await?;
        assert!(res.body.contains("2 in English, 1 in German.") && res.body.contains("Hallo Rusher 3!") && res.body.contains("Hello Rusher 1!"), "{}", res.body);
        let half = [("subject", ""), ("body", ""), ("subject_de", "Einlass ab 8"), ("body_de", ""), ("state", "active"), ("ticket", ""), ("action", "preview")];
        let res = admin.post("/dd-2030/manage/registrations/mail", &half).await?;
        assert!(res.status == 422 && res.body.contains(r#"id="e-body_de""#), "a German subject without its text: {}", res.body);

        // An organiser corrects Rusher 1's details; bad input is refused beside the field.
        let list = admin.get("/dd-2030/manage/registrations?q=rusher1").await?;
        let edit = regex::Regex::new(r#"href="(/dd-2030/manage/registrations/[0-9a-f-]{36})""#)?
            .captures(&list.body)
            .map(|c| c[1].to_owned())
            .expect("a link to the registration");
        assert_eq!(admin.get(&edit).await?.status, 200);
        let res = admin.post(&edit, &[("name", ""), ("tshirt", "XXXL")]).await?;
        assert_eq!(res.status, 422);
        assert!(res.body.contains("This field is required.") && res.body.contains("aria-invalid"), "{}", res.body);
        let res = admin.post(&edit, &[("name", "Rosa Rusher"), ("tshirt", "L"), ("dietary", "vegan")]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let list = admin.get("/dd-2030/manage/registrations").await?;
        assert!(list.body.contains("Rosa Rusher") && list.body.contains("L 1"), "{}", list.body);
        assert_eq!(app.client().get(&edit).await?.status, 303, "a stranger reached the edit page");

        // An organiser cancels Rusher 2: the place goes back and they are told.
        let list = admin.get("/dd-2030/manage/registrations?q=rusher2").await?;
        let cancel = regex::Regex::new(r#"href="(/dd-2030/manage/registrations/[0-9a-f-]{36}/cancel)""#)?
            .captures(&list.body)
            .map(|c| c[1].to_owned())
            .expect("a cancel link");
        // The link asks first; only the button on that page cancels.
        let ask = admin.get(&cancel).await?;
        assert!(ask.body.contains("Cancel the registration of Rusher 2?") && ask.body.contains("Cancel this registration"), "{}", ask.body);
        assert!(admin.get("/dd-2030/manage/registrations").await?.body.contains("3 / 500"), "asking cancelled already");
        assert_eq!(admin.post(&cancel, &[]).await?.status, 303);
        let told = app.smtp.wait_for_subject("rusher2@example.org", "Your registration for").await?;
        assert!(told.subject.ends_with("was cancelled") && told.link("/dd-2030/register/").is_some(), "{}", told.text);
        assert!(admin.get("/dd-2030/manage/registrations").await?.body.contains("2 / 500"));
        assert_eq!(admin.post(&cancel, &[]).await?.status, 409, "cancelled twice");
        Ok(())
    }
}

/// Moves an edition's dates (and its windows) `days` into the past.
async fn end_edition(admin: &devday_tests::Client, slug: &str) -> anyhow::Result<()> {
    let day = |d: i64| {
        (chrono::Utc::now() + chrono::Duration::days(d))
            .format("%Y-%m-%d")
            .to_string()
    };
    let at = |d: i64| format!("{}T10:00", day(d));
    let res = admin
        .post(
            &format!("/{slug}/manage/settings"),
            &[
                ("name", &format!("Edition {slug}")),
                ("slug", slug),
                ("starts_on", &day(-10)),
                ("ends_on", &day(-9)),
                ("timezone", "Europe/Berlin"),
                ("venue", "Dresden"),
                ("cfp_opens_at", &at(-90)),
                ("cfp_closes_at", &at(-60)),
                ("registration_opens_at", &at(-40)),
                ("registration_closes_at", &at(-11)),
            ],
        )
        .await?;
    anyhow::ensure!(
        res.status == 303,
        "moving {slug}: {} {}",
        res.status,
        res.body
    );
    Ok(())
}

db_test! {
    async fn personal_data_is_purged_after_the_edition_keeping_counts(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        let api = app.client();
        for slug in ["dd-2030", "dd-2031"] {
            app.create_open_edition(&admin, slug).await?;
            let res = api.api_post(&format!("/api/events/{slug}/registrations"), None, &rusher(1, false)).await?;
            assert_eq!(res.status, 201, "{}", res.body);
        }
        // Both mails, as they may arrive in either order; dd-2030's is the one naming it.
        app.smtp.wait_for_nth("rusher1@example.org", 2).await?;
        let mail = app.smtp.mails_to("rusher1@example.org").into_iter().find(|m| m.subject.contains("dd-2030") || m.text.contains("dd-2030")).expect("dd-2030's mail");
        let manage = mail.link("/register/manage/").expect("manage link");
        let res = admin.post("/dd-2030/manage/registration/purge", &[]).await?;
        assert_eq!(res.status, 409, "purged before the conference");

        end_edition(&admin, "dd-2030").await?;
        end_edition(&admin, "dd-2031").await?;
        let settings = [("hold_hours", "24"), ("offer_hours", "48"), ("privacy_text", ""), ("coc_text", "")];
        let res = admin.post("/dd-2031/manage/registration", &[&settings[..], &[("purge_after_days", "many")]].concat()).await?;
        assert_eq!(res.status, 422);
        // dd-2031 purges itself: 0 days after its end has passed.
        let res = admin.post("/dd-2031/manage/registration", &[&settings[..], &[("purge_after_days", "0")]].concat()).await?;
        assert_eq!(res.status, 303, "{}", res.body);

        // dd-2030 by the button.
        let res = admin.post("/dd-2030/manage/registration/purge", &[]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        assert!(admin.get("/dd-2030/manage/registration").await?.body.contains("Personal data was purged"));
        let list = admin.get("/dd-2030/manage/registrations").await?;
        assert!(!list.body.contains("rusher1@example.org") && !list.body.contains("Rusher 1"), "{}", list.body);
        assert!(list.body.contains("1 / 500"), "the counts went with the data");
        assert!(!admin.get("/dd-2030/manage/registrations.csv").await?.body.contains("example.org"));
        let links_before = app.smtp.mails_to("rusher1@example.org");
        let still_working = links_before.iter().filter_map(|m| m.link("/register/manage/")).filter(|l| l != &manage).count();
        assert!(still_working >= 1, "dd-2031's link is needed below");
        assert_eq!(api.get(&manage).await?.status, 404, "a purged manage link still works");

        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(45);
        loop {
            let list = admin.get("/dd-2031/manage/registrations").await?;
            if !list.body.contains("rusher1@example.org") {
                assert!(admin.get("/dd-2031/manage/registration").await?.body.contains("Personal data was purged"));
                break;
            }
            assert!(std::time::Instant::now() < deadline, "dd-2031 was not purged by the sweep");
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        }
        Ok(())
    }
}

db_test! {
    async fn attendees_say_which_sessions_interest_them(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        let sarah = app.user("sarah@example.org", "Sarah Speaker").await?;
        let talk = submit_proposal(&sarah, "dd-2030", "Rust for the web", "Axum and friends.").await?;
        let draft_only = submit_proposal(&sarah, "dd-2030", "Not accepted", "Still submitted.").await?;
        confirm_proposal(&app, &admin, "dd-2030", &talk, "sarah@example.org").await?;
        let visitor = app.client();
        let form = visitor.get("/dd-2030/register/").await?.body;
        assert!(form.contains("Which sessions interest you?") && form.contains("Rust for the web"));
        assert!(!form.contains("Not accepted"), "only confirmed sessions are offered");
        // The form: ticked sessions are kept; ids of other proposals are ignored.
        let res = visitor.post("/dd-2030/register/", &[
            ("name", "Ina Interested"), ("email", "ina@example.org"), ("consent", "true"),
            ("interests", talk.as_str()), ("interests", draft_only.as_str()),
        ]).await?;
        assert!(res.status == 200 && res.body.contains("Check your mail"), "{}", res.body);
        let api = app.client();
        let res = api.api_post("/api/events/dd-2030/registrations", None, &serde_json::json!({
            "name": "Api Person", "email": "api@example.org", "consent": true, "interests": [talk],
        })).await?;
        assert_eq!(res.status, 201, "{}", res.body);
        let list = admin.get("/dd-2030/manage/registrations").await?.body;
        assert!(list.contains("Interest per session"), "{list}");
        assert!(list.contains("<td>Rust for the web</td><td>2</td>"), "{list}");
        assert!(!list.contains("<td>Not accepted</td>"));
        // The person's own data includes it.
        let mail = app.smtp.wait_for("ina@example.org").await?;
        let manage = mail.link("/register/manage/").expect("manage link");
        let data = visitor.get(&format!("{manage}/data.json")).await?;
        assert_eq!(data.json()["interests"], serde_json::json!(["Rust for the web"]));
        // The manage page shows the choice and changes it with the other answers.
        let page = visitor.get(&manage).await?.body;
        assert!(page.contains(&format!(r#"value="{talk}" checked"#)), "{page}");
        let res = visitor.post(&format!("{manage}/details"), &[("name", "Ina Interested"), ("tshirt", "M")]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let data = visitor.get(&format!("{manage}/data.json")).await?;
        assert_eq!(data.json()["interests"], serde_json::json!([]), "unticked is gone");
        assert!(!admin.get("/dd-2030/manage/registrations").await?.body.contains("<td>Rust for the web</td><td>2</td>"));
        Ok(())
    }
}

db_test! {
    async fn a_lost_confirmation_mail_is_no_dead_end(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        let visitor = app.client();
        visitor.get("/dd-2030/register/").await?;
        let res = visitor.post("/dd-2030/register/", &[("name", "Lou"), ("email", "lou@example.org"), ("consent", "true"), ("tshirt", "M")]).await?;
        assert_eq!(res.status, 200, "{}", res.body);
        app.smtp.wait_for("lou@example.org").await?;
        // The confirmation mail went to spam; registering again mails the manage link,
        // which confirms just as well: it proves the address too.
        visitor.post("/dd-2030/register/", &[("name", "Lou"), ("email", "lou@example.org"), ("consent", "true"), ("tshirt", "M")]).await?;
        let mail = app.smtp.wait_for_nth("lou@example.org", 2).await?;
        let manage = mail.link("/register/manage/").expect("a manage link");
        let page = visitor.get(&manage).await?;
        assert!(page.body.contains("Confirm my registration"), "{}", page.body);
        let res = visitor.post(&format!("{manage}/confirm"), &[]).await?;
        assert!(res.body.contains("You are registered"), "{}", res.body);
        let ticket = app.smtp.wait_for_subject("lou@example.org", "Your ticket").await?;
        assert!(!ticket.images.is_empty(), "the ticket mail carries the QR code");
        let page = visitor.get(&manage).await?;
        assert!(!page.body.contains("Confirm my registration"));
        assert_eq!(visitor.post(&format!("{manage}/confirm"), &[]).await?.status, 404, "confirmed twice");

        // A hold that has run out cannot be confirmed, even before the sweeper (every 30 s)
        // has released it.
        visitor.post("/dd-2030/register/", &[("name", "Max"), ("email", "max@example.org"), ("consent", "true"), ("tshirt", "M")]).await?;
        app.smtp.wait_for("max@example.org").await?;
        visitor.post("/dd-2030/register/", &[("name", "Max"), ("email", "max@example.org"), ("consent", "true"), ("tshirt", "M")]).await?;
        let manage = app.smtp.wait_for_nth("max@example.org", 2).await?.link("/register/manage/").expect("a manage link");
        let mut conn = devday_db::DatabaseUrl::parse(&app.database_url())?.connect()?;
        diesel::connection::SimpleConnection::batch_execute(&mut conn,
            "UPDATE registrations SET held_until = '2000-01-01 00:00:00' WHERE email = 'max@example.org'")?;
        assert_eq!(visitor.post(&format!("{manage}/confirm"), &[]).await?.status, 404, "an expired hold was confirmed");
        Ok(())
    }
}

db_test! {
    async fn everyone_on_the_waiting_list_is_told_the_place_they_hold(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        app.set_conference_capacity(&admin, "dd-2030", "50").await?;
        // 64 at once on two instances of one database: 50 seats, 14 waiting.
        let second = app.second_instance().await?;
        let bases = [app.base.clone(), second.base.clone()];
        let http = app.client().http().clone();
        let mut tasks = Vec::new();
        for n in 0..64 {
            let (http, url) = (http.clone(), format!("{}/api/events/dd-2030/registrations", bases[n % 2]));
            tasks.push(tokio::spawn(async move {
                let res = http.post(&url).json(&rusher(n, true)).send().await?;
                Ok::<_, anyhow::Error>((n, res.status().as_u16(), res.text().await?))
            }));
        }
        let mut told = Vec::new();
        for task in tasks {
            let (n, status, text) = task.await??;
            assert_eq!(status, 201, "{text}");
            let answer: serde_json::Value = serde_json::from_str(&text)?;
            if answer["state"] == "waitlisted" {
                told.push((answer["position"].as_i64().unwrap_or(0), format!("Rusher {n}")));
            }
        }
        told.sort();
        let places: Vec<i64> = told.iter().map(|(p, _)| *p).collect();
        assert_eq!(places, (1..=14).collect::<Vec<i64>>(), "places told: {places:?}");
        // The organisers' list shows them in the order they were told.
        let list = admin.get("/dd-2030/manage/registrations").await?.body;
        for (place, name) in &told {
            assert!(list.contains(&format!("{place}. {name} (")), "{name} was told {place}:\n{list}");
        }
        Ok(())
    }
}

db_test! {
    async fn registration_stays_shut_until_the_privacy_notice_and_code_of_conduct_are_there(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        let empty = [("hold_hours", "24"), ("offer_hours", "48"), ("privacy_text", ""), ("coc_text", "Be kind.")];
        assert_eq!(admin.post("/dd-2030/manage/registration", &empty).await?.status, 303);

        // The window is open, but nobody can agree to a notice that is not there.
        let visitor = app.client();
        let form = visitor.get("/dd-2030/register/").await?.body;
        assert!(form.contains("as soon as the organisers have published the privacy notice") && !form.contains(r#"name="consent""#), "{form}");
        assert!(visitor.get("/dd-2030/").await?.body.contains("Opens soon"));
        let person = serde_json::json!({"name": "Ada", "email": "ada@example.org", "consent": true});
        let res = visitor.api_post("/api/events/dd-2030/registrations", None, &person).await?;
        assert_eq!((res.status, res.json()["type"].as_str()), (409, Some("/problems/registration-closed")), "{}", res.body);

        // Organisers are told why, and can start from devday's templates in their language.
        let settings = admin.get("/dd-2030/manage/registration").await?.body;
        assert!(settings.contains("Registration stays closed"), "{settings}");
        let filled = admin.get("/dd-2030/manage/registration?templates=true").await?.body;
        assert!(filled.contains("## Privacy notice") && filled.contains("Be kind.") && !filled.contains("## Code of conduct"), "only empty texts are filled: {filled}");
        let german = admin.send(admin.http().get(format!("{}/dd-2030/manage/registration?templates=true", app.base)).header("accept-language", "de")).await?.body;
        assert!(german.contains("## Datenschutzhinweis"), "{german}");

        // Saved: registration opens, and the form shows what people agree to.
        let texts = [("hold_hours", "24"), ("offer_hours", "48"), ("privacy_text", "We keep your data safe."), ("coc_text", "Be kind.")];
        assert_eq!(admin.post("/dd-2030/manage/registration", &texts).await?.status, 303);
        let form = visitor.get("/dd-2030/register/").await?.body;
        assert!(form.contains("We keep your data safe.") && form.contains(r#"name="consent""#), "{form}");
        assert_eq!(visitor.api_post("/api/events/dd-2030/registrations", None, &person).await?.status, 201);

        // Each text in both languages: readers get theirs, the other where it is empty. A
        // notice given in German only is enough to open registration.
        let texts = [("hold_hours", "24"), ("offer_hours", "48"), ("privacy_text", ""), ("privacy_text_de", "Wir schützen deine Daten."), ("coc_text", "Be kind."), ("coc_text_de", "")];
        assert_eq!(admin.post("/dd-2030/manage/registration", &texts).await?.status, 303);
        let german = devday_tests::Client::speaking(&app.base, "de").get("/dd-2030/register/").await?.body;
        assert!(german.contains("Wir schützen deine Daten.") && german.contains("Be kind.") && german.contains(r#"name="consent""#), "{german}");
        let english = visitor.get("/dd-2030/register/").await?.body;
        assert!(english.contains("Wir schützen deine Daten.") && english.contains(r#"name="consent""#), "the German notice stands in: {english}");
        let settings = admin.get("/dd-2030/manage/registration").await?.body;
        assert!(settings.contains(r#"name="privacy_text_de""#) && settings.contains("Wir schützen deine Daten.</textarea>"), "{settings}");
        Ok(())
    }
}

db_test! {
    async fn a_state_the_code_does_not_know_is_an_error_not_a_default(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        let url = format!("{}/api/events/dd-2030/registrations", app.base);
        let res = app.client().http().post(&url).json(&rusher(1, false)).send().await?;
        assert_eq!(res.status().as_u16(), 201, "{}", res.text().await?);
        assert_eq!(admin.get("/dd-2030/manage/registrations").await?.status, 200);
        // A word no state has (a bad hand edit, a newer version's state after a rollback):
        // the list must fail loudly, not show the person as held or confirmed.
        let mut conn = devday_db::DatabaseUrl::parse(&app.database_url())?.connect()?;
        let sql = |state: &str| format!("UPDATE registrations SET state = '{state}' WHERE email = 'rusher1@example.org'");
        diesel::connection::SimpleConnection::batch_execute(&mut conn, &sql("on_hold"))?;
        assert_eq!(admin.get("/dd-2030/manage/registrations").await?.status, 500);
        let logged = || app.logs().contains("unknown RegistrationState") && app.logs().contains("on_hold");
        for _ in 0..50 {
            if logged() { break }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert!(logged(), "{}", app.logs());
        diesel::connection::SimpleConnection::batch_execute(&mut conn, &sql("held"))?;
        let page = admin.get("/dd-2030/manage/registrations").await?;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Rusher 1"), "{}", page.body);
        Ok(())
    }
}

db_test! {
    async fn organisers_script_capacity_guests_workshops_and_lists_through_the_api(backend) {
        use devday_shared::i18n::Locale;
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        let now = chrono::Utc::now().naive_utc();
        let at = |h: u32| (now.date() + chrono::Duration::days(120)).and_hms_opt(h, 0, 0).unwrap_or(now).format("%Y-%m-%dT%H:%M").to_string();
        for (name, from, to, cap) in [("Rust workshop", 9, 12, "1"), ("Data workshop", 10, 13, "5"), ("Web workshop", 14, 17, "5")] {
            let res = admin.post("/dd-2030/manage/registration/tickets", &[
                ("name", name), ("kind", "workshop"), ("capacity", cap), ("starts_at", &at(from)), ("ends_at", &at(to)),
            ]).await?;
            assert_eq!(res.status, 303, "{}", res.body);
        }
        let token = devday_tests::flows::api_token(&admin, "script").await?;
        let speaker = app.user("sam@example.org", "Sam").await?;
        let speaker_token = devday_tests::flows::api_token(&speaker, "mine").await?;
        let api = app.client();
        let call = |method: reqwest::Method, path: &str, token: &str, body: Option<serde_json::Value>| {
            let mut req = api.http().request(method, format!("{}{path}", app.base)).bearer_auth(token.to_owned());
            if let Some(body) = body {
                req = req.json(&body);
            }
            api.send(req)
        };

        // Ticket types with their seats; the capacity changes through the API.
        let types = api.api_get("/api/editions/dd-2030/ticket-types", Some(&token)).await?;
        assert_eq!(types.status, 200, "{}", types.body);
        let types = types.json();
        let id_of = |name: &str| types.as_array().and_then(|a| a.iter().find(|t| t["name"] == name)).map(|t| t["id"].as_str().unwrap_or_default().to_owned()).unwrap_or_default();
        let conference = types.as_array().and_then(|a| a.iter().find(|t| t["kind"] == "conference")).map(|t| t["id"].as_str().unwrap_or_default().to_owned()).unwrap_or_default();
        let (rust, data, web) = (id_of("Rust workshop"), id_of("Data workshop"), id_of("Web workshop"));
        assert!(!conference.is_empty() && !rust.is_empty(), "{types}");
        assert_eq!(api.api_get("/api/editions/dd-2030/ticket-types", Some(&speaker_token)).await?.status, 403);
        let path = format!("/api/editions/dd-2030/ticket-types/{conference}");
        let res = call(reqwest::Method::PATCH, &path, &token, Some(serde_json::json!({"capacity": 0}))).await?;
        assert_eq!(res.status, 400, "{}", res.body);
        let res = call(reqwest::Method::PATCH, &path, &speaker_token, Some(serde_json::json!({"capacity": 2}))).await?;
        assert_eq!(res.status, 403, "{}", res.body);
        let res = call(reqwest::Method::PATCH, &path, &token, Some(serde_json::json!({"capacity": 2}))).await?;
        assert_eq!(res.status, 200, "{}", res.body);
        assert_eq!((res.json()["capacity"].as_i64(), res.json()["free"].as_i64()), (Some(2), Some(2)), "{}", res.body);

        // Two registered, one waits; the list and its filters, the waiting list in order.
        let mut builder = devday_tests::builders::Builder::new(&app)?;
        builder.attendee("dd-2030", "Ana", "ana@example.org", Locale::En)?;
        builder.attendee("dd-2030", "Cy", "cy@example.org", Locale::De)?;
        let res = api.api_post("/api/events/dd-2030/registrations", None,
            &serde_json::json!({"name": "Dee", "email": "dee@example.org", "consent": true, "waitlist": true})).await?;
        assert_eq!(res.json()["position"], 1, "{}", res.body);
        let res = call(reqwest::Method::PATCH, &path, &token, Some(serde_json::json!({"capacity": 1}))).await?;
        assert_eq!(res.status, 409, "never below the seats taken: {}", res.body);
        let waiting = api.api_get(&format!("{path}/waitlist"), Some(&token)).await?.json();
        assert_eq!((waiting[0]["name"].as_str(), waiting[0]["state"].as_str()), (Some("Dee"), Some("waiting")), "{waiting}");
        let all = api.api_get("/api/editions/dd-2030/registrations", Some(&token)).await?.json();
        assert_eq!(all.as_array().map(Vec::len), Some(2), "{all}");
        assert_eq!(all[0]["tickets"], serde_json::json!([conference]), "{all}");
        let found = api.api_get("/api/editions/dd-2030/registrations?q=ANA&state=confirmed", Some(&token)).await?.json();
        assert_eq!(found.as_array().map(|a| a.iter().map(|r| r["email"].clone()).collect::<Vec<_>>()), Some(vec![serde_json::json!("ana@example.org")]));
        assert_eq!(api.api_get("/api/editions/dd-2030/registrations?state=gone", Some(&token)).await?.status, 400);

        // A guest: confirmed at once beyond the public capacity, with the ticket mail.
        let res = api.api_post("/api/editions/dd-2030/registrations", Some(&token),
            &serde_json::json!({"name": "Grace", "email": "grace@example.org", "workshops": [rust]})).await?;
        assert_eq!(res.status, 201, "{}", res.body);
        let grace = res.json();
        assert_eq!((grace["state"].as_str(), grace["tickets"].clone()), (Some("confirmed"), serde_json::json!([conference, rust])), "{grace}");
        app.smtp.wait_for("grace@example.org").await?;
        let again = api.api_post("/api/editions/dd-2030/registrations", Some(&token), &serde_json::json!({"name": "Grace", "email": "grace@example.org"})).await?;
        assert_eq!(again.status, 409, "{}", again.body);
        let bad = api.api_post("/api/editions/dd-2030/registrations", Some(&token), &serde_json::json!({"name": "", "email": "nope"})).await?;
        assert_eq!(bad.status, 422, "{}", bad.body);
        assert!(bad.json()["errors"]["email"].is_array() && bad.json()["errors"]["name"].is_array(), "{}", bad.body);

        // Workshops set all or nothing: an overlap changes nothing, then Rust → Data and Web.
        let grace_path = format!("/api/editions/dd-2030/registrations/{}", grace["id"].as_str().unwrap_or_default());
        let res = call(reqwest::Method::PUT, &format!("{grace_path}/workshops"), &token, Some(serde_json::json!({"workshops": [rust, data]}))).await?;
        assert_eq!(res.status, 409, "{}", res.body);
        assert_eq!(api.api_get(&grace_path, Some(&token)).await?.json()["tickets"], serde_json::json!([conference, rust]));
        let res = call(reqwest::Method::PUT, &format!("{grace_path}/workshops"), &token, Some(serde_json::json!({"workshops": [data, web]}))).await?;
        assert_eq!(res.status, 200, "{}", res.body);
        assert_eq!(res.json()["tickets"], serde_json::json!([conference, data, web]), "{}", res.body);
        let res = call(reqwest::Method::PUT, &format!("{grace_path}/workshops"), &token, Some(serde_json::json!({"workshops": [conference]}))).await?;
        assert_eq!(res.status, 404, "the conference is not a workshop: {}", res.body);

        // Cancelling frees a seat, which Grace's ticket beyond the capacity still uses; more
        // room goes to the waiting list at once.
        let ana = all[0]["id"].as_str().unwrap_or_default().to_owned();
        let res = call(reqwest::Method::POST, &format!("/api/editions/dd-2030/registrations/{ana}/cancel"), &token, None).await?;
        assert_eq!((res.status, res.json()["state"].as_str()), (200, Some("cancelled")), "{}", res.body);
        app.smtp.wait_for_subject("ana@example.org", "Your registration for Edition dd-2030 was cancelled").await?;
        let waiting = api.api_get(&format!("{path}/waitlist"), Some(&token)).await?.json();
        assert_eq!(waiting[0]["state"].as_str(), Some("waiting"), "{waiting}");
        let res = call(reqwest::Method::PATCH, &path, &token, Some(serde_json::json!({"capacity": 3}))).await?;
        assert_eq!(res.status, 200, "{}", res.body);
        app.smtp.wait_for_subject("dee@example.org", "A place for you at Edition dd-2030").await?;
        let waiting = api.api_get(&format!("{path}/waitlist"), Some(&token)).await?.json();
        assert_eq!(waiting[0]["state"].as_str(), Some("offered"), "{waiting}");
        let res = call(reqwest::Method::POST, &format!("/api/editions/dd-2030/registrations/{ana}/cancel"), &token, None).await?;
        assert_eq!(res.status, 409, "{}", res.body);

        // Check-in lists: the entrance, and one for a workshop's door.
        let lists = api.api_get("/api/editions/dd-2030/checkin-lists", Some(&token)).await?.json();
        assert_eq!(lists.as_array().map(Vec::len), Some(1), "{lists}");
        let res = api.api_post("/api/editions/dd-2030/checkin-lists", Some(&token),
            &serde_json::json!({"name": "Rust room", "name_de": "Rust-Raum", "slug": "rust", "ticket_types": [rust]})).await?;
        assert_eq!(res.status, 201, "{}", res.body);
        assert_eq!(res.json()["ticket_types"], serde_json::json!([rust]), "{}", res.body);
        let res = api.api_post("/api/editions/dd-2030/checkin-lists", Some(&token),
            &serde_json::json!({"name": "Again", "slug": "rust", "ticket_types": [rust]})).await?;
        assert_eq!(res.status, 422, "{}", res.body);
        // The OpenAPI document describes all of it.
        let doc = api.api_get("/api/openapi.json", None).await?.json();
        for path in ["/api/editions/{edition}/ticket-types/{id}", "/api/editions/{edition}/registrations/{id}/workshops", "/api/editions/{edition}/checkin-lists"] {
            assert!(doc["paths"][path].is_object(), "{path} not documented");
        }
        Ok(())
    }
}

/// Saves the edition's settings form as it stands with `changes` made, as an organiser does.
async fn save_edition_settings(
    app: &TestApp,
    organiser: &devday_tests::Client,
    slug: &str,
    changes: &[(&str, &str)],
) -> anyhow::Result<devday_tests::web::Resp> {
    let edition = devday_tests::builders::Builder::new(app)?.edition(slug)?;
    let form = serde_json::to_value(devday_shared::editions::EditionForm::from_edition(&edition))?;
    let mut fields: Vec<(String, String)> = form
        .as_object()
        .into_iter()
        .flatten()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned()))
        .filter(|(k, _)| !changes.iter().any(|(c, _)| c == k))
        .collect();
    fields.extend(
        changes
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
    );
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    organiser
        .post(&format!("/{slug}/manage/settings"), &pairs)
        .await
}

db_test! {
    async fn a_hybrid_edition_streams_to_registered_people_and_counts_who_watched(backend) {
        use devday_shared::i18n::Locale;
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        // The organiser makes it hybrid, its streams for registered people only.
        let res = save_edition_settings(&app, &admin, "dd-2030", &[("format", "moon")]).await?;
        assert_eq!(res.status, 422, "an unknown format is refused");
        let res = save_edition_settings(&app, &admin, "dd-2030", &[("format", "hybrid"), ("streams", "registered")]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let visitor = app.client();
        let front = visitor.get("/dd-2030/").await?.body;
        assert!(front.contains("On site and online"), "{front}");

        // Online tickets beside the seats in the room: one kind per edition.
        let online = [("name", "Online"), ("name_de", "Online"), ("kind", "online"), ("capacity", "1")];
        assert_eq!(admin.post("/dd-2030/manage/registration/tickets", &online).await?.status, 303);
        let twice = admin.post("/dd-2030/manage/registration/tickets", &online).await?;
        assert!(twice.status == 422 && twice.body.contains("There are online tickets already"), "{}", twice.body);
        let form = visitor.get("/dd-2030/register/").await?.body;
        assert!(form.contains("How will you take part?") && form.contains("name=\"online\" value=\"true\""), "{form}");
        // Only an online ticket may go without a capacity.
        let no_capacity = [("name", "Rust workshop"), ("kind", "workshop"), ("capacity", ""), ("starts_at", "2030-01-01T09:00"), ("ends_at", "2030-01-01T12:00")];
        assert_eq!(admin.post("/dd-2030/manage/registration/tickets", &no_capacity).await?.status, 422);
        let workshop = [("name", "Rust workshop"), ("kind", "workshop"), ("capacity", "5"), ("starts_at", "2030-01-01T09:00"), ("ends_at", "2030-01-01T12:00")];
        let res = admin.post("/dd-2030/manage/registration/tickets", &workshop).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let token = devday_tests::flows::api_token(&admin, "script").await?;
        let types = app.client().api_get("/api/editions/dd-2030/ticket-types", Some(&token)).await?.json();
        let id_of = |kind: &str| types.as_array().and_then(|a| a.iter().find(|t| t["kind"] == kind)).and_then(|t| t["id"].as_str()).unwrap_or_default().to_owned();
        let (online_id, rust) = (id_of("online"), id_of("workshop"));
        let res = visitor.post("/dd-2030/register/", &[("name", "Olli"), ("email", "olli@example.org"), ("consent", "true"), ("online", "true"), ("workshops", &rust)]).await?;
        assert!(res.status == 422 && res.body.contains("Workshops are on site only"), "{}", res.body);
        let res = visitor.post("/dd-2030/register/", &[("name", "Olli"), ("email", "olli@example.org"), ("consent", "true"), ("online", "true")]).await?;
        assert_eq!(res.status, 200, "{}", res.body);
        // The one online place is gone; a seat in the room is still free.
        let full = app.client().api_post("/api/events/dd-2030/registrations", None, &serde_json::json!({"name": "Pia", "email": "pia@example.org", "consent": true, "online": true})).await?;
        assert_eq!(full.status, 409, "{}", full.body);
        let seat = app.client().api_post("/api/events/dd-2030/registrations", None, &serde_json::json!({"name": "Pia", "email": "pia@example.org", "consent": true})).await?;
        assert_eq!(seat.status, 201, "{}", seat.body);
        let held = app.client().api_get("/api/editions/dd-2030/registrations?q=olli", Some(&token)).await?.json();
        assert_eq!(held[0]["tickets"], serde_json::json!([online_id]), "{held}");
        // Olli confirms. Watching online frees no seat and needs no badge: a reconfirmation
        // round would not ask him, and the badges leave him out.
        let mail = app.smtp.wait_for("olli@example.org").await?;
        let res = visitor.post(&mail.link("/register/confirm/").expect("confirm link"), &[]).await?;
        assert!(res.status < 400, "{}", res.body);

        for (name, stream) in [("Saal 1", "https://stream.example.org/saal-1"), ("Saal 2", "")] {
            let res = admin.post("/dd-2030/manage/schedule/rooms", &[("name", name), ("capacity", "100"), ("stream_url", stream)]).await?;
            assert_eq!(res.status, 303, "{}", res.body);
        }
        let mut builder = devday_tests::builders::Builder::new(&app)?;
        let sessions = builder.programme("dd-2030", &[("ada@example.org", "Typed states", "Saal 1", "09:00")], "Version 1")?;
        // The public session page names the stream but does not give it away.
        let page = visitor.get(&format!("/dd-2030/schedule/sessions/{}", sessions[0].id)).await?.body;
        assert!(page.contains("Live stream for registered people") && !page.contains("stream.example.org"), "{page}");

        // A registered person finds it on their page; opening it counts them, once.
        let ana = builder.attendee("dd-2030", "Ana", "ana@example.org", Locale::En)?;
        let noshows = admin.get("/dd-2030/manage/registration/reconfirm").await?.body;
        assert!(noshows.contains("One person with a confirmed seat gets the mail"), "Ana, not Olli: {noshows}");
        if let Some(pdftotext) = devday_tests::validator("pdftotext") {
            let pdf = admin.http().get(format!("{}/dd-2030/manage/badges.pdf", app.base)).send().await?.bytes().await?;
            let file = std::env::temp_dir().join(format!("devday-hybrid-{}.pdf", uuid::Uuid::new_v4()));
            std::fs::write(&file, &pdf)?;
            let out = std::process::Command::new(pdftotext).arg(&file).arg("-").output()?;
            std::fs::remove_file(&file).ok();
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(text.contains("Ana") && !text.contains("Olli"), "{text}");
        }
        let manage = visitor.get(&ana.manage_link()).await?.body;
        assert!(manage.contains("Watch live") && !manage.contains("stream.example.org"), "{manage}");
        let watch = devday_tests::capture(r#"href="([^"]+/watch/[^"]+)""#, &manage.replace("&#x2F;", "/"));
        assert_eq!(watch.matches("/watch/").count(), 1, "only the room that streams: {watch}");
        let res = visitor.get(&watch).await?;
        assert_eq!((res.status, res.location()), (303, Some("https://stream.example.org/saal-1")));
        let report = admin.get("/dd-2030/manage/report").await?.body;
        assert!(report.contains("Watched a live stream"), "{report}");
        let mut conn = devday_db::DatabaseUrl::parse(&app.database_url())?.connect()?;
        let watched = |conn: &mut devday_db::DbConn| -> anyhow::Result<Vec<Option<chrono::NaiveDateTime>>> {
            use diesel::prelude::*;
            use devday_db::schema::registrations::dsl as r;
            Ok(r::registrations.select(r::watched_at).order(r::watched_at.desc()).load(conn)?)
        };
        let first = watched(&mut conn)?;
        assert_eq!(first.iter().filter(|w| w.is_some()).count(), 1, "Ana alone watched: {first:?}");
        visitor.get(&watch).await?;
        assert_eq!(watched(&mut conn)?, first, "the first time is kept");
        // Their own programme has the same links.
        let programme = devday_tests::capture(r#"class="programme-card" href="([^"]+)""#, &manage).replace("&#x2F;", "/");
        let own = visitor.get(&programme).await?.body;
        let from_programme = devday_tests::capture(r#"href="([^"]+/watch/[^"]+)""#, &own.replace("&#x2F;", "/"));
        assert_eq!(visitor.get(&from_programme).await?.status, 303, "{own}");
        // A session streamed on a channel of its own: set beside its recording link (an
        // http address is refused and changes nothing), it is a watch link of its own.
        let links = format!("/dd-2030/manage/schedule/recordings/{}", sessions[0].id);
        let refused = admin.post(&links, &[("url", ""), ("stream", "http://stream.example.org/typed")]).await?;
        assert_eq!(refused.status, 422, "{}", refused.body);
        assert!(!visitor.get(&ana.manage_link()).await?.body.contains("▶ Typed states"));
        assert_eq!(admin.post(&links, &[("url", ""), ("stream", "https://stream.example.org/typed")]).await?.status, 303);
        let recordings = admin.get("/dd-2030/manage/schedule/recordings").await?.body.replace("&#x2F;", "/");
        assert!(recordings.contains(r#"value="https://stream.example.org/typed""#), "{recordings}");
        let manage = visitor.get(&ana.manage_link()).await?.body.replace("&#x2F;", "/");
        let own_stream = devday_tests::capture(&format!(r#"href="([^"]+/watch/{})""#, sessions[0].id), &manage);
        assert!(manage.contains("▶ Typed states"), "{manage}");
        assert_eq!(visitor.get(&own_stream).await?.location(), Some("https://stream.example.org/typed"));
        let page = visitor.get(&format!("/dd-2030/schedule/sessions/{}", sessions[0].id)).await?.body;
        assert!(page.contains("Live stream for registered people") && !page.contains("stream.example.org"), "{page}");
        // Another room, a made-up one or a cancelled registration: nothing to watch.
        let other = watch.rsplit_once('/').map(|(base, _)| format!("{base}/not-a-room")).unwrap_or_default();
        assert_eq!(visitor.get(&other).await?.status, 404);
        let res = admin.post(&format!("/dd-2030/manage/registrations/{}/cancel", ana.registration_id), &[]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        assert_eq!(visitor.get(&watch).await?.status, 404);
        assert!(!visitor.get(&ana.manage_link()).await?.body.contains("Watch live"));

        // Remote: no venue on the front page, no check-in in the organisers' navigation.
        assert_eq!(save_edition_settings(&app, &admin, "dd-2030", &[("format", "remote")]).await?.status, 303);
        let front = visitor.get("/dd-2030/").await?.body;
        assert!(front.contains(">Online<") && !front.contains("class=\"venue\""), "{front}");
        let nav = admin.get("/dd-2030/manage/").await?.body;
        assert!(!nav.contains("/dd-2030/manage/checkin\""), "{nav}");
        // Nor a door: the dashboard has no check-in panel, and the door's pages say why
        // instead of offering a scanner, a badge desk or badges for nobody.
        assert!(!nav.contains("Checked in"), "{nav}");
        for door in ["/dd-2030/manage/checkin", "/dd-2030/staff/", "/dd-2030/staff/scanner", "/dd-2030/staff/badges", "/dd-2030/manage/badges.pdf"] {
            let page = admin.get(door).await?;
            assert_eq!(page.status, 200, "{door}");
            assert!(page.body.contains("No door for an online edition"), "{door}: {}", page.body);
        }
        assert_eq!(save_edition_settings(&app, &admin, "dd-2030", &[("format", "hybrid")]).await?.status, 303);
        // Back on site, the door is there again.
        assert!(!admin.get("/dd-2030/manage/checkin").await?.body.contains("No door"));
        assert!(admin.get("/dd-2030/manage/").await?.body.contains("Checked in"));
        Ok(())
    }
}

db_test! {
    async fn registrations_from_one_address_are_limited_on_every_instance(backend) {
        let mut app = TestApp::builder(backend)
            .env("DEVDAY_SECURITY_REGISTRATION_PER_MINUTE", "3")
            .spawn()
            .await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        let register = |n: usize| serde_json::json!({"name": format!("P{n}"), "email": format!("p{n}@example.org"), "consent": true});
        // On PostgreSQL, two instances take turns: the counter is the one they share.
        let second = match backend {
            devday_tests::Backend::Postgres => Some(app.second_instance().await?),
            devday_tests::Backend::Sqlite => None,
        };
        let bases = [app.base.clone(), second.as_ref().map_or(app.base.clone(), |s| s.base.clone())];
        let mut statuses = Vec::new();
        for n in 0..4 {
            let client = devday_tests::Client::new(&bases[n % 2]);
            let res = client.api_post("/api/events/dd-2030/registrations", None, &register(n)).await?;
            if res.status == 429 {
                assert!(res.header("retry-after").is_some(), "{:?}", res.body);
            }
            statuses.push(res.status);
        }
        assert_eq!(statuses, [201, 201, 201, 429], "three a minute per address");
        // The refused one wrote nothing.
        let list = admin.get("/dd-2030/manage/registrations").await?.body;
        assert!(list.contains("p2@example.org") && !list.contains("p3@example.org"), "{list}");
        Ok(())
    }
}
