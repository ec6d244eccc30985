//! Review end to end: settings, automatic distribution, anonymised reviewing, conflicts,
//! the numbers, bulk decisions, decision mails (once), confirmation and the waiting list.

use devday_tests::flows::submit_proposal as submit;
use devday_tests::{capture, db_test, Client, TestApp};

/// The score fields of a review form, in order (a radio group each, named once here).
fn score_fields(html: &str) -> Vec<String> {
    let mut names: Vec<String> = regex::Regex::new(r#"name="(s_[0-9a-f-]{36})""#)
        .map(|re| re.captures_iter(html).map(|c| c[1].to_owned()).collect())
        .unwrap_or_default();
    names.dedup();
    names
}

async fn review(
    client: &Client,
    slug: &str,
    id: &str,
    score: &str,
    comment: &str,
    note: &str,
) -> anyhow::Result<u16> {
    let form = client.get(&format!("/{slug}/review/{id}")).await?;
    anyhow::ensure!(form.status == 200, "review form: {}", form.status);
    let fields = score_fields(&form.body);
    let mut body: Vec<(&str, &str)> = fields.iter().map(|f| (f.as_str(), score)).collect();
    body.extend([
        ("comment", comment),
        ("speaker_note", note),
        ("action", "save"),
    ]);
    Ok(client
        .post(&format!("/{slug}/review/{id}"), &body)
        .await?
        .status)
}

db_test! {
    async fn the_committee_reviews_anonymously_and_organisers_decide(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        let mut reviewers = Vec::new();
        for (email, name) in [("r1@example.org", "Rev One"), ("r2@example.org", "Rev Two"), ("r3@example.org", "Rev Three")] {
            let client = app.user(email, name).await?;
            app.invite(&admin, "dd-2030", &client, email, "reviewer").await?;
            reviewers.push(client);
        }
        let sarah = app.user("sarah.secret@example.org", "Sarah Secret").await?;
        let tom = app.user("tom.hidden@example.org", "Tom Hidden").await?;
        let p1 = submit(&sarah, "dd-2030", "Proposal One", "An abstract without names.").await?;
        let p2 = submit(&tom, "dd-2030", "Proposal Two", "Another abstract.").await?;
        let p3 = submit(&reviewers[2], "dd-2030", "Proposal Three", "By a reviewer.").await?;

        let res = admin.post("/dd-2030/manage/review", &[
            ("anonymised", "true"), ("comment_required", "true"), ("reviews_per_proposal", "2"),
        ]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let res = admin.post("/dd-2030/manage/review/distribute", &[]).await?;
        let said = admin.get(res.location().unwrap_or_default()).await?.body;
        assert!(said.contains("6 assignments added"), "{said}");
        // Each reviewer hears of the round once, with how many are new, and the queue.
        for email in ["r1@example.org", "r2@example.org", "r3@example.org"] {
            let told = app.smtp.wait_for_subject(email, "2 new proposals to review for Edition dd-2030").await?;
            assert!(told.text.contains("2 more proposals for Edition dd-2030 are yours to review; 2 are waiting") && told.link("/dd-2030/review/").is_some(), "{}", told.text);
            assert!(!told.text.contains("Sarah") && !told.text.contains("Proposal One"), "the digest names what anonymity hides");
        }

        // A reviewer never reviews their own proposal, even when assigned by hand.
        let page = admin.get("/dd-2030/manage/review").await?;
        let r3_id = regex::Regex::new(r#"<option value="([0-9a-f-]{36})">Rev Three</option>"#)?
            .captures(&page.body).map(|c| c[1].to_owned()).expect("Rev Three in the list");
        let res = admin.post("/dd-2030/manage/review/assign", &[("reviewer_id", &r3_id), ("proposal_id", &p3)]).await?;
        assert_eq!(res.status, 409);
        assert_eq!(reviewers[2].get(&format!("/dd-2030/review/{p3}")).await?.status, 404);

        // Anonymised: no page a reviewer sees names the speakers.
        for r in &reviewers {
            let queue = r.get("/dd-2030/review/").await?;
            assert!(queue.body.contains("of 2 assigned"), "{}", queue.body);
            let next = r.get("/dd-2030/review/next").await?;
            let form = r.get(next.location().unwrap_or_default()).await?;
            for page in [&queue.body, &form.body] {
                for secret in ["Sarah", "sarah.secret@", "Tom Hidden", "tom.hidden@"] {
                    assert!(!page.contains(secret), "{secret} shown to a reviewer");
                }
            }
        }

        // Scores: missing ones and a missing required comment are refused.
        let r1 = &reviewers[0];
        let res = r1.post(&format!("/dd-2030/review/{p1}"), &[("comment", ""), ("action", "save")]).await;
        let status = res?.status;
        assert!(status == 422 || status == 404, "{status}");
        let assigned_p1: Vec<&Client> = {
            let mut v = Vec::new();
            for r in &reviewers {
                if r.get(&format!("/dd-2030/review/{p1}")).await?.status == 200 { v.push(r); }
            }
            v
        };
        assert_eq!(assigned_p1.len(), 2, "P1 should have two reviewers");
        assert_eq!(review(assigned_p1[0], "dd-2030", &p1, "3", "", "").await?, 422, "comment required");
        assert_eq!(review(assigned_p1[0], "dd-2030", &p1, "3", "Strong.", "Great topic!").await?, 303);
        assert_eq!(review(assigned_p1[1], "dd-2030", &p1, "1", "Weak.", "").await?, 303);
        // "Save and next" leads on and says so: the next proposal, or back to the list.
        let fields = score_fields(&assigned_p1[1].get(&format!("/dd-2030/review/{p1}")).await?.body);
        let mut body: Vec<(&str, &str)> = fields.iter().map(|f| (f.as_str(), "1")).collect();
        body.extend([("comment", "Weak."), ("action", "next")]);
        let res = assigned_p1[1].post(&format!("/dd-2030/review/{p1}"), &body).await?;
        let to = res.location().unwrap_or_default().to_owned();
        let said = assigned_p1[1].get(&to).await?.body;
        if to == "/dd-2030/review/" {
            assert!(said.contains("That was the last proposal waiting for you"), "{said}");
        } else {
            assert!(to.starts_with("/dd-2030/review/") && said.contains("Review saved. Here is the next proposal."), "{to}: {said}");
        }
        // Scores are one click each: radios, not dropdowns.
        assert!(said.contains(r#"type="radio""#) || to == "/dd-2030/review/", "{said}");
        // Others' reviews show only after one's own (the default).
        let form = assigned_p1[1].get(&format!("/dd-2030/review/{p1}")).await?;
        assert!(form.body.contains("Strong."), "own review written, others not shown");
        assert_eq!(app.smtp.mails_to("r1@example.org").iter().filter(|m| m.subject.contains("to review")).count(), 1, "one mail per round, not per proposal");

        // Speakers never see reviews.
        let own = sarah.get(&format!("/dd-2030/cfp/proposals/{p1}")).await?;
        assert!(!own.body.contains("Strong.") && !own.body.contains("Weak."));
        assert_eq!(sarah.get("/dd-2030/manage/review/dashboard").await?.status, 403);

        // A declared conflict removes the proposal for good.
        let p2_reviewer = {
            let mut found = None;
            for r in &reviewers {
                if r.get(&format!("/dd-2030/review/{p2}")).await?.status == 200 { found = Some(r); break; }
            }
            found.expect("P2 has a reviewer")
        };
        assert_eq!(p2_reviewer.post(&format!("/dd-2030/review/{p2}/conflict"), &[]).await?.status, 303);
        assert_eq!(p2_reviewer.get(&format!("/dd-2030/review/{p2}")).await?.status, 404);

        // The numbers: mean (3 + 1) / 2 = 2, spread 2, two reviews of two assigned.
        let dash = admin.get("/dd-2030/manage/review/dashboard").await?;
        let row = dash.body.split("<tr>").find(|r| r.contains("Proposal One")).unwrap_or_default();
        let cells: Vec<&str> = row
            .split("<td>")
            .skip(3)
            .take(4)
            .map(|c| c.split("</td>").next().unwrap_or_default().trim())
            .collect();
        assert_eq!(cells, vec!["2", "2", "2 / 2", "2"], "mean, median, count, spread");

        // Decide in bulk: accept P1 and P3, waiting list for P2; then mail once.
        let res = admin.post("/dd-2030/manage/review/decide", &[("ids", &p1), ("ids", &p3), ("decision", "accept")]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        // The next page says what happened, once, and in the reader's words.
        let said = admin.get(res.location().unwrap_or_default()).await?.body;
        assert!(said.contains("2 proposals accepted. The speakers hear of it when you send the decision mails."), "{said}");
        let again = admin.get(res.location().unwrap_or_default()).await?.body;
        assert!(!again.contains("2 proposals accepted."), "a reload repeated the message");
        admin.post("/dd-2030/manage/review/decide", &[("ids", &p2), ("decision", "waitlist")]).await?;
        // Deciding shows accepted against the slots planned per session type (Talk: 3).
        let settings = admin.get("/dd-2030/manage/cfp").await?.body;
        let talk = capture(r#"/dd-2030/manage/cfp/types/([0-9a-f-]{36})""#, &settings);
        let res = admin.post(&format!("/dd-2030/manage/cfp/types/{talk}"), &[
            ("name", "Talk"), ("name_de", "Vortrag"), ("duration_minutes", "45"), ("position", "0"), ("slots", "3"),
        ]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let dash = admin.get("/dd-2030/manage/review/dashboard").await?.body;
        assert!(dash.contains("2 / 3") && dash.contains("1 slot free"), "{dash}");
        // The decision mails wait on the same page, with their count.
        assert!(dash.contains("2 decision mails waiting") && dash.contains("Send 2 mails"), "{dash}");
        // Without JavaScript, "select all shown" checks every shown row.
        let all = admin.get("/dd-2030/manage/review/dashboard?state=accepted&select=all").await?.body;
        assert_eq!(all.matches(r#"name="ids""#).count(), 2, "{all}");
        assert_eq!(all.matches(" checked>").count(), 2, "{all}");
        // Until the mails go out, speakers see no decision, nor the organisers' history.
        let before = sarah.get(&format!("/dd-2030/cfp/proposals/{p1}")).await?;
        assert!(before.body.contains("Submitted") && !before.body.contains("Accepted"), "a decision leaked early");
        assert!(!before.body.contains("decided"));
        assert!(!sarah.get("/speaker/proposals").await?.body.contains("Accepted"));
        // A preview first: who is told what, and how many mails; nothing is sent by looking.
        let preview = admin.get("/dd-2030/manage/review/notify").await?.body;
        assert!(preview.contains("Send 2 mails") && preview.contains("Proposal One") && preview.contains("Proposal Three"), "{preview}");
        assert!(!preview.contains("Proposal Two"), "the waiting list is not a decision to mail");
        let res = admin.post("/dd-2030/manage/review/notify", &[]).await?;
        let said = admin.get(res.location().unwrap_or_default()).await?.body;
        assert!(said.contains("The speakers of 2 proposals are being told the decision."), "{said}");
        let accepted = app.smtp.wait_for_subject("sarah.secret@example.org", "Accepted").await?;
        assert!(accepted.subject.starts_with("Accepted"), "{}", accepted.subject);
        assert!(accepted.text.contains("Great topic!"), "the speaker note is missing");
        assert!(!accepted.text.contains("Rev One") && !accepted.text.contains("Rev Two"));
        assert!(admin.get("/dd-2030/manage/review/notify").await?.body.contains("Every decision has been mailed."));
        let res = admin.post("/dd-2030/manage/review/notify", &[]).await?;
        let said = admin.get(res.location().unwrap_or_default()).await?.body;
        assert!(said.contains("No decision was waiting to be mailed."), "a decision was mailed twice: {said}");
        assert!(sarah.get(&format!("/dd-2030/cfp/proposals/{p1}")).await?.body.contains("Accepted"));

        // Sarah confirms; the reviewer-speaker declines and the waiting list comes up.
        let link = accepted.link("/cfp/respond/").expect("confirm link");
        let res = app.client().post(&link, &[("answer", "confirm")]).await?;
        assert_eq!(res.status, 200);
        assert_eq!(app.client().post(&link, &[("answer", "decline")]).await?.status, 404, "a used link worked again");
        let r3_mail = app.smtp.wait_for_subject("r3@example.org", "Accepted").await?;
        let res = app.client().post(&r3_mail.link("/cfp/respond/").expect("link"), &[("answer", "decline")]).await?;
        assert_eq!(res.status, 200);
        let dash = admin.get("/dd-2030/manage/review/dashboard").await?;
        assert!(dash.body.contains("Next on the waiting list: Proposal Two"), "{}", dash.body);
        let detail = admin.get(&format!("/dd-2030/manage/proposals/{p1}")).await?;
        assert!(detail.body.contains("Confirmed"));
        // Decided for good, the reviewers still read what they wrote, read-only.
        let mine = assigned_p1[0].get(&format!("/dd-2030/review/{p1}")).await?;
        assert_eq!(mine.status, 200, "a reviewer lost their review: {}", mine.body);
        assert!(mine.body.contains("Strong.") && mine.body.contains("This proposal is decided (Confirmed)"), "{}", mine.body);
        assert!(mine.body.contains("<fieldset class=\"review-fields\" disabled>") && !mine.body.contains("value=\"next\""), "{}", mine.body);
        assert_eq!(review(assigned_p1[0], "dd-2030", &p1, "1", "Changed my mind.", "").await?, 409, "a decided review changed");
        let queue = assigned_p1[0].get("/dd-2030/review/").await?.body;
        let decided = queue.split("<h2>Decided</h2>").nth(1).unwrap_or_default();
        assert!(decided.contains("Proposal One") && decided.contains("Confirmed"), "{queue}");
        Ok(())
    }
}

db_test! {
    async fn the_review_api_hides_what_the_settings_hide(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        let token_of = |body: &str| regex::Regex::new(r#"id="new-token">([^<]+)<"#).ok()
            .and_then(|re| re.captures(body).map(|c| c[1].to_owned())).unwrap_or_default();
        let r1 = app.user("r1@example.org", "Rev One").await?;
        app.invite(&admin, "dd-2030", &r1, "r1@example.org", "reviewer").await?;
        let r2 = app.user("r2@example.org", "Rev Two").await?;
        app.invite(&admin, "dd-2030", &r2, "r2@example.org", "reviewer").await?;
        let speaker = app.user("secret.speaker@example.org", "Secret Speaker").await?;
        let p = submit(&speaker, "dd-2030", "API reviewed", "Text.").await?;
        admin.post("/dd-2030/manage/review", &[("anonymised", "true"), ("hide_reviewer_names", "true"), ("reviews_per_proposal", "2")]).await?;
        admin.post("/dd-2030/manage/review/distribute", &[]).await?;
        let t1 = token_of(&r1.post("/account/tokens", &[("name", "api")]).await?.body);
        let t2 = token_of(&r2.post("/account/tokens", &[("name", "api")]).await?.body);
        let admin_token = token_of(&admin.post("/account/tokens", &[("name", "api")]).await?.body);
        let speaker_token = token_of(&speaker.post("/account/tokens", &[("name", "api")]).await?.body);
        let api = app.client();

        // Category ids come from the form.
        let form = r1.get(&format!("/dd-2030/review/{p}")).await?;
        let fields = score_fields(&form.body);
        let scores: serde_json::Map<String, serde_json::Value> = fields.iter().map(|f| (f.trim_start_matches("s_").to_owned(), 2.into())).collect();
        let put = |token: &str, body: serde_json::Value| {
            api.http().put(format!("{}/api/editions/dd-2030/proposals/{p}/review", app.base)).bearer_auth(token.to_owned()).json(&body)
        };
        let res = api.send(put(&t1, serde_json::json!({"scores": {}, "comment": "x"}))).await?;
        assert_eq!(res.status, 422, "{}", res.body);
        let res = api.send(put(&t1, serde_json::json!({"scores": scores, "comment": "From one"}))).await?;
        assert_eq!(res.status, 200, "{}", res.body);
        let res = api.send(put(&t2, serde_json::json!({"scores": scores, "comment": "From two"}))).await?;
        assert_eq!(res.status, 200);
        let seen = res.json();
        assert_eq!(seen.as_array().map(Vec::len), Some(2));
        for review in seen.as_array().into_iter().flatten() {
            if review["comment"] == "From one" {
                assert!(review["reviewer"].is_null(), "a hidden reviewer name leaked");
            }
        }
        let text = res.body.clone();
        assert!(!text.contains("Secret Speaker") && !text.contains("secret.speaker@"));

        // Speakers and strangers get no reviews; organisers get all, with names.
        assert_eq!(api.api_get("/api/editions/dd-2030/reviews", Some(&speaker_token)).await?.status, 403);
        let all = api.api_get("/api/editions/dd-2030/reviews", Some(&admin_token)).await?;
        assert!(all.body.contains("Rev One") && all.body.contains("Rev Two"));
        let res = api.send(api.http().post(format!("{}/api/editions/dd-2030/proposals/{p}/decision", app.base))
            .bearer_auth(&t1).json(&serde_json::json!({"decision": "accept"}))).await?;
        assert_eq!(res.status, 403);
        let res = api.send(api.http().post(format!("{}/api/editions/dd-2030/proposals/{p}/decision", app.base))
            .bearer_auth(&admin_token).json(&serde_json::json!({"decision": "accept"}))).await?;
        assert_eq!(res.status, 204);
        let proposal = api.api_get(&format!("/api/editions/dd-2030/proposals/{p}"), Some(&admin_token)).await?;
        assert_eq!(proposal.json()["state"], "accepted");
        Ok(())
    }
}

db_test! {
    async fn a_reviewer_who_leaves_is_replaced_and_assignments_can_be_taken_back(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        let mut reviewers = Vec::new();
        for (email, name) in [("r1@example.org", "Rev One"), ("r2@example.org", "Rev Two")] {
            let client = app.user(email, name).await?;
            app.invite(&admin, "dd-2030", &client, email, "reviewer").await?;
            reviewers.push(client);
        }
        let speaker = app.user("speaker@example.org", "Speaker").await?;
        let p1 = submit(&speaker, "dd-2030", "Proposal One", "An abstract.").await?;
        submit(&speaker, "dd-2030", "Proposal Two", "Another abstract.").await?;
        admin.post("/dd-2030/manage/review", &[("reviews_per_proposal", "1")]).await?;
        let res = admin.post("/dd-2030/manage/review/distribute", &[]).await?;
        let said = admin.get(res.location().unwrap_or_default()).await?.body;
        assert!(said.contains("2 assignments added"), "{said}");
        let assigned = |body: &str| devday_tests::capture(r"of (\d+) assigned", body);
        assert_eq!(assigned(&reviewers[0].get("/dd-2030/review/").await?.body), "1");

        // Rev One leaves the committee without reviewing: their proposal is open again, and
        // the next distribution gives it to someone who is still there.
        let team = admin.get("/dd-2030/manage/team").await?;
        let r1 = devday_tests::capture(r#"r1@example.org</td>.*?name="user_id" value="([^"]+)""#, &team.body.replace('\n', " "));
        let res = admin.post("/dd-2030/manage/team/remove", &[("user_id", &r1), ("role", "reviewer")]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let res = admin.post("/dd-2030/manage/review/distribute", &[]).await?;
        let said = admin.get(res.location().unwrap_or_default()).await?.body;
        assert!(said.contains("1 assignment added"), "{said}");
        assert_eq!(assigned(&reviewers[1].get("/dd-2030/review/").await?.body), "2");

        // An organiser takes one back by hand; taking it back twice is refused.
        let page = admin.get("/dd-2030/manage/review").await?;
        let r2 = devday_tests::capture(r#"<option value="([0-9a-f-]{36})">Rev Two</option>"#, &page.body);
        let res = admin.post("/dd-2030/manage/review/unassign", &[("reviewer_id", &r2), ("proposal_id", &p1)]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        assert_eq!(assigned(&reviewers[1].get("/dd-2030/review/").await?.body), "1");
        let res = admin.post("/dd-2030/manage/review/unassign", &[("reviewer_id", &r2), ("proposal_id", &p1)]).await?;
        assert_eq!(res.status, 409);
        Ok(())
    }
}

db_test! {
    async fn an_accepted_speaker_can_answer_on_the_proposal_page(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        let speaker = app.user("kim@example.org", "Kim").await?;
        let p = submit(&speaker, "dd-2030", "Lost mail", "An abstract.").await?;
        let page = format!("/dd-2030/cfp/proposals/{p}");
        let respond = format!("{page}/respond");
        // Accepted but not yet told: nothing to answer.
        admin.post("/dd-2030/manage/review/decide", &[("ids", &p), ("decision", "accept")]).await?;
        assert!(!speaker.get(&page).await?.body.contains(r#"value="confirm""#));
        assert_eq!(speaker.post(&respond, &[("answer", "confirm")]).await?.status, 409);
        // Told: the page offers the same answer as the mailed link.
        admin.post("/dd-2030/manage/review/notify", &[]).await?;
        let mail = app.smtp.wait_for_subject("kim@example.org", "Accepted").await?;
        let link = mail.link("/cfp/respond/").expect("a respond link");
        let shown = speaker.get(&page).await?.body;
        assert!(shown.contains(r#"value="confirm""#) && shown.contains("Please confirm that you will give"), "{shown}");
        assert!(shown.contains("published afterwards under CC BY 4.0"), "the licence is named: {shown}");
        let stranger = app.user("stranger@example.org", "Stranger").await?;
        assert_eq!(stranger.post(&respond, &[("answer", "decline")]).await?.status, 404);
        assert_eq!(speaker.post(&respond, &[("answer", "maybe")]).await?.status, 400);
        // Declining asks first (on the page and behind the mailed link); asking changes nothing.
        for ask in [format!("{page}/decline"), format!("{link}/decline")] {
            let body = speaker.get(&ask).await?.body;
            assert!(body.contains("Decline “Lost mail”?") && body.contains(r#"name="answer" value="decline""#), "{body}");
        }
        assert!(speaker.get(&page).await?.body.contains(r#"value="confirm""#), "asking declined already");
        // The mailed link, opened signed in, leads to this page's fuller form; signed out it
        // offers to sign in for it.
        let res = speaker.get(&link).await?;
        assert_eq!((res.status, res.location()), (303, Some(format!("{page}#confirm-title").as_str())));
        assert!(app.client().get(&link).await?.body.contains("Sign in and confirm"));
        // Confirming asks for what the programme needs; without a day nothing is kept.
        let day = capture(r#"name="days" value="(\d{4}-\d\d-\d\d)""#, &shown);
        let bio = "Kim builds *fast* things.";
        let res = speaker.post(&respond, &[("answer", "confirm"), ("asked", "true"), ("biography_md", bio)]).await?;
        assert_eq!(res.status, 422, "{}", res.body);
        assert!(res.body.contains("Tick at least one day") && res.body.contains("Kim builds *fast* things."), "{}", res.body);
        assert!(!speaker.get("/speaker/profile").await?.body.contains("Kim builds"), "kept before the answer");
        let res = speaker.post(&respond, &[("answer", "confirm"), ("asked", "true"), ("biography_md", bio), ("days", &day), ("may_stream", "true")]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        assert!(speaker.get("/speaker/profile").await?.body.contains("Kim builds"));
        let availability = speaker.get("/dd-2030/cfp/availability").await?.body;
        assert_eq!(availability.matches("/delete\"").count(), 1, "one day chosen of two: {availability}");
        let seen = admin.get(&format!("/dd-2030/manage/proposals/{p}")).await?.body;
        assert!(seen.contains("May be streamed") && seen.contains("No recording"), "{seen}");
        // Kim changes her mind by mail: the organisers change it, saying why, or not at all.
        let consent = format!("/dd-2030/manage/proposals/{p}/consent");
        let res = admin.post(&consent, &[("may_stream", "true"), ("may_record", "true"), ("note", " ")]).await?;
        assert!(res.status == 422 && res.body.contains("Say why"), "{}", res.body);
        assert!(admin.get(&format!("/dd-2030/manage/proposals/{p}")).await?.body.contains("No recording"), "changed without a reason");
        let res = admin.post(&consent, &[("may_stream", "true"), ("may_record", "true"), ("note", "Kim agreed by mail")]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let seen = admin.get(&format!("/dd-2030/manage/proposals/{p}")).await?.body;
        assert!(seen.contains("May be recorded") && seen.contains("Kim agreed by mail"), "{seen}");
        let after = speaker.get(&page).await?.body;
        assert!(after.contains("Confirmed") && !after.contains(r#"value="confirm""#), "{after}");
        // Answered once: the mailed link is used up, and a second answer is refused.
        assert_eq!(app.client().get(&link).await?.status, 404);
        assert_eq!(speaker.post(&respond, &[("answer", "decline")]).await?.status, 409);
        Ok(())
    }
}
