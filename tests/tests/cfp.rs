//! The call for papers end to end: speakers submit, edit, withdraw and bring co-speakers;
//! organisers configure, list, export and mail; bad input and other people's proposals are
//! refused.

use devday_tests::{db_test, Client, TestApp};

/// The session types' ids in form order, read from the proposal form.
async fn type_ids(client: &Client, slug: &str) -> anyhow::Result<Vec<(String, String)>> {
    let page = client.get(&format!("/{slug}/cfp/submit")).await?;
    let re = regex::Regex::new(r#"<option value="([0-9a-f-]{36})"[^>]*>([^<(]+)"#)?;
    Ok(re
        .captures_iter(&page.body)
        .map(|c| (c[1].to_owned(), c[2].trim().to_owned()))
        .collect())
}

fn proposal_fields<'a>(
    title: &'a str,
    session_type: &'a str,
    action: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("title", title),
        ("abstract", "We *measure* things and report the numbers."),
        ("description", "A longer description for the committee."),
        ("notes", "I need a HDMI adapter."),
        ("session_type", session_type),
        ("language", "en"),
        ("level", "intermediate"),
        ("action", action),
    ]
}

fn id_from(location: Option<&str>) -> String {
    location
        .and_then(|l| l.rsplit('/').next())
        .unwrap_or_default()
        .to_owned()
}

db_test! {
    async fn a_speaker_submits_brings_a_co_speaker_and_edits(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        let speaker = app.user("sam@example.org", "Sam Speaker").await?;

        let res = speaker.post("/speaker/profile", &[
            ("display_name", "Sam Speaker"), ("company", "ACME"), ("biography_md", "I *build* things."),
            ("links", "https://sam.example\nhttps://github.com/sam"),
        ]).await?;
        assert_eq!(res.status, 303, "{}", res.body);

        let types = type_ids(&speaker, "dd-2030").await?;
        let talk = types.iter().find(|(_, n)| n == "Talk").map(|(id, _)| id.clone()).expect("Talk type");
        // A draft first: no mail, not yet visible as submitted.
        let res = speaker.post("/dd-2030/cfp/submit", &proposal_fields("Measuring Rust", &talk, "draft")).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let id = id_from(res.location());
        let page = speaker.get(&format!("/dd-2030/cfp/proposals/{id}")).await?;
        assert!(page.body.contains("Measuring Rust") && page.body.contains("Draft"));
        assert!(page.body.contains("Draft saved. It is not submitted yet."), "the speaker is told what happened");
        assert!(page.body.contains("<em>measure</em>"), "abstract not rendered as Markdown");

        // Submitting mails a confirmation.
        let mut fields = proposal_fields("Measuring Rust", &talk, "submit");
        fields[0] = ("title", "Measuring Rust, properly");
        let res = speaker.post(&format!("/dd-2030/cfp/proposals/{id}/edit"), &fields).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        // The page and the mail say until when it can change, as a day and time.
        let until = regex::Regex::new(r"until (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d")?;
        let sent = speaker.get(&format!("/dd-2030/cfp/proposals/{id}")).await?.body;
        assert!(sent.contains("Proposal submitted. You can change it until ") && until.is_match(&sent), "{sent}");
        let confirmation = app.smtp.wait_for_nth("sam@example.org", 2).await?;
        assert!(confirmation.subject.contains("Measuring Rust, properly"), "{}", confirmation.subject);
        assert!(until.is_match(&confirmation.text) && !confirmation.text.contains("the deadline"), "{}", confirmation.text);

        // A co-speaker joins through the mailed link.
        let res = speaker.post(&format!("/dd-2030/cfp/proposals/{id}/invite"), &[("email", "cora@example.org")]).await?;
        assert_eq!(res.status, 303);
        let page = speaker.get(&format!("/dd-2030/cfp/proposals/{id}")).await?;
        assert!(page.body.contains("cora@example.org") && page.body.contains("sent"));
        let invitation = app.smtp.wait_for("cora@example.org").await?;
        let link = invitation.link("/cfp/invitations/").expect("invitation link");
        let cora = app.user("cora@example.org", "Cora Co").await?;
        let res = cora.post(&link, &[]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let joined = cora.get(res.location().unwrap_or_default()).await?.body;
        assert!(joined.contains("You are a speaker of “Measuring Rust, properly” now."), "{joined}");
        // Cora has the same rights now: she edits, both see it in their lists.
        let mut fields = proposal_fields("Measuring Rust, together", &talk, "save");
        fields[1] = ("abstract", "Edited by Cora.");
        let res = cora.post(&format!("/dd-2030/cfp/proposals/{id}/edit"), &fields).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        for client in [&speaker, &cora] {
            let list = client.get("/speaker/proposals").await?;
            assert!(list.body.contains("Measuring Rust, together"), "{}", list.body);
            assert!(list.body.contains("Submitted"));
        }
        let page = speaker.get(&format!("/dd-2030/cfp/proposals/{id}")).await?;
        assert!(page.body.contains("Cora Co") && page.body.contains("accepted"));
        assert!(page.body.contains("a co-speaker joined") && page.body.contains("edited"), "history incomplete");
        // The history is said in the reader's language.
        let url = format!("{}/dd-2030/cfp/proposals/{id}", app.base);
        let german = speaker.send(speaker.http().get(&url).header("Accept-Language", "de")).await?.body;
        assert!(german.contains("weitere Vortragende dabei") && german.contains("bearbeitet") && !german.contains("speaker joined"), "{german}");

        // Organisers find it by a speaker's name and see the history and notes.
        let list = admin.get("/dd-2030/manage/proposals?q=cora").await?;
        assert!(list.body.contains("Measuring Rust, together"), "{}", list.body);
        assert!(!admin.get("/dd-2030/manage/proposals?q=nobody-at-all").await?.body.contains("Measuring Rust"));
        // Page links keep the filter and do not repeat the page parameter.
        let paged = admin.get("/dd-2030/manage/proposals?q=rust&state=submitted&page=2&per_page=1").await?;
        assert_eq!(paged.status, 200);
        assert_eq!(admin.get("/dd-2030/manage/proposals?page=99999999999999").await?.status, 200);
        assert!(admin.get("/dd-2030/manage/proposals?state=submitted").await?.body.contains("Measuring Rust"));
        assert!(!admin.get("/dd-2030/manage/proposals?state=draft").await?.body.contains("Measuring Rust"));
        let detail = admin.get(&format!("/dd-2030/manage/proposals/{id}")).await?;
        assert!(detail.body.contains("HDMI adapter") && detail.body.contains("Sam Speaker"));

        // Withdrawing is the speakers' decision and is recorded.
        let res = speaker.post(&format!("/dd-2030/cfp/proposals/{id}/withdraw"), &[]).await?;
        assert_eq!(res.status, 303);
        assert!(admin.get(&format!("/dd-2030/manage/proposals/{id}")).await?.body.contains("withdrawn by a speaker"));
        let res = cora.post(&format!("/dd-2030/cfp/proposals/{id}/edit"), &fields).await?;
        assert_eq!(res.status, 409, "a withdrawn proposal was edited");
        Ok(())
    }
}

db_test! {
    async fn bad_proposals_and_strangers_are_refused(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        admin.post("/dd-2030/manage/cfp", &[
            ("intro_md", "Send us <script>alert(1)</script> talks!"), ("intro_de_md", "Schick uns deine Vorträge!"),
            ("max_proposals_per_speaker", "1"), ("title_max", "30"), ("abstract_max", "200"),
        ]).await?;
        // Readers get the CfP text in their language.
        let german = devday_tests::Client::speaking(&app.base, "de").get("/dd-2030/cfp/").await?.body;
        assert!(german.contains("Schick uns deine Vorträge!") && !german.contains("Send us"), "{german}");
        let speaker = app.user("sam@example.org", "Sam").await?;
        let talk = type_ids(&speaker, "dd-2030").await?.first().map(|t| t.0.clone()).expect("a type");

        let cfp = app.client().get("/dd-2030/cfp/").await?;
        assert!(cfp.body.contains("Send us") && !cfp.body.contains("<script>alert"), "CfP text not sanitised");
        assert!(!cfp.body.contains("Schick uns"), "{}", cfp.body);

        let long = "x".repeat(31);
        let res = speaker.post("/dd-2030/cfp/submit", &proposal_fields(&long, &talk, "submit")).await?;
        assert_eq!(res.status, 422);
        assert!(res.body.contains("This is too long."));
        let res = speaker.post("/dd-2030/cfp/submit", &proposal_fields("Fine", "no-such-type", "submit")).await?;
        assert_eq!(res.status, 422);
        let mut fields = proposal_fields("Fine", &talk, "submit");
        fields[1] = ("abstract", "");
        let res = speaker.post("/dd-2030/cfp/submit", &fields).await?;
        assert_eq!(res.status, 422);
        assert!(res.body.contains("value=\"Fine\""), "the form lost the title");

        // Honeypot: looks fine, stores nothing.
        let mut fields = proposal_fields("Spam", &talk, "submit");
        fields.push(("website", "http://spam.example"));
        let res = speaker.post("/dd-2030/cfp/submit", &fields).await?;
        assert_eq!(res.status, 303);
        assert!(!admin.get("/dd-2030/manage/proposals").await?.body.contains("Spam"));

        // The limit counts submitted proposals.
        let res = speaker.post("/dd-2030/cfp/submit", &proposal_fields("First", &talk, "submit")).await?;
        assert_eq!(res.status, 303);
        let id = id_from(res.location());
        let res = speaker.post("/dd-2030/cfp/submit", &proposal_fields("Second", &talk, "submit")).await?;
        assert_eq!(res.status, 422);
        assert!(res.body.contains("limit of proposals"));

        // Someone else's proposal does not exist for a stranger.
        let stranger = app.user("eve@example.org", "Eve").await?;
        assert_eq!(stranger.get(&format!("/dd-2030/cfp/proposals/{id}")).await?.status, 404);
        assert_eq!(stranger.post(&format!("/dd-2030/cfp/proposals/{id}/edit"), &proposal_fields("Mine now", &talk, "save")).await?.status, 404);
        assert_eq!(stranger.post(&format!("/dd-2030/cfp/proposals/{id}/withdraw"), &[]).await?.status, 404);
        assert_eq!(stranger.get(&format!("/dd-2030/manage/proposals/{id}")).await?.status, 403);

        // Markdown in an abstract cannot carry scripts, handlers or javascript: links.
        let evil = "<script>alert('x')</script> <img src=x onerror=alert(1)> [click](javascript:alert(2)) <a href=\"javascript:alert(3)\">y</a>";
        let mut fields = proposal_fields("First", &talk, "save");
        fields[1] = ("abstract", evil);
        let res = speaker.post(&format!("/dd-2030/cfp/proposals/{id}/edit"), &fields).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        for page in [speaker.get(&format!("/dd-2030/cfp/proposals/{id}")).await?, admin.get(&format!("/dd-2030/manage/proposals/{id}")).await?] {
            // Text may mention "javascript:"; no attribute may hold it.
            for bad in ["<script>alert", "onerror", "=\"javascript:", "='javascript:"] {
                let at = page.body.find(bad).unwrap_or(0);
                assert!(!page.body.contains(bad), "{bad} reached the page: {}", &page.body[at.saturating_sub(200)..(at + 100).min(page.body.len())]);
            }
        }
        Ok(())
    }
}

db_test! {
    async fn deadlines_per_type_hidden_types_and_access_codes(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        // An edition whose CfP closed yesterday.
        let now = chrono::Utc::now().naive_utc();
        let at = |d: i64| (now + chrono::Duration::days(d)).format("%Y-%m-%dT%H:%M").to_string();
        let day = |d: i64| (now + chrono::Duration::days(d)).format("%Y-%m-%d").to_string();
        let res = admin.post("/editions/new", &[
            ("name", "Late"), ("slug", "late-2030"), ("starts_on", &day(100)), ("ends_on", &day(100)),
            ("timezone", "Europe/Berlin"), ("cfp_opens_at", &at(-30)), ("cfp_closes_at", &at(-1)),
        ]).await?;
        assert_eq!(res.status, 303);
        let speaker = app.user("late@example.org", "Late Larry").await?;
        let res = speaker.get("/late-2030/cfp/submit").await?;
        assert_eq!(res.status, 403);
        assert!(res.body.contains("Submissions are closed"));

        // A second call: lightning talks get a later deadline.
        let cfp = admin.get("/late-2030/manage/cfp").await?;
        let re = regex::Regex::new(r#"/late-2030/manage/cfp/types/([0-9a-f-]{36})""#)?;
        let ids: Vec<String> = re.captures_iter(&cfp.body).map(|c| c[1].to_owned()).collect();
        assert_eq!(ids.len(), 3, "the default types are missing");
        let lightning = ids[1].clone();
        let res = admin.post(&format!("/late-2030/manage/cfp/types/{lightning}"), &[
            ("name", "Lightning talk"), ("duration_minutes", "15"), ("deadline", &at(7)), ("position", "1"),
        ]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let res = speaker.post("/late-2030/cfp/submit", &proposal_fields("Too late", &ids[0], "submit")).await?;
        assert_eq!(res.status, 422);
        assert!(res.body.contains("deadline for this session type has passed"));
        let res = speaker.post("/late-2030/cfp/submit", &proposal_fields("Quick one", &lightning, "submit")).await?;
        assert_eq!(res.status, 303, "{}", res.body);

        // A hidden workshop type, reachable only with a one-use code.
        let workshop = ids[2].clone();
        admin.post(&format!("/late-2030/manage/cfp/types/{workshop}"), &[
            ("name", "Workshop"), ("duration_minutes", "180"), ("hidden", "true"), ("position", "2"),
        ]).await?;
        let res = admin.post("/late-2030/manage/cfp/codes", &[("session_type_id", &workshop), ("max_uses", "1"), ("note", "for Wanda")]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let cfp = admin.get("/late-2030/manage/cfp").await?;
        let code = regex::Regex::new(r"submit\?code=([A-Za-z0-9_-]+)")?
            .captures(&cfp.body).map(|c| c[1].to_owned()).expect("code link");
        let res = speaker.post("/late-2030/cfp/submit", &proposal_fields("Hidden", &workshop, "submit")).await?;
        assert_eq!(res.status, 422, "a hidden type without a code");
        let wanda = app.user("wanda@example.org", "Wanda").await?;
        assert_eq!(wanda.get(&format!("/late-2030/cfp/submit?code={code}")).await?.status, 200);
        let mut fields = proposal_fields("Workshop by code", &workshop, "submit");
        fields.push(("code", &code));
        let res = wanda.post("/late-2030/cfp/submit", &fields).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        // Used up: the next attempt is closed.
        let res = wanda.post("/late-2030/cfp/submit", &fields).await?;
        assert_eq!(res.status, 422);
        assert!(admin.get("/late-2030/manage/cfp").await?.body.contains("1 / 1"));
        Ok(())
    }
}

db_test! {
    async fn custom_questions_are_asked_and_checked(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        admin.post("/dd-2030/manage/cfp/tracks", &[("name", "Web"), ("colour", "#ff8800"), ("description", "The web"), ("description_de", "Das Netz")]).await?;
        // The CfP page names the tracks, described in the reader's language.
        let german = devday_tests::Client::speaking(&app.base, "de").get("/dd-2030/cfp/").await?.body;
        assert!(german.contains("<strong>Web</strong>: Das Netz"), "{german}");
        assert!(app.client().get("/dd-2030/cfp/").await?.body.contains("<strong>Web</strong>: The web"));
        let res = admin.post("/dd-2030/manage/cfp/questions", &[
            ("label", "Which topics?"), ("target", "proposal"), ("kind", "multiple"),
            ("options", "Rust\nWeb\nData"), ("required", "true"),
        ]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let res = admin.post("/dd-2030/manage/cfp/questions", &[("label", "Choice"), ("target", "speaker"), ("kind", "single")]).await?;
        assert_eq!(res.status, 422, "a choice question without options");
        admin.post("/dd-2030/manage/cfp/questions", &[("label", "T-shirt size?"), ("target", "speaker"), ("kind", "single"), ("options", "S\nM\nL")]).await?;

        let speaker = app.user("q@example.org", "Quinn").await?;
        let form = speaker.get("/dd-2030/cfp/submit").await?;
        assert!(form.body.contains("Which topics?") && form.body.contains("T-shirt size?"));
        let qre = regex::Regex::new(r#"name="(q_[0-9a-f-]{36})" value="Rust""#)?;
        let topics = qre.captures(&form.body).map(|c| c[1].to_owned()).expect("topics field");
        let tre = regex::Regex::new(r#"<option value="([0-9a-f-]{36})"[^>]*>Web</option>"#)?;
        let track = tre.captures(&form.body).map(|c| c[1].to_owned()).expect("track option");
        let talk = type_ids(&speaker, "dd-2030").await?.first().map(|t| t.0.clone()).expect("type");

        let mut fields = proposal_fields("Questions", &talk, "submit");
        fields.push(("track", &track));
        let res = speaker.post("/dd-2030/cfp/submit", &fields).await?;
        assert_eq!(res.status, 422, "a required question went unanswered");
        fields.push((&topics, "Rust"));
        fields.push((&topics, "Cobol"));
        assert_eq!(speaker.post("/dd-2030/cfp/submit", &fields).await?.status, 422, "an option that is not offered");
        fields.pop();
        fields.push((&topics, "Data"));
        let res = speaker.post("/dd-2030/cfp/submit", &fields).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let id = id_from(res.location());
        let detail = admin.get(&format!("/dd-2030/manage/proposals/{id}")).await?;
        assert!(detail.body.contains("Which topics?") && detail.body.contains("Rust\nData"), "answers missing");
        assert!(detail.body.contains("Web"));
        let filtered = admin.get(&format!("/dd-2030/manage/proposals?track={track}")).await?;
        assert!(filtered.body.contains("Questions"));
        Ok(())
    }
}

db_test! {
    async fn questions_are_asked_and_answered_in_the_readers_language(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        let question = |options_de: &'static str| vec![
            ("label", "Which topics?"), ("label_de", "Welche Themen?"),
            ("help", "Pick any."), ("help_de", "Wähle beliebig viele."),
            ("target", "proposal"), ("kind", "multiple"),
            ("options", "Rust\nWeb\nData"), ("options_de", options_de),
        ];
        // Line i translates line i: a German list of another length is refused beside it.
        let res = admin.post("/dd-2030/manage/cfp/questions", &question("Rust\nWeb")).await?;
        assert_eq!(res.status, 422);
        assert!(res.body.contains(r#"id="e-q-options_de""#), "{}", res.body);
        assert!(res.body.contains("Welche Themen?"), "the form keeps what was typed");
        let res = admin.post("/dd-2030/manage/cfp/questions", &question("Rust\nWeb\nDaten")).await?;
        assert_eq!(res.status, 303, "{}", res.body);

        let speaker = app.user("q@example.org", "Quinn").await?;
        let url = format!("{}/dd-2030/cfp/submit", app.base);
        let german = speaker.send(speaker.http().get(&url).header("Accept-Language", "de")).await?.body;
        assert!(german.contains("Welche Themen?") && german.contains("Wähle beliebig viele."), "{german}");
        assert!(!german.contains("Which topics?"));
        // The German reader sees "Daten" and sends the stored value "Data".
        let field = regex::Regex::new(r#"name="(q_[0-9a-f-]{36})" value="Data"> <label for="[^"]+">Daten</label>"#)?;
        let topics = field.captures(&german).map(|c| c[1].to_owned()).expect("a German option with its English value");
        let english = speaker.get("/dd-2030/cfp/submit").await?.body;
        assert!(english.contains("Which topics?") && english.contains(">Data</label>"), "{english}");

        let talk = type_ids(&speaker, "dd-2030").await?.first().map(|t| t.0.clone()).expect("type");
        let mut fields = proposal_fields("Questions", &talk, "submit");
        fields.push((&topics, "Rust"));
        fields.push((&topics, "Data"));
        let res = speaker.post("/dd-2030/cfp/submit", &fields).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let id = id_from(res.location());
        let detail = format!("{}/dd-2030/manage/proposals/{id}", app.base);
        let en = admin.get(&format!("/dd-2030/manage/proposals/{id}")).await?.body;
        assert!(en.contains("<dt>Which topics?</dt><dd class=\"answer\">Rust\nData</dd>"), "{en}");
        let de = admin.send(admin.http().get(&detail).header("Accept-Language", "de")).await?.body;
        assert!(de.contains("<dt>Welche Themen?</dt><dd class=\"answer\">Rust\nDaten</dd>"), "{de}");
        Ok(())
    }
}

db_test! {
    async fn organisers_export_mail_and_enter_proposals_for_speakers(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        let speaker = app.user("formula@example.org", "=HYPERLINK(\"http://evil\")").await?;
        let talk = type_ids(&speaker, "dd-2030").await?.first().map(|t| t.0.clone()).expect("type");
        speaker.post("/dd-2030/cfp/submit", &proposal_fields("@SUM(A1:A9)", &talk, "submit")).await?;
        // The confirmation of the submission comes first.
        app.smtp.wait_for_nth("formula@example.org", 2).await?;

        let csv = admin.get("/dd-2030/manage/proposals.csv").await?;
        assert_eq!(csv.status, 200);
        assert!(csv.header("content-type").is_some_and(|c| c.starts_with("text/csv")));
        assert!(csv.body.starts_with('\u{feff}'), "no BOM for Excel");
        assert!(csv.body.contains("'@SUM(A1:A9)") && csv.body.contains("'=HYPERLINK"), "{}", csv.body);
        assert!(csv.body.starts_with("\u{feff}\"ID\",\"Title\",\"State\",\"Session type\",\"Track\",\"Language\",\"Level\",\"Speakers\",\"Email addresses\",\"Created\"\r\n"), "{}", csv.body);
        assert!(csv.body.contains("\"Submitted\",\"Talk\",\"\",\"English\",\"Intermediate\""), "{}", csv.body);
        // The same file for a German reader: headers and words in German.
        let url = format!("{}/dd-2030/manage/proposals.csv", app.base);
        let de = admin.send(admin.http().get(&url).header("Accept-Language", "de")).await?;
        assert!(de.body.starts_with("\u{feff}\"ID\",\"Titel\",\"Status\",\"Beitragsart\",\"Track\",\"Sprache\",\"Niveau\",\"Sprecher*innen\",\"E-Mail-Adressen\",\"Angelegt\"\r\n"), "{}", de.body);
        assert!(de.body.contains("\"Eingereicht\",\"Vortrag\",\"\",\"Englisch\",\"Fortgeschrittene\""), "{}", de.body);
        let speakers = admin.get("/dd-2030/manage/speakers.csv").await?;
        assert!(speakers.body.contains("formula@example.org"));

        // Mail: preview first, then send through the outbox.
        let res = admin.post("/dd-2030/manage/cfp/mail", &[
            ("subject", "About {title}"), ("body", "Hi {name}, see {link}"), ("state", "submitted"), ("action", "preview"),
        ]).await?;
        assert_eq!(res.status, 200);
        assert!(res.body.contains("About @SUM(A1:A9)") && res.body.contains("Send 1 mails"));
        let before = app.smtp.mails_to("formula@example.org").len();
        let res = admin.post("/dd-2030/manage/cfp/mail", &[
            ("subject", "About {title}"), ("body", "Hi {name}, see {link}"), ("state", "submitted"), ("action", "send"),
        ]).await?;
        assert!(res.body.contains("1 mails are on their way"));
        let mail = app.smtp.wait_for_nth("formula@example.org", before + 1).await?;
        assert_eq!(mail.subject, "About @SUM(A1:A9)");
        assert!(mail.text.contains("/dd-2030/cfp/proposals/"));
        let res = admin.post("/dd-2030/manage/cfp/mail", &[("subject", ""), ("body", ""), ("action", "send")]).await?;
        assert_eq!(res.status, 422);

        // A keynote for an invited speaker, claimed through the mail.
        let res = admin.post("/dd-2030/manage/proposals/new", &[
            ("speaker_email", "keynote@example.org"), ("title", "Opening keynote"), ("abstract", "Big ideas."),
            ("session_type", &talk), ("language", "de"), ("level", "beginner"),
        ]).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let claim = app.smtp.wait_for("keynote@example.org").await?;
        let link = claim.link("/cfp/invitations/").expect("claim link");
        let keynote = app.user("keynote@example.org", "Kay Note").await?;
        assert_eq!(keynote.post(&link, &[]).await?.status, 303);
        assert!(keynote.get("/speaker/proposals").await?.body.contains("Opening keynote"));
        Ok(())
    }
}

db_test! {
    async fn photos_are_checked_re_encoded_and_private(backend) {
        let app = TestApp::spawn(backend).await?;
        let speaker = app.user("pic@example.org", "Pic").await?;
        let token = speaker.csrf().await?;
        let mut png = Vec::new();
        image_png(&mut png);
        let upload = |bytes: Vec<u8>, token: String| {
            reqwest::multipart::Form::new()
                .text("csrf_token", token)
                .part("photo", reqwest::multipart::Part::bytes(bytes).file_name("me.png"))
        };
        let res = speaker.send(speaker.http().post(format!("{}/speaker/profile/photo", app.base)).multipart(upload(png.clone(), token.clone()))).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let account = speaker.get("/speaker/profile").await?;
        let uid = regex::Regex::new(r#"/speaker/photos/([0-9a-f-]{36})"#)?
            .captures(&account.body).map(|c| c[1].to_owned()).expect("photo shown");
        let photo = speaker.get(&format!("/speaker/photos/{uid}")).await?;
        assert_eq!(photo.header("content-type"), Some("image/jpeg"));
        // Strangers see nothing.
        let stranger = app.user("nosy@example.org", "Nosy").await?;
        assert_eq!(stranger.get(&format!("/speaker/photos/{uid}")).await?.status, 404);
        // Broken files and missing tokens are refused.
        let res = speaker.send(speaker.http().post(format!("{}/speaker/profile/photo", app.base)).multipart(upload(b"not an image".to_vec(), token.clone()))).await?;
        assert_eq!(res.status, 422);
        assert!(res.body.contains("JPEG, PNG or WebP"));
        let res = speaker.send(speaker.http().post(format!("{}/speaker/profile/photo", app.base)).multipart(upload(png, "forged".into()))).await?;
        assert_eq!(res.status, 403);
        Ok(())
    }
}

/// A small PNG (a 1x1 pixel picture is enough to be a real photo file).
fn image_png(out: &mut Vec<u8>) {
    // Signature, IHDR (1x1, RGB), IDAT (one white pixel, zlib), IEND.
    out.extend_from_slice(&[
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90,
        0x77, 0x53, 0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x08, 0xd7, 0x63, 0xf8,
        0xff, 0xff, 0x3f, 0x00, 0x05, 0xfe, 0x02, 0xfe, 0xdc, 0xcc, 0x59, 0xe7, 0x00, 0x00, 0x00,
        0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
    ]);
}

db_test! {
    async fn the_api_serves_organisers_all_and_speakers_their_own(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        let token_of = |body: &str| regex::Regex::new(r#"id="new-token">([^<]+)<"#).ok()
            .and_then(|re| re.captures(body).map(|c| c[1].to_owned())).unwrap_or_default();
        let admin_token = token_of(&admin.post("/account/tokens", &[("name", "api")]).await?.body);
        let speaker = app.user("api@example.org", "Api Speaker").await?;
        let speaker_token = token_of(&speaker.post("/account/tokens", &[("name", "api")]).await?.body);
        let other = app.user("other@example.org", "Other").await?;
        let other_token = token_of(&other.post("/account/tokens", &[("name", "api")]).await?.body);
        let talk = type_ids(&speaker, "dd-2030").await?.first().map(|t| t.0.clone()).expect("type");
        let api = app.client();

        let body = serde_json::json!({"title": "Via API", "abstract": "Made with curl.", "session_type": talk,
            "language": "de", "level": "advanced", "submit": true});
        let res = api.api_post("/api/editions/dd-2030/proposals", Some(&speaker_token), &body).await?;
        assert_eq!(res.status, 201, "{}", res.body);
        let id = res.json()["id"].as_str().unwrap_or_default().to_owned();
        assert_eq!(res.json()["state"], "submitted");
        assert_eq!(res.json()["speakers"][0]["name"], "Api Speaker");

        let bad = serde_json::json!({"title": "", "abstract": "x", "session_type": "nope", "language": "fr", "level": "x"});
        let res = api.api_post("/api/editions/dd-2030/proposals", Some(&speaker_token), &bad).await?;
        assert_eq!(res.status, 422);
        assert_eq!(res.header("content-type"), Some("application/problem+json"));
        assert_eq!(res.json()["errors"]["title"][0], "This field is required.");

        // Absurd paging (found by the API fuzzer) is an empty page, not an overflow.
        let far = api.api_get("/api/editions/dd-2030/proposals?page=9223372036854775806&per_page=-9223372036854775808", Some(&admin_token)).await?;
        assert_eq!(far.status, 200, "{}", far.body);
        let all = api.api_get("/api/editions/dd-2030/proposals?state=submitted", Some(&admin_token)).await?;
        assert_eq!(all.json()["total"], 1);
        let own = api.api_get("/api/editions/dd-2030/proposals", Some(&other_token)).await?;
        assert_eq!(own.json()["total"], 0, "a speaker sees other people's proposals");
        assert_eq!(api.api_get(&format!("/api/editions/dd-2030/proposals/{id}"), Some(&other_token)).await?.status, 404);
        assert_eq!(api.api_get(&format!("/api/editions/dd-2030/proposals/{id}"), Some(&speaker_token)).await?.status, 200);

        let patch = serde_json::json!({"title": "Via API, edited", "abstract": "Made with curl.", "session_type": talk,
            "language": "de", "level": "advanced"});
        let req = api.http().patch(format!("{}/api/editions/dd-2030/proposals/{id}", app.base)).bearer_auth(&speaker_token).json(&patch);
        let res = api.send(req).await?;
        assert_eq!(res.status, 200, "{}", res.body);
        assert_eq!(res.json()["title"], "Via API, edited");
        let req = api.http().patch(format!("{}/api/editions/dd-2030/proposals/{id}", app.base)).bearer_auth(&other_token).json(&patch);
        assert_eq!(api.send(req).await?.status, 404);

        assert_eq!(api.api_get("/api/editions/dd-2030/speakers", Some(&other_token)).await?.status, 403);
        let speakers = api.api_get("/api/editions/dd-2030/speakers", Some(&admin_token)).await?;
        assert_eq!(speakers.json()[0]["email"], "api@example.org");
        let doc = api.api_get("/api/openapi.json", None).await?.json();
        assert!(doc["paths"]["/api/editions/{edition}/proposals"]["post"].is_object());
        Ok(())
    }
}

db_test! {
    async fn withdrawing_asks_first(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        let speaker = app.user("wd@example.org", "Wendy").await?;
        let id = devday_tests::flows::submit_proposal(&speaker, "dd-2030", "Second thoughts", "An abstract.").await?;
        let page = speaker.get(&format!("/dd-2030/cfp/proposals/{id}")).await?;
        let link = format!("/dd-2030/cfp/proposals/{id}/withdraw");
        assert!(page.body.contains(&format!(r#"href="{link}""#)), "{}", page.body);
        let ask = speaker.get(&link).await?;
        assert!(ask.body.contains("Withdraw “Second thoughts”?") && ask.body.contains("cannot be undone"), "{}", ask.body);
        assert!(speaker.get("/speaker/proposals").await?.body.contains("Submitted"), "asking withdrew already");
        // Someone else's proposal is not there for them to be asked about.
        let other = app.user("other@example.org", "Other").await?;
        assert_eq!(other.get(&link).await?.status, 404);
        assert_eq!(speaker.post(&link, &[]).await?.status, 303);
        // Once withdrawn, the question leads back to the proposal.
        assert_eq!(speaker.get(&link).await?.status, 303);
        Ok(())
    }
}

db_test! {
    async fn the_submit_form_takes_the_biography_and_co_speakers_and_the_page_asks_for_a_photo(backend) {
        let mut app = TestApp::spawn(backend).await?;
        let admin = app.admin().await?;
        app.create_open_edition(&admin, "dd-2030").await?;
        let speaker = app.user("lea@example.org", "Lea Lang").await?;
        let form = speaker.get("/dd-2030/cfp/submit").await?.body;
        assert!(form.contains("About you and your co-speakers") && form.contains(r#"name="co_speakers""#), "{form}");
        let talk = type_ids(&speaker, "dd-2030").await?[0].0.clone();
        let fields = |co: &'static str| {
            vec![("title", "Typed SQL"), ("abstract", "Diesel in practice."), ("session_type", talk.as_str()), ("language", "en"), ("level", "beginner"), ("action", "submit"), ("biography_md", "Lea maintains *two* crates."), ("co_speakers", co)]
        };

        // A bad address or her own: said beside the field, nothing stored, nothing mailed.
        let res = speaker.post("/dd-2030/cfp/submit", &fields("kai@example.org\nnot-an-address")).await?;
        assert_eq!(res.status, 422, "{}", res.body);
        assert!(res.body.contains("Lea maintains *two* crates.") && res.body.contains("kai@example.org"), "the form keeps what was typed");
        let res = speaker.post("/dd-2030/cfp/submit", &fields("lea@example.org")).await?;
        assert!(res.status == 422 && res.body.contains("That is your own address."), "{}", res.body);
        assert!(!speaker.get("/speaker/proposals").await?.body.contains("Typed SQL"));
        assert!(app.smtp.mails_to("kai@example.org").is_empty());

        // Sent: the biography is on her profile and both co-speakers are invited, as it says.
        let res = speaker.post("/dd-2030/cfp/submit", &fields("kai@example.org, mo@example.org")).await?;
        assert_eq!(res.status, 303, "{}", res.body);
        let page = speaker.get(res.location().expect("the proposal")).await?.body;
        assert!(page.contains("We mailed your 2 co-speakers an invitation each."), "{page}");
        for email in ["kai@example.org", "mo@example.org"] {
            app.smtp.wait_for(email).await?;
        }
        assert!(speaker.get("/speaker/profile").await?.body.contains("Lea maintains *two* crates."));
        // No photo yet: the page asks for one, and takes it in place.
        assert!(page.contains("Add your photo"), "{page}");
        let path = res.location().expect("the proposal").to_owned();
        let mut png = Vec::new();
        image_png(&mut png);
        let upload = reqwest::multipart::Form::new()
            .text("csrf_token", speaker.csrf().await?)
            .part("photo", reqwest::multipart::Part::bytes(png).file_name("me.png"));
        let res = speaker.send(speaker.http().post(format!("{}{path}/photo", app.base)).multipart(upload)).await?;
        assert_eq!((res.status, res.location()), (303, Some(format!("{path}#photo").as_str())), "{}", res.body);
        assert!(!speaker.get(&path).await?.body.contains("Add your photo"));
        Ok(())
    }
}
