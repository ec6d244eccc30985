//! Journeys in real headless Chromium (Debian's chromium and chromium-driver). Reported as
//! ignored unless DEVDAY_TEST_BROWSER=1 was set at build time.

use devday_tests::{TestApp, WebDriver};

use fantoccini::Locator;

const PW: &str = "a long browser password";

async fn fill(driver: &WebDriver, name: &str, value: &str) -> anyhow::Result<()> {
    let field = driver
        .client
        .wait()
        .for_element(Locator::Css(&format!("[name='{name}']")))
        .await?;
    field.clear().await?;
    field.send_keys(value).await?;
    Ok(())
}

async fn submit(driver: &WebDriver) -> anyhow::Result<()> {
    driver
        .client
        .find(Locator::Css("main form button[type='submit']"))
        .await?
        .click()
        .await?;
    Ok(())
}

/// Waits (up to 20 s: CI runs the suites side by side on two cores) until the page's main
/// content contains `needle`: clicks start navigations that WebDriver does not wait for.
async fn expect_text(driver: &WebDriver, needle: &str) -> anyhow::Result<String> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let text = match driver.client.find(Locator::Css("main")).await {
            Ok(main) => main.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        };
        if text.contains(needle) {
            return Ok(text);
        }
        if std::time::Instant::now() > deadline {
            anyhow::bail!("the page never showed {needle:?}; it shows {text:?}");
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(devday_browser),
    ignore = "browser suite off: apt-get install chromium chromium-driver, then set DEVDAY_TEST_BROWSER=1"
)]
async fn a_newcomer_signs_up_confirms_by_mail_and_logs_in() -> anyhow::Result<()> {
    devday_tests::binary!();
    let app = TestApp::spawn(devday_tests::Backend::Sqlite).await?;
    let driver = WebDriver::start().await?;
    let c = &driver.client;

    c.goto(&format!("{}/", app.base)).await?;
    c.find(Locator::LinkText("Sign up")).await?.click().await?;
    fill(&driver, "display_name", "Brigitte Browser").await?;
    fill(&driver, "email", "brigitte@example.org").await?;
    fill(&driver, "password", "too short").await?;
    fill(&driver, "password_repeat", "too short").await?;
    submit(&driver).await?;
    // The error stands beside the field, and the name is kept.
    let error = c
        .wait()
        .for_element(Locator::Css("#e-password"))
        .await?
        .text()
        .await?;
    assert!(error.contains("at least 10 characters"), "{error}");
    let kept = c
        .find(Locator::Css("[name='display_name']"))
        .await?
        .prop("value")
        .await?;
    assert_eq!(kept.as_deref(), Some("Brigitte Browser"));
    driver.screenshot("signup-errors").await?;

    fill(&driver, "password", PW).await?;
    fill(&driver, "password_repeat", PW).await?;
    submit(&driver).await?;
    expect_text(&driver, "Check your mail").await?;

    let mail = app.smtp.wait_for("brigitte@example.org").await?;
    let link = mail.link("/account/confirm/").expect("confirmation link");
    c.goto(&link).await?;
    submit(&driver).await?;
    expect_text(&driver, "Email address confirmed").await?;
    c.wait()
        .for_element(Locator::Css("main a.button"))
        .await?
        .click()
        .await?;
    c.wait()
        .for_element(Locator::Css("[name='password']"))
        .await?;

    fill(&driver, "email", "brigitte@example.org").await?;
    fill(&driver, "password", PW).await?;
    submit(&driver).await?;
    // The confirmation link's log-in returns to the account page it was asked for.
    let page = expect_text(&driver, "Your account").await?;
    assert!(page.contains("brigitte@example.org"));
    driver.screenshot("account").await?;

    // Switch to German; the choice sticks across pages.
    c.find(Locator::LinkText("Deutsch")).await?.click().await?;
    expect_text(&driver, "Dein Konto").await?;
    c.goto(&format!("{}/", app.base)).await?;
    assert!(c
        .find(Locator::Css("footer"))
        .await?
        .text()
        .await?
        .contains("Ehrenamtlichen"));

    // Log out through the header button.
    c.find(Locator::Css("header button.link"))
        .await?
        .click()
        .await?;
    c.wait()
        .for_element(Locator::Css("header a[href='/account/login']"))
        .await?;
    c.goto(&format!("{}/account", app.base)).await?;
    assert!(c.current_url().await?.path().starts_with("/account/login"));
    driver.quit().await?;
    Ok(())
}

async fn log_in(driver: &WebDriver, base: &str, email: &str, password: &str) -> anyhow::Result<()> {
    driver.client.goto(&format!("{base}/account/login")).await?;
    fill(driver, "email", email).await?;
    fill(driver, "password", password).await?;
    submit(driver).await?;
    // Signed in: the header offers to log out (each role lands on its own page).
    driver
        .client
        .wait()
        .for_element(Locator::Css("header button.link"))
        .await?;
    Ok(())
}

async fn log_out(driver: &WebDriver) -> anyhow::Result<()> {
    driver
        .client
        .find(Locator::Css("header button.link"))
        .await?
        .click()
        .await?;
    driver
        .client
        .wait()
        .for_element(Locator::Css("header a[href='/account/login']"))
        .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(devday_browser),
    ignore = "browser suite off: apt-get install chromium chromium-driver, then set DEVDAY_TEST_BROWSER=1"
)]
async fn a_speaker_submits_with_a_co_speaker_who_edits() -> anyhow::Result<()> {
    devday_tests::binary!();
    let mut app = TestApp::spawn(devday_tests::Backend::Sqlite).await?;
    let admin = app.admin().await?;
    app.create_open_edition(&admin, "dd-2030").await?;
    app.user("sina@example.org", "Sina Speaker").await?;
    app.user("cem@example.org", "Cem Co").await?;
    let driver = WebDriver::start().await?;
    let c = &driver.client;
    let base = app.base.clone();
    let pw = "a long test password";

    log_in(&driver, &base, "sina@example.org", pw).await?;
    c.goto(&format!("{base}/speaker/profile")).await?;
    fill(&driver, "company", "Elbe Labs").await?;
    fill(&driver, "biography_md", "I write **fast** code.").await?;
    submit(&driver).await?;
    let bio = c
        .wait()
        .for_element(Locator::Css(".prose strong"))
        .await?
        .text()
        .await?;
    assert_eq!(bio, "fast");

    c.goto(&format!("{base}/dd-2030/cfp/")).await?;
    c.find(Locator::LinkText("Submit a proposal"))
        .await?
        .click()
        .await?;
    fill(&driver, "title", "Speed reading Rust").await?;
    fill(&driver, "abstract", "How to read unfamiliar Rust quickly.").await?;
    // About you: the biography from the profile, ready to check.
    let prefilled = c.find(Locator::Id("f-bio")).await?.prop("value").await?;
    assert_eq!(prefilled.as_deref(), Some("I write **fast** code."));
    c.execute(
        "document.querySelector('fieldset.about-you').scrollIntoView();",
        vec![],
    )
    .await?;
    driver
        .screenshot_as_is("proposal-form-about-you-en")
        .await?;
    c.find(Locator::Css("button[value='submit']"))
        .await?
        .click()
        .await?;
    expect_text(&driver, "Speed reading Rust").await?;
    expect_text(&driver, "Submitted").await?;
    driver.screenshot("proposal").await?;

    fill(&driver, "email", "cem@example.org").await?;
    c.find(Locator::Css("form[action$='/invite'] button"))
        .await?
        .click()
        .await?;
    expect_text(&driver, "cem@example.org").await?;
    log_out(&driver).await?;

    let invitation = app.smtp.wait_for_nth("cem@example.org", 2).await?;
    let link = invitation
        .link("/cfp/invitations/")
        .expect("invitation link");
    log_in(&driver, &base, "cem@example.org", pw).await?;
    c.goto(&link).await?;
    c.wait()
        .for_element(Locator::Css("main form button"))
        .await?
        .click()
        .await?;
    expect_text(&driver, "Speed reading Rust").await?;
    c.find(Locator::LinkText("Edit the proposal"))
        .await?
        .click()
        .await?;
    fill(&driver, "title", "Speed reading Rust, together").await?;
    c.find(Locator::Css("main form button[type='submit']"))
        .await?
        .click()
        .await?;
    expect_text(&driver, "Speed reading Rust, together").await?;
    let speakers = c.find(Locator::Css("main")).await?.text().await?;
    assert!(speakers.contains("Sina Speaker") && speakers.contains("Cem Co"));
    c.goto(&format!("{base}/speaker/proposals")).await?;
    expect_text(&driver, "Speed reading Rust, together").await?;
    log_out(&driver).await?;

    log_in(&driver, &base, "sina@example.org", pw).await?;
    c.goto(&format!("{base}/speaker/proposals")).await?;
    expect_text(&driver, "Speed reading Rust, together").await?;
    driver.screenshot("my-proposals").await?;
    driver.quit().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(devday_browser),
    ignore = "browser suite off: apt-get install chromium chromium-driver, then set DEVDAY_TEST_BROWSER=1"
)]
async fn a_reviewer_works_through_the_queue_and_the_organiser_accepts() -> anyhow::Result<()> {
    devday_tests::binary!();
    let mut app = TestApp::spawn(devday_tests::Backend::Sqlite).await?;
    let admin = app.admin().await?;
    app.create_open_edition(&admin, "dd-2030").await?;
    let pw = "a long test password";
    let reviewer = app.user("rita@example.org", "Rita Reviewer").await?;
    app.invite(&admin, "dd-2030", &reviewer, "rita@example.org", "reviewer")
        .await?;
    let speaker = app.user("sven@example.org", "Sven Speaker").await?;
    let form = speaker.get("/dd-2030/cfp/submit").await?;
    let talk = regex::Regex::new(r#"<option value="([0-9a-f-]{36})""#)?
        .captures(&form.body)
        .map(|c| c[1].to_owned())
        .expect("type");
    for title in ["Alpha talk", "Beta talk"] {
        speaker
            .post(
                "/dd-2030/cfp/submit",
                &[
                    ("title", title),
                    ("abstract", "Text"),
                    ("session_type", &talk),
                    ("language", "en"),
                    ("level", "beginner"),
                    ("action", "submit"),
                ],
            )
            .await?;
    }
    admin
        .post(
            "/dd-2030/manage/review",
            &[("anonymised", "true"), ("reviews_per_proposal", "1")],
        )
        .await?;
    admin.post("/dd-2030/manage/review/distribute", &[]).await?;

    let driver = WebDriver::start().await?;
    let c = &driver.client;
    let base = app.base.clone();
    log_in(&driver, &base, "rita@example.org", pw).await?;
    c.goto(&format!("{base}/dd-2030/review/")).await?;
    expect_text(&driver, "You have reviewed 0 of 2").await?;
    c.find(Locator::LinkText("Review the next proposal"))
        .await?
        .click()
        .await?;
    // Two proposals: give the first 3s, save and next, the second 1s.
    let mut seen = Vec::new();
    for score in ["3", "1"] {
        // Wait for a review page of a proposal not seen yet.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        let title = loop {
            let h1 = match c.find(Locator::Css("main h1")).await {
                Ok(h) => h.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            if h1.ends_with("talk") && !seen.contains(&h1) {
                break h1;
            }
            anyhow::ensure!(std::time::Instant::now() < deadline, "no new review page");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        };
        seen.push(title);
        // One click per score: the labels of a radio group.
        let choices = c
            .find_all(Locator::Css(&format!(
                "fieldset.score label[for$='-{score}']"
            )))
            .await?;
        anyhow::ensure!(!choices.is_empty(), "no score to click");
        for choice in choices {
            choice.click().await?;
        }
        if seen.len() == 1 {
            driver.screenshot("review-form").await?;
        }
        let text = c.find(Locator::Css("main")).await?.text().await?;
        assert!(
            !text.contains("Sven"),
            "the speaker's name reached the reviewer"
        );
        c.find(Locator::Css("button[value='next']"))
            .await?
            .click()
            .await?;
    }
    expect_text(&driver, "You have reviewed 2 of 2").await?;
    driver.screenshot("review-queue").await?;
    log_out(&driver).await?;

    log_in(&driver, &base, "admin@example.org", pw).await?;
    c.goto(&format!("{base}/dd-2030/manage/review/dashboard?sort=mean"))
        .await?;
    // Sorted by mean, the 3s come first.
    let best = c.find(Locator::Css("tbody tr td a")).await?.text().await?;
    assert_eq!(best, seen[0], "the dashboard does not rank by score");
    // Accept the best one in bulk.
    c.find(Locator::Css("tbody tr input[name='ids']"))
        .await?
        .click()
        .await?;
    c.find(Locator::Css("button[value='accept']"))
        .await?
        .click()
        .await?;
    expect_text(&driver, "1 proposal accepted.").await?;
    driver.screenshot("review-dashboard").await?;
    // The rest, filtered to the undecided ones, all at once onto the waiting list: the box
    // in the table's head selects every shown row, the bar counts them.
    c.goto(&format!(
        "{base}/dd-2030/manage/review/dashboard?state=submitted"
    ))
    .await?;
    let shown = c
        .find_all(Locator::Css("table.decisions tbody tr"))
        .await?
        .len();
    assert!(shown >= 1);
    c.find(Locator::Css("thead input.all"))
        .await?
        .click()
        .await?;
    let count = c
        .find(Locator::Css(".bulk-bar .selected-count"))
        .await?
        .text()
        .await?;
    assert_eq!(count, shown.to_string(), "the bar counts the selection");
    c.find(Locator::Css("button[value='waitlist']"))
        .await?
        .click()
        .await?;
    expect_text(
        &driver,
        &if shown == 1 {
            "1 proposal put on the waiting list.".to_owned()
        } else {
            format!("{shown} proposals put on the waiting list.")
        },
    )
    .await?;
    // The dashboard points at the mails not sent; the preview counts them before they go.
    c.goto(&format!("{base}/dd-2030/manage/")).await?;
    expect_text(&driver, "1 decision is not mailed yet").await?;
    driver.screenshot("organiser-dashboard").await?;
    c.find(Locator::Css("a[href$='/manage/review/notify']"))
        .await?
        .click()
        .await?;
    expect_text(&driver, "Send 1 mail").await?;
    driver.screenshot("decision-mails-preview").await?;
    c.find(Locator::Css("form[action$='/notify'] button"))
        .await?
        .click()
        .await?;
    expect_text(
        &driver,
        "The speakers of 1 proposal are being told the decision.",
    )
    .await?;
    log_out(&driver).await?;

    // The speaker follows the mail's link, signs in from there, and confirms with what the
    // programme needs: a biography, the days, no recording.
    let mail = app
        .smtp
        .wait_for_subject("sven@example.org", "Accepted")
        .await?;
    assert!(mail.subject.contains(&best));
    c.goto(&mail.link("/cfp/respond/").expect("link")).await?;
    expect_text(&driver, "Sign in and confirm").await?;
    driver.screenshot("respond-link").await?;
    c.find(Locator::Css("a[href^='/account/login?next=']"))
        .await?
        .click()
        .await?;
    fill(&driver, "email", "sven@example.org").await?;
    fill(&driver, "password", devday_tests::PASSWORD).await?;
    submit(&driver).await?;
    expect_text(&driver, "The days you can speak on").await?;
    fill(&driver, "biography_md", "Sven builds compilers in Dresden.").await?;
    c.find(Locator::Id("f-record")).await?.click().await?;
    driver.screenshot("confirm-form").await?;
    c.find(Locator::Css("button[value='confirm']"))
        .await?
        .click()
        .await?;
    expect_text(&driver, "you confirmed").await?;
    driver.quit().await?;

    // Placed and released, the talk's exports say what Sven answered: not recorded.
    let id: String = {
        use devday_db::schema::proposals::dsl as p;
        use diesel::prelude::*;
        let mut conn = devday_db::DatabaseUrl::parse(&app.database_url())?.connect()?;
        p::proposals
            .filter(p::title.eq(&best))
            .select(p::id)
            .first(&mut conn)?
    };
    let res = admin
        .post(
            "/dd-2030/manage/schedule/rooms",
            &[("name", "Saal 1"), ("capacity", "100")],
        )
        .await?;
    assert_eq!(res.status, 303, "{}", res.body);
    devday_tests::builders::Builder::new(&app)?.moved(
        "dd-2030",
        &id.clone().into(),
        "Saal 1",
        "09:00",
    )?;
    let res = admin
        .post("/dd-2030/manage/schedule/release", &[("name", "Version 1")])
        .await?;
    assert_eq!(res.status, 303, "{}", res.body);
    let xml = app.client().get("/dd-2030/schedule.xml").await?.body;
    let event = xml
        .split(&format!(r#"<event guid="{id}""#))
        .nth(1)
        .and_then(|rest| rest.split("</event>").next())
        .unwrap_or_default();
    assert!(event.contains("<optout>true</optout>"), "{xml}");
    let json = app.client().get("/dd-2030/schedule.json").await?.body;
    assert!(json.contains(r#""do_not_record":true"#), "{json}");
    Ok(())
}

/// Clicks the submit button of the form posting to an action that contains `action`.
async fn press(driver: &WebDriver, action: &str, button: &str) -> anyhow::Result<()> {
    driver
        .client
        .find(Locator::Css(&format!(
            "form[action*='{action}'] button[type='submit']{button}"
        )))
        .await?
        .click()
        .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(devday_browser),
    ignore = "browser suite off: apt-get install chromium chromium-driver, then set DEVDAY_TEST_BROWSER=1"
)]
async fn an_attendee_cancels_and_the_waiting_list_takes_the_place() -> anyhow::Result<()> {
    devday_tests::binary!();
    let mut app = TestApp::spawn(devday_tests::Backend::Sqlite).await?;
    let admin = app.admin().await?;
    app.create_open_edition(&admin, "dd-2030").await?;
    app.set_conference_capacity(&admin, "dd-2030", "1").await?;
    let day = (chrono::Utc::now().date_naive() + chrono::Duration::days(120)).to_string();
    let res = admin
        .post(
            "/dd-2030/manage/registration/tickets",
            &[
                ("name", "Rust workshop"),
                ("kind", "workshop"),
                ("capacity", "1"),
                ("starts_at", &format!("{day}T09:00")),
                ("ends_at", &format!("{day}T12:00")),
            ],
        )
        .await?;
    anyhow::ensure!(res.status == 303, "workshop: {}", res.body);
    let driver = WebDriver::start().await?;
    let c = &driver.client;

    // Without a privacy notice the form stays shut; the organiser is told why and starts
    // from devday's templates.
    let no_notice = [
        ("hold_hours", "24"),
        ("offer_hours", "48"),
        ("privacy_text", ""),
        ("coc_text", ""),
    ];
    let res = admin
        .post("/dd-2030/manage/registration", &no_notice)
        .await?;
    anyhow::ensure!(res.status == 303, "texts: {}", res.body);
    c.goto(&format!("{}/dd-2030/register/", app.base)).await?;
    expect_text(&driver, "as soon as the organisers have published").await?;
    driver.screenshot("registration-not-ready").await?;
    log_in(
        &driver,
        &app.base,
        "admin@example.org",
        devday_tests::PASSWORD,
    )
    .await?;
    c.goto(&format!("{}/dd-2030/manage/registration", app.base))
        .await?;
    expect_text(&driver, "Registration stays closed").await?;
    c.find(Locator::Css("a[href$='templates=true#f-privacy_text']"))
        .await?
        .click()
        .await?;
    let filled = c
        .find(Locator::Id("f-privacy_text"))
        .await?
        .prop("value")
        .await?;
    assert!(
        filled.is_some_and(|t| t.starts_with("## Privacy notice")),
        "no template"
    );
    driver.screenshot("registration-settings-templates").await?;
    c.find(Locator::Css(
        "form[action$='/manage/registration'] button[type='submit']",
    ))
    .await?
    .click()
    .await?;
    expect_text(&driver, "Saved").await?;
    log_out(&driver).await?;

    // Anna takes the last place and the workshop's: the form (tickets first), then the
    // confirmation link from the mail.
    c.goto(&format!("{}/dd-2030/register/", app.base)).await?;
    expect_text(&driver, "1 place").await?;
    c.find(Locator::Css("input[name='workshops']"))
        .await?
        .click()
        .await?;
    fill(&driver, "name", "Anna Attendee").await?;
    fill(&driver, "email", "anna@example.org").await?;
    submit(&driver).await?;
    // Without consent nothing is held; the message stands beside the box.
    expect_text(&driver, "Please agree").await?;
    c.find(Locator::Css("#f-consent")).await?.click().await?;
    submit(&driver).await?;
    expect_text(&driver, "Your place at Edition dd-2030 is held").await?;
    driver.screenshot("registration-held").await?;
    let mail = app.smtp.wait_for("anna@example.org").await?;
    c.goto(&mail.link("/register/confirm/").expect("confirm link"))
        .await?;
    press(&driver, "/register/confirm/", "").await?;
    expect_text(&driver, "You are registered, Anna").await?;
    // A one-time page (the link is used up): as it is, not opened again in German.
    driver
        .screenshot_as_is("registration-registered-en")
        .await?;
    let ticket = app
        .smtp
        .wait_for_subject("anna@example.org", "Your ticket")
        .await?;
    // Her ticket: when, where, the workshop's time, the QR and short code, the PDF.
    c.goto(&ticket.link("/ticket").expect("ticket link"))
        .await?;
    expect_text(&driver, "Rust workshop").await?;
    c.find(Locator::Css("a[href$='/ticket.pdf']")).await?;
    c.find(Locator::Id("ticket-short-code")).await?;
    driver.screenshot("ticket").await?;

    // Willi finds the conference full; the waiting-list box is ticked for him.
    c.goto(&format!("{}/dd-2030/register/", app.base)).await?;
    expect_text(&driver, "full").await?;
    let ticked = c
        .find(Locator::Css("#f-waitlist"))
        .await?
        .prop("checked")
        .await?;
    assert_eq!(ticked.as_deref(), Some("true"));
    // The full workshop can only be waited for.
    c.find(Locator::Css("input[name='workshop_waitlist']"))
        .await?;
    driver.screenshot("registration-form-full").await?;
    fill(&driver, "name", "Willi Waiting").await?;
    fill(&driver, "email", "willi@example.org").await?;
    c.find(Locator::Css("#f-consent")).await?.click().await?;
    submit(&driver).await?;
    expect_text(&driver, "You are on the waiting list").await?;

    // Anna cancels through the manage link in her ticket mail.
    c.goto(&ticket.link("/register/manage/").expect("manage link"))
        .await?;
    expect_text(&driver, "Anna Attendee").await?;
    // The button asks first; going back keeps the place, confirming gives it up.
    c.find(Locator::Css("a[href$='/cancel']"))
        .await?
        .click()
        .await?;
    expect_text(&driver, "Cancel your registration for").await?;
    c.find(Locator::LinkText("No, go back"))
        .await?
        .click()
        .await?;
    expect_text(&driver, "Anna Attendee").await?;
    c.find(Locator::Css("a[href$='/cancel']"))
        .await?
        .click()
        .await?;
    expect_text(&driver, "This cannot be undone").await?;
    press(&driver, "/cancel", "").await?;
    expect_text(&driver, "Registration cancelled").await?;

    // Willi gets the offer by mail and accepts it; his ticket follows.
    let offer = app
        .smtp
        .wait_for_subject("willi@example.org", "A place for you")
        .await?;
    c.goto(&offer.link("/register/offer/").expect("offer link"))
        .await?;
    press(&driver, "/register/offer/", "[value='accept']").await?;
    expect_text(&driver, "You are registered").await?;
    driver
        .screenshot_as_is("registration-offer-accepted-en")
        .await?;
    app.smtp
        .wait_for_subject("willi@example.org", "Your ticket")
        .await?;
    let list = admin.get("/dd-2030/manage/registrations").await?;
    assert!(list.body.contains("1 / 1"), "taken / capacity is off");
    driver.quit().await?;
    Ok(())
}

/// Drags with the events a mouse drag fires (ChromeDriver cannot drive HTML5 drag and
/// drop itself): the page's own handlers do the rest.
async fn drag(driver: &WebDriver, from: &str, to: &str) -> anyhow::Result<()> {
    driver
        .client
        .execute(
            "const [from, to] = [document.querySelector(arguments[0]), document.querySelector(arguments[1])];
             const data = new DataTransfer();
             const fire = (el, type) => el.dispatchEvent(new DragEvent(type, {dataTransfer: data, bubbles: true, cancelable: true}));
             fire(from, 'dragstart'); fire(to, 'dragover'); fire(to, 'drop');",
            vec![from.into(), to.into()],
        )
        .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(devday_browser),
    ignore = "browser suite off: apt-get install chromium chromium-driver, then set DEVDAY_TEST_BROWSER=1"
)]
async fn an_organiser_drags_sessions_resolves_a_conflict_and_releases() -> anyhow::Result<()> {
    use devday_tests::flows::{confirm_proposals, submit_proposal};
    devday_tests::binary!();
    let mut app = TestApp::spawn(devday_tests::Backend::Sqlite).await?;
    let admin = app.admin().await?;
    app.create_open_edition(&admin, "dd-2030").await?;
    let sarah = app.user("sarah@example.org", "Sarah Speaker").await?;
    let first = submit_proposal(
        &sarah,
        "dd-2030",
        "Ownership for everyone",
        "Borrowing explained.",
    )
    .await?;
    let second =
        submit_proposal(&sarah, "dd-2030", "Async all the way", "Tokio in practice.").await?;
    confirm_proposals(
        &app,
        &admin,
        "dd-2030",
        &[&first, &second],
        "sarah@example.org",
    )
    .await?;
    for (name, seats) in [("Saal 1", "300"), ("Room B", "80")] {
        admin
            .post(
                "/dd-2030/manage/schedule/rooms",
                &[("name", name), ("capacity", seats)],
            )
            .await?;
    }
    let driver = WebDriver::start().await?;
    let c = &driver.client;
    log_in(
        &driver,
        &app.base,
        "admin@example.org",
        devday_tests::PASSWORD,
    )
    .await?;
    c.goto(&format!("{}/dd-2030/manage/schedule", app.base))
        .await?;
    expect_text(&driver, "Not scheduled (2)").await?;
    driver.screenshot("timetable-editor").await?;
    // The rooms' ids, in column order, from the grid's free slots.
    let rooms = c
        .execute(
            "return [...new Set([...document.querySelectorAll('td.empty[data-room]')].map(td => td.dataset.room))];",
            vec![],
        )
        .await?;
    let room = |i: usize| rooms[i].as_str().unwrap_or_default().to_owned();
    let (saal, room_b) = (room(0), room(1));
    // A mark on the page: it survives only if changes swap the editor in place.
    c.execute("window.stayed = true;", vec![]).await?;
    let stayed = || async {
        c.execute("return window.stayed === true;", vec![])
            .await
            .map(|v| v.as_bool() == Some(true))
    };
    // Dragged from the list onto the grid.
    drag(
        &driver,
        &format!("li[data-session='{first}']"),
        &format!("td.empty[data-room='{saal}'][data-start='10:00']"),
    )
    .await?;
    expect_text(&driver, "“Ownership for everyone” is on the grid.").await?;
    assert!(stayed().await?, "placing did not reload the page");
    // Placed with the keyboard: choose the session, fill its form (a time field's typing
    // depends on the browser's locale; its value is set directly).
    c.find(Locator::Css(&format!(
        "li[data-session='{second}'] a.select"
    )))
    .await?
    .click()
    .await?;
    // The editor swaps in place: wait for this session's form, not the one shown before.
    c.wait()
        .for_element(Locator::Css(&format!(
            "#edit form.place[action$='/sessions/{second}']"
        )))
        .await?;
    c.execute(
        "document.querySelector('#f-room').value = arguments[0]; document.querySelector('#f-start').value = '10:15';",
        vec![saal.clone().into()],
    )
    .await?;
    c.find(Locator::Css("#edit form.place button[type='submit']"))
        .await?
        .click()
        .await?;
    expect_text(&driver, "“Async all the way” is on the grid.").await?;
    // Both sessions in one room at once (and Sarah in both): both drawn, side by side,
    // marked with the reason.
    expect_text(&driver, "2 conflicts").await?;
    for id in [&first, &second] {
        let cell = c
            .find(Locator::Css(&format!(
                "td.session.hard[data-session='{id}']"
            )))
            .await?;
        let why = cell
            .find(Locator::Css("a.select"))
            .await?
            .attr("title")
            .await?;
        assert!(
            why.unwrap_or_default().contains("Saal 1 is double-booked"),
            "the reason on hover"
        );
    }
    assert!(stayed().await?);
    driver.screenshot("timetable-editor-conflict").await?;
    // The release waits for the conflict to be solved.
    c.goto(&format!("{}/dd-2030/manage/schedule/release", app.base))
        .await?;
    expect_text(&driver, "The first version publishes 2 sessions").await?;
    let publish = c
        .find(Locator::Css(
            "form[action$='/release'] button[type='submit']",
        ))
        .await?;
    assert!(
        publish.attr("disabled").await?.is_some(),
        "a release with a conflict is blocked"
    );
    c.back().await?;
    expect_text(&driver, "2 conflicts").await?;
    c.execute("window.stayed = true;", vec![]).await?;
    // Resolved by dragging the grid's session to Room B at eleven; undone; done again.
    let to_room_b = format!("td.empty[data-room='{room_b}'][data-start='11:00']");
    drag(
        &driver,
        &format!("td.session[data-session='{second}']"),
        &to_room_b,
    )
    .await?;
    expect_text(&driver, "“Async all the way” moved.").await?;
    expect_text(&driver, "No conflicts").await?;
    c.find(Locator::Css("form.undo button"))
        .await?
        .click()
        .await?;
    expect_text(&driver, "Undone: “Async all the way” is back where it was.").await?;
    expect_text(&driver, "2 conflicts").await?;
    drag(
        &driver,
        &format!("td.session[data-session='{second}']"),
        &to_room_b,
    )
    .await?;
    expect_text(&driver, "No conflicts").await?;
    assert!(stayed().await?, "no change reloaded the page");
    // Released from the toolbar: the preview lists what goes out, then asks once.
    c.find(Locator::Css(
        ".editor-bar a[href$='/manage/schedule/release']",
    ))
    .await?
    .click()
    .await?;
    expect_text(&driver, "The first version publishes 2 sessions").await?;
    fill(&driver, "name", "Programme").await?;
    c.find(Locator::Css(
        "form[action$='/release'] button[type='submit']",
    ))
    .await?
    .click()
    .await?;
    expect_text(&driver, "Version 1 “Programme” is public.").await?;
    expect_text(&driver, "Released versions").await?;
    driver.screenshot("timetable-released").await?;
    // The public grid shows both; a favourite makes a personal calendar.
    c.goto(&format!("{}/dd-2030/schedule/", app.base)).await?;
    expect_text(&driver, "Async all the way").await?;
    let text = expect_text(&driver, "Ownership for everyone").await?;
    assert!(text.contains("11:00"), "{text}");
    c.find(Locator::Css(&format!(
        "td[data-guid='{second}'] button.fav"
    )))
    .await?
    .click()
    .await?;
    let calendar = c
        .wait()
        .for_element(Locator::Css("#my-calendar-item:not([hidden]) #my-calendar"))
        .await?;
    let href = calendar.attr("href").await?.unwrap_or_default();
    assert!(
        href.ends_with(&format!("/dd-2030/schedule.ics?sessions={second}")),
        "{href}"
    );
    // Sarah sees her slot on her proposal's page.
    log_out(&driver).await?;
    log_in(
        &driver,
        &app.base,
        "sarah@example.org",
        devday_tests::PASSWORD,
    )
    .await?;
    c.goto(&format!("{}/dd-2030/cfp/proposals/{second}", app.base))
        .await?;
    let slot = expect_text(&driver, "Your slot in the programme").await?;
    assert!(slot.contains("11:00–"), "{slot}");
    driver.screenshot("proposal-slot").await?;
    driver.quit().await?;
    Ok(())
}

/// A Y4M video (what Chromium's fake camera plays) of a QR code on white: grey levels only.
fn qr_video(code: &str, path: &std::path::Path) -> anyhow::Result<()> {
    let qr = qrcode::QrCode::with_error_correction_level(code.as_bytes(), qrcode::EcLevel::M)?;
    let (modules, colours) = (qr.width(), qr.to_colors());
    let (side, scale) = (480usize, 480 / (qr.width() + 8));
    let offset = (side - modules * scale) / 2;
    let mut luma = vec![235u8; side * side];
    for (i, colour) in colours.iter().enumerate() {
        if *colour == qrcode::Color::Dark {
            let (mx, my) = (i % modules, i / modules);
            for y in 0..scale {
                let row = (offset + my * scale + y) * side + offset + mx * scale;
                luma[row..row + scale].fill(16);
            }
        }
    }
    let mut video = format!("YUV4MPEG2 W{side} H{side} F10:1 Ip A1:1 C420jpeg\n").into_bytes();
    for _ in 0..10 {
        video.extend_from_slice(b"FRAME\n");
        video.extend_from_slice(&luma);
        video.extend(std::iter::repeat_n(128u8, side * side / 2));
    }
    std::fs::write(path, video)?;
    Ok(())
}

/// Polls the check-in API until the person is admitted (up to 20 s).
async fn wait_until_admitted(
    app: &TestApp,
    token: &str,
    registration: &str,
) -> anyhow::Result<serde_json::Value> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let sync = app
            .client()
            .api_get("/api/events/dd-2030/checkin/sync", Some(token))
            .await?
            .json();
        let ticket = sync["tickets"].as_array().and_then(|all| {
            all.iter()
                .find(|t| t["registration_id"] == registration)
                .cloned()
        });
        if let Some(ticket) = ticket.filter(|t| !t["checked_in_at"].is_null()) {
            return Ok(ticket);
        }
        anyhow::ensure!(
            std::time::Instant::now() < deadline,
            "{registration} was never checked in"
        );
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
}

/// A code typed at the door (a badge the camera cannot read), then "Check".
async fn type_code(driver: &WebDriver, code: &str) -> anyhow::Result<()> {
    fill(driver, "scanner-code", code).await?;
    driver
        .client
        .find(Locator::Css("#scanner-manual button"))
        .await?
        .click()
        .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(devday_browser),
    ignore = "browser suite off: apt-get install chromium chromium-driver, then set DEVDAY_TEST_BROWSER=1"
)]
async fn door_staff_scan_a_badge_with_the_camera_and_keep_going_offline() -> anyhow::Result<()> {
    devday_tests::binary!();
    let mut app = TestApp::spawn(devday_tests::Backend::Sqlite).await?;
    let admin = app.admin().await?;
    app.create_open_edition(&admin, "dd-2030").await?;
    let codes = devday_tests::flows::guest_tickets(
        &app,
        &admin,
        "dd-2030",
        &[
            ("Ann Abel", "ann@example.org"),
            ("Ben Bauer", "ben@example.org"),
        ],
    )
    .await?;
    let registration = |code: &str| code.split(':').nth(3).unwrap_or_default().to_owned();
    let staff = app.user("sam@example.org", "Sam Staff").await?;
    app.invite(&admin, "dd-2030", &staff, "sam@example.org", "staff")
        .await?;
    let token = devday_tests::flows::api_token(&admin, "check").await?;

    // The phone's camera sees Ann's badge.
    let video = std::env::temp_dir().join(format!("devday-qr-{}.y4m", uuid::Uuid::new_v4()));
    qr_video(&codes[0], &video)?;
    let driver = WebDriver::start_with(&[
        "--use-fake-device-for-media-stream".into(),
        "--use-fake-ui-for-media-stream".into(),
        format!("--use-file-for-fake-video-capture={}", video.display()),
    ])
    .await?;
    log_in(
        &driver,
        &app.base,
        "sam@example.org",
        devday_tests::PASSWORD,
    )
    .await?;
    let c = &driver.client;
    c.goto(&format!("{}/dd-2030/staff/", app.base)).await?;
    c.find(Locator::Css("a[href$='/staff/scanner?list=entrance']"))
        .await?
        .click()
        .await?;
    fill(&driver, "device", "Door 1").await?;
    submit(&driver).await?;
    let ann = wait_until_admitted(&app, &token, &registration(&codes[0])).await?;
    assert_eq!(ann["checked_in_by"], "Door 1");
    expect_text(&driver, "Ann Abel").await?;
    expect_text(&driver, "online").await?;
    driver.screenshot_as_is("scanner-online").await?;
    // Every answer's colours are readable (WCAG AA): green with Undo, red, offline.
    let axe = match devday_tests::validator_file("axe.min.js") {
        Some(path) => Some(std::fs::read_to_string(path)?),
        None => None,
    };
    let readable = |state: &'static str| {
        let (driver, axe) = (&driver, axe.clone());
        async move {
            if let Some(axe) = axe {
                let found = accessibility_violations(driver, &axe).await?;
                anyhow::ensure!(
                    found.is_empty(),
                    "the scanner showing {state}:\n{}",
                    found.join("\n")
                );
            }
            Ok::<_, anyhow::Error>(())
        }
    };
    readable("Welcome with Undo").await?;

    // Let in by mistake: taken back, then admitted again by the code typed at the desk.
    c.find(Locator::Css("#scanner-undo")).await?.click().await?;
    expect_text(&driver, "Check-in taken back").await?;
    let sync = app
        .client()
        .api_get("/api/events/dd-2030/checkin/sync", Some(&token))
        .await?
        .json();
    let still_in = sync["tickets"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|t| !t["checked_in_at"].is_null());
    assert!(!still_in, "the undone check-in is still there: {sync}");
    type_code(&driver, &codes[0]).await?;
    expect_text(&driver, "Welcome!").await?;
    wait_until_admitted(&app, &token, &registration(&codes[0])).await?;
    // Scanned again: "already checked in", and no Undo that would take back an admission.
    type_code(&driver, &codes[0]).await?;
    expect_text(&driver, "Already checked in").await?;
    assert!(
        !c.find(Locator::Css("#scanner-undo"))
            .await?
            .is_displayed()
            .await?,
        "Undo offered on someone else's earlier admission"
    );
    readable("already checked in").await?;
    // At the desk, by name: Ann is in (nothing to press), Ben not yet (check in); no
    // addresses on the screen.
    for (name, state, button) in [("abel", "in since", false), ("bauer", "not in yet", true)] {
        fill(&driver, "scanner-q", name).await?;
        c.find(Locator::Css("#scanner-search button"))
            .await?
            .click()
            .await?;
        expect_text(&driver, state).await?;
        let found = c.find(Locator::Id("scanner-found")).await?;
        assert!(!found.text().await?.contains('@'), "an address at the desk");
        assert_eq!(
            !found.find_all(Locator::Css("button")).await?.is_empty(),
            button,
            "{name}: check-in offered wrongly"
        );
    }
    driver.screenshot_as_is("scanner-desk-search").await?;

    // The network goes: the scanner notices, still knows Ann is in, and admits Ben by the
    // short code he reads out from his cracked phone (the synced list knows it).
    let ben_mail = app
        .smtp
        .wait_for_subject("ben@example.org", "Your ticket")
        .await?;
    let ben_short = devday_tests::capture(r"types this code: ([0-9A-Z-]{11})", &ben_mail.text);
    app.stop(true)?;
    expect_text(&driver, "offline").await?;
    type_code(&driver, &codes[0]).await?;
    expect_text(&driver, "Already checked in").await?;
    type_code(&driver, &ben_short.to_lowercase().replace('-', " ")).await?;
    expect_text(&driver, "Welcome!").await?;
    expect_text(&driver, "Ben Bauer").await?;
    expect_text(&driver, "Waiting for upload: 2").await?;
    let forged = codes[1].replacen(&registration(&codes[1]), &registration(&codes[0]), 1);
    type_code(&driver, &forged).await?;
    expect_text(&driver, "Not a valid ticket").await?;
    expect_text(&driver, "Waiting for upload: 3").await?;
    driver.screenshot_as_is("scanner-offline").await?;
    readable("offline, not a valid ticket").await?;

    // The network returns: the queued check-in is uploaded, with its original time.
    app.restart_on_same_port().await?;
    let ben = wait_until_admitted(&app, &token, &registration(&codes[1])).await?;
    assert_eq!(ben["checked_in_by"], "Door 1");
    expect_text(&driver, "online").await?;
    let board = admin.get("/dd-2030/manage/checkin.csv").await?;
    assert!(
        board
            .body
            .contains("\"Ben Bauer\",\"ben@example.org\",\"admitted\",\"Door 1\",\"offline\""),
        "{}",
        board.body
    );
    for logged in [
        "\"Ann Abel\",\"ann@example.org\",\"admitted twice offline\",\"Door 1\",\"offline\"",
        "\"not a valid ticket\",\"Door 1\",\"offline\"",
    ] {
        assert!(
            board.body.contains(logged),
            "{logged} not in {}",
            board.body
        );
    }
    driver.quit().await?;
    let _ = std::fs::remove_file(video);
    Ok(())
}

/// The serious and critical WCAG 2.1 A/AA violations axe-core finds on the current page,
/// one line each: rule, impact, up to three elements.
async fn accessibility_violations(driver: &WebDriver, axe: &str) -> anyhow::Result<Vec<String>> {
    driver.client.execute(axe, vec![]).await?;
    let found = driver
        .client
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] })
              .then(r => done(r.violations
                .filter(v => v.impact === "serious" || v.impact === "critical")
                .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ")}`)))
              .catch(e => done([`axe failed: ${e}`]));"#,
            vec![],
        )
        .await?;
    Ok(serde_json::from_value(found)?)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(devday_browser),
    ignore = "browser suite off: apt-get install chromium chromium-driver, then set DEVDAY_TEST_BROWSER=1"
)]
async fn every_role_s_main_pages_pass_an_accessibility_check() -> anyhow::Result<()> {
    devday_tests::binary!();
    // axe-core (npm, MPL-2.0) lives with the other validators; CI puts it there.
    let Some(axe) = devday_tests::validator_file("axe.min.js") else {
        return Ok(());
    };
    let axe = std::fs::read_to_string(axe)?;
    // The clock runs every second, so a reconfirmation round asks at once.
    let mut app = TestApp::builder(devday_tests::Backend::Sqlite)
        .env("DEVDAY_SERVER_SWEEP_SECONDS", "1")
        .spawn()
        .await?;
    let admin = app.admin().await?;
    app.create_open_edition(&admin, "dd-2030").await?;
    let speaker = app.user("ada@example.org", "Ada Speaker").await?;
    let proposal = devday_tests::flows::submit_proposal(
        &speaker,
        "dd-2030",
        "Accessible talks",
        "An abstract.",
    )
    .await?;
    let res = admin
        .api_post(
            "/api/events/dd-2030/registrations",
            None,
            &serde_json::json!({"name": "Ben Guest", "email": "ben@example.org", "consent": true}),
        )
        .await?;
    assert_eq!(res.status, 201, "{}", res.body);
    devday_tests::flows::guest_tickets(
        &app,
        &admin,
        "dd-2030",
        &[("Cleo Guest", "cleo@example.org")],
    )
    .await?;
    let ticket = devday_tests::flows::ticket_page(&app, "cleo@example.org").await?;
    // The demo edition brings a released timetable with sessions and speakers.
    let demo = app.command().arg("demo").output()?;
    assert!(
        demo.status.success(),
        "{}",
        String::from_utf8_lossy(&demo.stderr)
    );
    let grid = app.client().get("/devday-demo/schedule/").await?;
    let session = devday_tests::capture(
        r#"href="(/devday-demo/schedule/sessions/[^"]+)""#,
        &grid.body,
    );
    let page = app.client().get(&session).await?;
    let speaker_page = devday_tests::capture(
        r#"href="(/devday-demo/schedule/speakers/[^"/]+)""#,
        &page.body,
    );
    let manage = ticket.trim_end_matches("/ticket").to_owned();
    let deadline = (chrono::Utc::now() + chrono::Duration::days(30))
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    let res = admin
        .post(
            "/dd-2030/manage/registration/reconfirm",
            &[
                ("asks_at", "2026-01-01T10:00"),
                ("deadline", deadline.as_str()),
                ("release_unanswered", "true"),
            ],
        )
        .await?;
    assert_eq!(res.status, 303, "{}", res.body);
    let asked = app
        .smtp
        .wait_for_subject("cleo@example.org", "Edition dd-2030: are you still coming?")
        .await?;
    let reconfirm = asked
        .link("answer=free")
        .expect("the answer link")
        .trim_start_matches(&app.base)
        .to_owned();
    let programme = devday_tests::capture(
        r#"class="programme-card" href="([^"]+)""#,
        &app.client()
            .get(manage.trim_start_matches(&app.base))
            .await?
            .body,
    )
    .replace("&#x2F;", "/");

    let driver = WebDriver::start().await?;
    let base = app.base.clone();
    let mut report = Vec::new();
    // Attendees reach their registration through the mailed link, without an account.
    let cancel = format!("{manage}/cancel");
    let attendee = [
        manage.trim_start_matches(&base),
        ticket.trim_start_matches(&base),
        cancel.trim_start_matches(&base),
        programme.as_str(),
        reconfirm.as_str(),
    ];
    // Last year's demo edition, archived with its recordings.
    let archive = {
        use chrono::Datelike;
        format!(
            "/devday-{}/schedule/recordings",
            chrono::Utc::now().year() - 1
        )
    };
    let visitor = [
        "/",
        "/dd-2030/",
        archive.as_str(),
        "/dd-2030/cfp/",
        "/dd-2030/register/",
        "/devday-demo/schedule/",
        "/devday-demo/schedule/embed",
        "/devday-demo/schedule/now",
        "/devday-demo/schedule/changes",
        "/devday-demo/schedule/speakers/",
        session.as_str(),
        speaker_page.as_str(),
        "/account/login",
        "/account/signup",
        "/account/password/forgot",
        "/dd-2030/my/",
    ];
    let speaker_pages = [
        "/account",
        "/dd-2030/cfp/submit",
        "/speaker/proposals",
        "/speaker/profile",
    ];
    let organiser_pages = [
        "/dd-2030/manage/",
        "/dd-2030/manage/cfp",
        "/dd-2030/manage/proposals",
        "/dd-2030/manage/review",
        "/dd-2030/manage/registration",
        "/dd-2030/manage/registrations",
        "/dd-2030/manage/schedule",
        "/dd-2030/manage/schedule/setup",
        "/dd-2030/manage/checkin",
        "/dd-2030/manage/webhooks",
        "/dd-2030/staff/",
        "/dd-2030/staff/scanner",
        "/dd-2030/staff/badges",
        "/admin",
        "/dd-2030/review/",
        "/dd-2030/review/next",
        "/dd-2030/manage/review/dashboard",
        "/devday-demo/manage/schedule",
        "/devday-demo/manage/schedule?edit=none&q=a",
        "/devday-demo/manage/schedule/release",
        "/devday-demo/manage/schedule/optimiser",
        "/devday-demo/manage/schedule/recordings",
        "/devday-demo/manage/review/dashboard",
        "/devday-demo/manage/report",
        "/devday-demo/manage/report/compare",
        "/devday-demo/manage/next-year",
        "/devday-demo/manage/speakers/returning",
        "/devday-demo/my/",
        "/dd-2030/manage/registration/reconfirm",
        "/devday-demo/manage/registration/reconfirm",
    ];
    for (who, pages) in [
        ("attendee", &attendee[..]),
        ("visitor", &visitor[..]),
        ("speaker", &speaker_pages[..]),
        ("organiser", &organiser_pages[..]),
    ] {
        match who {
            "speaker" => log_in(&driver, &base, "ada@example.org", devday_tests::PASSWORD).await?,
            "organiser" => {
                log_out(&driver).await?;
                log_in(&driver, &base, "admin@example.org", devday_tests::PASSWORD).await?;
            }
            _ => {}
        }
        let pages: Vec<String> = pages
            .iter()
            .map(|p| p.to_string())
            .chain((who == "speaker").then(|| format!("/dd-2030/cfp/proposals/{proposal}")))
            .chain((who == "organiser").then(|| format!("/dd-2030/manage/proposals/{proposal}")))
            .collect();
        for page in pages {
            driver.client.goto(&format!("{base}{page}")).await?;
            let title = driver.client.title().await?;
            // Error pages are titled with their status alone.
            if title.starts_with(|c: char| c.is_ascii_digit()) {
                report.push(format!("{page} as {who}: the page itself failed ({title})"));
            }
            for violation in accessibility_violations(&driver, &axe).await? {
                report.push(format!("{page} as {who}: {violation}"));
            }
        }
    }
    driver.quit().await?;
    assert!(
        report.is_empty(),
        "accessibility violations:\n{}",
        report.join("\n")
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(devday_browser),
    ignore = "browser suite off: apt-get install chromium chromium-driver, then set DEVDAY_TEST_BROWSER=1"
)]
async fn a_visitor_on_a_phone_finds_one_tracks_talks_in_german_stars_two_and_prints_the_day(
) -> anyhow::Result<()> {
    use chrono::Datelike;
    devday_tests::binary!();
    let app = TestApp::spawn(devday_tests::Backend::Sqlite).await?;
    // The demo: a released programme with tracks, and last year's in the archive.
    let demo = app.command().arg("demo").output()?;
    anyhow::ensure!(
        demo.status.success(),
        "{}",
        String::from_utf8_lossy(&demo.stderr)
    );
    let driver = WebDriver::start().await?;
    let c = &driver.client;
    c.set_window_size(390, 844).await?;
    c.goto(&format!("{}/lang/de?next=/devday-demo/", app.base))
        .await?;
    expect_text(&driver, "40 Beiträge, Version 2").await?;
    // From the front door to the programme.
    c.find(Locator::Css(".hub a[href$='/devday-demo/schedule/']"))
        .await?
        .click()
        .await?;
    expect_text(&driver, "Programm · DevDay Demo").await?;
    // One track: "Daten & KI", chosen in the filter bar (it keeps its state in the address).
    c.execute(
        "const s = document.querySelector('#f-track'); s.value = [...s.options].find(o => o.text === 'Daten & KI').value;",
        vec![],
    )
    .await?;
    c.find(Locator::Css(".programme-filters button[type='submit']"))
        .await?
        .click()
        .await?;
    let text = expect_text(&driver, "Beiträge passen.").await?;
    assert!(
        c.current_url()
            .await?
            .query()
            .unwrap_or_default()
            .contains("track="),
        "{text}"
    );
    // On a phone the list shows; two talks starred, kept in this browser.
    let stars = c
        .find_all(Locator::Css(".schedule-list li[data-guid] button.fav"))
        .await?;
    assert!(stars.len() >= 2, "the list shows the track's talks");
    stars[0].click().await?;
    stars[1].click().await?;
    let pressed = c
        .find_all(Locator::Css(
            ".schedule-list button.fav[aria-pressed='true']",
        ))
        .await?;
    assert_eq!(pressed.len(), 2);
    let calendar = c
        .wait()
        .for_element(Locator::Css("#my-calendar-item:not([hidden]) #my-calendar"))
        .await?;
    let href = calendar.attr("href").await?.unwrap_or_default();
    assert_eq!(
        href.matches(',').count(),
        1,
        "two favourites in the calendar: {href}"
    );
    driver.screenshot("programme-track-filtered").await?;
    // Printed: the day's grid, in track colours, without the filter bar and the stars.
    let pdf = c
        .print(
            fantoccini::wd::PrintConfiguration::builder()
                .background(true)
                .build()
                .map_err(|e| anyhow::anyhow!("print settings: {e:?}"))?,
        )
        .await?;
    assert!(pdf.starts_with(b"%PDF"), "a PDF");
    if let Some(pdftotext) = devday_tests::validator("pdftotext") {
        let file = std::env::temp_dir().join(format!("devday-print-{}.pdf", uuid::Uuid::new_v4()));
        std::fs::write(&file, &pdf)?;
        let out = std::process::Command::new(pdftotext)
            .arg(&file)
            .arg("-")
            .output()?;
        std::fs::remove_file(&file)?;
        let printed = String::from_utf8_lossy(&out.stdout);
        assert!(
            printed.contains("DevDay Demo") && printed.contains("Mittagessen"),
            "the day's grid is printed: {printed}"
        );
        assert!(
            !printed.contains("Filtern") && !printed.contains("Nur meine Favoriten"),
            "the filter bar is not printed: {printed}"
        );
    }
    // Last year's programme stays online in the archive.
    let last_year = chrono::Utc::now().year() - 1;
    c.goto(&format!("{}/devday-{last_year}/", app.base)).await?;
    expect_text(&driver, "12 Beiträge, Version 2").await?;
    c.goto(&format!("{}/devday-{last_year}/schedule/", app.base))
        .await?;
    expect_text(&driver, "The boring database").await?;
    driver.screenshot("programme-archive").await?;
    // The embed snippet in someone else's page (another origin): the programme renders
    // inside the frame.
    let host = host_page(&format!(
        "<h1>Our conference</h1><iframe id='p' src='{}/devday-demo/schedule/embed?accent=%23e63946' style='width:100%;height:600px'></iframe>",
        app.base
    ))
    .await?;
    c.goto(&host).await?;
    let frame = c.wait().for_element(Locator::Css("#p")).await?;
    frame.enter_frame().await?;
    let inside = c
        .wait()
        .for_element(Locator::Css(".schedule-list.embedded a[target='_blank']"))
        .await?;
    assert!(
        !inside.text().await?.is_empty(),
        "the framed programme shows its sessions"
    );
    c.enter_parent_frame().await?;
    driver.quit().await?;
    Ok(())
}

/// Serves `html` at a page of its own on another port: a host site embedding devday.
async fn host_page(html: &str) -> anyhow::Result<String> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}/", listener.local_addr()?);
    let body = html.to_owned();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let mut request = [0u8; 4096];
            let _ = socket.read(&mut request).await;
            let answer = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = socket.write_all(answer.as_bytes()).await;
        }
    });
    Ok(url)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(devday_browser),
    ignore = "browser suite off: apt-get install chromium chromium-driver, then set DEVDAY_TEST_BROWSER=1"
)]
async fn an_organiser_reads_the_report_against_past_years_and_prepares_next_year(
) -> anyhow::Result<()> {
    devday_tests::binary!();
    let mut app = TestApp::spawn(devday_tests::Backend::Sqlite).await?;
    app.admin().await?;
    // The demo brings this year and three past years with their own figures.
    let demo = app.command().arg("demo").output()?;
    assert!(
        demo.status.success(),
        "{}",
        String::from_utf8_lossy(&demo.stderr)
    );
    let driver = WebDriver::start().await?;
    let c = &driver.client;
    let base = app.base.clone();
    log_in(&driver, &base, "admin@example.org", devday_tests::PASSWORD).await?;

    // The report: this year's curves beside the past years', and what each number counts.
    c.goto(&format!("{base}/devday-demo/manage/report")).await?;
    let report = expect_text(&driver, "Proposals since the call opened").await?;
    assert!(report.contains("First-time speakers") && report.contains("Arrivals per quarter hour"));
    let past = c.find_all(Locator::Css("polyline.curve.past")).await?;
    assert!(
        past.len() >= 6,
        "three past years on both curves, found {}",
        past.len()
    );
    driver.screenshot("report").await?;
    c.find(Locator::Css("main a[href$='/manage/report/compare']"))
        .await?
        .click()
        .await?;
    let compare = expect_text(&driver, "All editions compared").await?;
    for year in ["DevDay 2023", "DevDay 2024", "DevDay 2025", "DevDay Demo"] {
        assert!(compare.contains(year), "{year} missing from the comparison");
    }
    driver.screenshot("report-compare").await?;

    // Next year from this one: the preview names what comes along; the team stays behind.
    c.goto(&format!("{base}/devday-demo/manage/settings"))
        .await?;
    c.find(Locator::Css("main a[href$='/manage/next-year']"))
        .await?
        .click()
        .await?;
    let preview = expect_text(&driver, "What comes along").await?;
    assert!(preview.contains("Never copied"), "{preview}");
    driver.screenshot("next-year").await?;
    c.find(Locator::Css("#carry-team")).await?.click().await?;
    c.find(Locator::Css(
        "form[action$='/next-year'] button[type='submit']",
    ))
    .await?
    .click()
    .await?;
    expect_text(&driver, "is ready, with").await?;
    driver.screenshot("next-year-ready").await?;
    let url = c.current_url().await?;
    let slug = url
        .path()
        .trim_matches('/')
        .split('/')
        .next()
        .unwrap_or_default()
        .to_owned();
    assert_ne!(slug, "devday-demo");

    // Last time's speakers are asked back from the new edition, after a preview.
    c.goto(&format!("{base}/{slug}/manage/speakers/returning"))
        .await?;
    let returning = expect_text(&driver, "Invite returning people").await?;
    assert!(
        returning.contains("will read it"),
        "the mail preview: {returning}"
    );
    driver.screenshot("returning").await?;
    c.find(Locator::Css(
        "main form[method='post'] button[type='submit']",
    ))
    .await?
    .click()
    .await?;
    expect_text(&driver, "invited back.").await?;
    driver.quit().await?;
    Ok(())
}

/// The stars pressed on the current page's list.
async fn pressed(driver: &WebDriver, css: &str) -> anyhow::Result<usize> {
    Ok(driver
        .client
        .find_all(Locator::Css(&format!("{css}[aria-pressed='true']")))
        .await?
        .len())
}

/// Waits until `n` stars matching `css` are pressed (the saves go out without a reload).
async fn expect_pressed(driver: &WebDriver, css: &str, n: usize) -> anyhow::Result<()> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while pressed(driver, css).await? != n {
        anyhow::ensure!(
            std::time::Instant::now() < deadline,
            "{} of {css} pressed, not {n}",
            pressed(driver, css).await?
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(devday_browser),
    ignore = "browser suite off: apt-get install chromium chromium-driver, then set DEVDAY_TEST_BROWSER=1"
)]
async fn an_attendee_on_a_phone_stars_three_sessions_subscribes_and_hears_of_a_move(
) -> anyhow::Result<()> {
    use devday_shared::i18n::Locale;
    devday_tests::binary!();
    let mut app = TestApp::spawn(devday_tests::Backend::Sqlite).await?;
    let admin = app.admin().await?;
    app.create_open_edition(&admin, "dd-2030").await?;
    let mut builder = devday_tests::builders::Builder::new(&app)?;
    let sessions = builder.programme(
        "dd-2030",
        &[
            ("sam@example.org", "Typed states", "Saal 1", "10:00"),
            ("tom@example.org", "Macros", "Saal 2", "10:00"),
            ("uma@example.org", "Lifetimes", "Saal 1", "11:00"),
            ("vic@example.org", "Async traits", "Saal 2", "11:00"),
        ],
        "v1",
    )?;
    let lou = builder.attendee("dd-2030", "Lou", "lou@example.org", Locale::En)?;
    let driver = WebDriver::start().await?;
    let c = &driver.client;
    c.set_window_size(390, 844).await?;
    // From the manage link (the one in every mail) to the programme.
    c.goto(&format!("{}{}", app.base, lou.manage_link()))
        .await?;
    c.find(Locator::Css("a.programme-card"))
        .await?
        .click()
        .await?;
    expect_text(&driver, "No favourites yet").await?;
    let programme = c.current_url().await?;
    // Three stars, each saved without a reload.
    for id in [&sessions[0].id, &sessions[1].id, &sessions[2].id] {
        c.find(Locator::Css(&format!("li[id='s-{id}'] button.star")))
            .await?
            .click()
            .await?;
    }
    expect_pressed(&driver, ".programme-list button.star", 3).await?;
    expect_text(&driver, "3 favourites").await?;
    assert_eq!(c.current_url().await?, programme, "no reload");
    // On the server: another visit (another browser would see the same) keeps them.
    c.refresh().await?;
    expect_pressed(&driver, ".programme-list button.star", 3).await?;
    expect_text(&driver, "At the same time as: Macros").await?;
    driver.screenshot("own-programme").await?;
    c.set_window_size(390, 844).await?;
    // The feed: a webcal address to subscribe, the same as https for other apps.
    let subscribe = c
        .find(Locator::Css(".programme-feed a.button"))
        .await?
        .attr("href")
        .await?
        .unwrap_or_default();
    assert!(
        subscribe.starts_with("webcal://") && subscribe.ends_with("/calendar.ics"),
        "{subscribe}"
    );
    let feed = reqwest::get(subscribe.replacen("webcal://", "http://", 1))
        .await?
        .text()
        .await?;
    assert_eq!(feed.matches("BEGIN:VEVENT").count(), 3, "{feed}");
    // The public timetable stars through the programme now: the same three, and a star
    // taken back there is gone from the feed too.
    c.goto(&format!("{}/dd-2030/schedule/", app.base)).await?;
    expect_pressed(&driver, ".schedule-list button.fav", 3).await?;
    c.find(Locator::Css(&format!(
        ".schedule-list li[data-guid='{}'] button.fav",
        sessions[1].id
    )))
    .await?
    .click()
    .await?;
    expect_pressed(&driver, ".schedule-list button.fav", 2).await?;
    let feed = reqwest::get(subscribe.replacen("webcal://", "http://", 1))
        .await?
        .text()
        .await?;
    assert_eq!(feed.matches("BEGIN:VEVENT").count(), 2, "{feed}");
    // The organisers move a starred session; the release page says who hears of it, and
    // Lou gets exactly one mail.
    builder.moved("dd-2030", &sessions[0].id, "Saal 2", "14:00")?;
    c.set_window_size(1280, 900).await?;
    log_in(
        &driver,
        &app.base,
        "admin@example.org",
        devday_tests::PASSWORD,
    )
    .await?;
    c.goto(&format!("{}/dd-2030/manage/schedule/release", app.base))
        .await?;
    expect_text(
        &driver,
        "One attendee who starred a moved or cancelled session gets one mail",
    )
    .await?;
    fill(&driver, "name", "v2").await?;
    c.find(Locator::Css(
        "form[action$='/release'] button[type='submit']",
    ))
    .await?
    .click()
    .await?;
    expect_text(&driver, "Version 2 “v2” is public.").await?;
    let mail = app
        .smtp
        .wait_for_subject("lou@example.org", "Edition dd-2030:")
        .await?;
    assert!(
        mail.text.contains("Typed states") && mail.text.contains("14:00"),
        "{}",
        mail.text
    );
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    assert_eq!(
        app.smtp.mails_to("lou@example.org").len(),
        1,
        "one mail per release"
    );
    driver.quit().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(devday_browser),
    ignore = "browser suite off: apt-get install chromium chromium-driver, then set DEVDAY_TEST_BROWSER=1"
)]
async fn an_organiser_runs_a_reconfirmation_round_and_the_clock_closes_it() -> anyhow::Result<()> {
    use devday_shared::i18n::Locale;
    use diesel::connection::SimpleConnection;
    devday_tests::binary!();
    let mut app = TestApp::builder(devday_tests::Backend::Sqlite)
        .env("DEVDAY_SERVER_SWEEP_SECONDS", "1")
        .spawn()
        .await?;
    let admin = app.admin().await?;
    app.create_open_edition(&admin, "dd-2030").await?;
    app.set_conference_capacity(&admin, "dd-2030", "2").await?;
    let mut builder = devday_tests::builders::Builder::new(&app)?;
    builder.attendee("dd-2030", "Ana", "ana@example.org", Locale::En)?;
    builder.attendee("dd-2030", "Cy", "cy@example.org", Locale::En)?;
    let res = app
        .client()
        .api_post(
            "/api/events/dd-2030/registrations",
            None,
            &serde_json::json!({"name": "Dee", "email": "dee@example.org", "consent": true, "waitlist": true}),
        )
        .await?;
    assert_eq!(res.status, 201, "{}", res.body);
    let driver = WebDriver::start().await?;
    let c = &driver.client;
    log_in(
        &driver,
        &app.base,
        "admin@example.org",
        devday_tests::PASSWORD,
    )
    .await?;
    // The page suggests a round before the event and shows the mail and whom it reaches.
    c.goto(&format!(
        "{}/dd-2030/manage/registration/reconfirm",
        app.base
    ))
    .await?;
    expect_text(&driver, "2 people with a confirmed seat get the mail").await?;
    expect_text(&driver, "are you still coming?").await?;
    // The organiser asks now (a time already past) and keeps the suggested deadline.
    c.execute(
        "document.getElementById('f-asks_at').value = '2026-01-01T10:00';",
        vec![],
    )
    .await?;
    c.find(Locator::Css(".round-plan form button[type='submit']"))
        .await?
        .click()
        .await?;
    expect_text(&driver, "The round is planned").await?;
    // The clock asks at its next beat.
    let mail = app
        .smtp
        .wait_for_subject("ana@example.org", "Edition dd-2030: are you still coming?")
        .await?;
    c.refresh().await?;
    expect_text(&driver, "asked 2 on").await?;
    driver.screenshot("reconfirm-running").await?;
    // Ana, on her phone, frees her seat: Dee is offered it at once.
    log_out(&driver).await?;
    c.set_window_size(390, 844).await?;
    c.goto(&mail.link("answer=free").expect("the free link"))
        .await?;
    expect_text(&driver, "Are you coming to Edition dd-2030?").await?;
    driver.screenshot("reconfirm-answer").await?;
    c.set_window_size(390, 844).await?;
    c.find(Locator::Css("form.free button"))
        .await?
        .click()
        .await?;
    expect_text(&driver, "Your seat is free again").await?;
    app.smtp
        .wait_for_subject("dee@example.org", "A place for you at Edition dd-2030")
        .await?;
    // The clock moves past the deadline: Cy never answered, so the seat goes.
    let mut conn = devday_db::DatabaseUrl::parse(&app.database_url())?.connect()?;
    conn.batch_execute("UPDATE reconfirmation_rounds SET deadline = '2000-01-02 00:00:00'")?;
    app.smtp
        .wait_for_subject(
            "cy@example.org",
            "Edition dd-2030: your seat went to the waiting list",
        )
        .await?;
    c.set_window_size(1280, 900).await?;
    log_in(
        &driver,
        &app.base,
        "admin@example.org",
        devday_tests::PASSWORD,
    )
    .await?;
    c.goto(&format!(
        "{}/dd-2030/manage/registration/reconfirm",
        app.base
    ))
    .await?;
    let text = expect_text(&driver, "Closed").await?;
    assert!(
        text.contains("one seat went to the waiting list on"),
        "{text}"
    );
    driver.screenshot("reconfirm-closed").await?;
    driver.quit().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(devday_browser),
    ignore = "browser suite off: apt-get install chromium chromium-driver, then set DEVDAY_TEST_BROWSER=1"
)]
async fn an_organiser_imports_the_video_teams_list_and_the_archive_shows_the_recordings(
) -> anyhow::Result<()> {
    use diesel::connection::SimpleConnection;
    devday_tests::binary!();
    let mut app = TestApp::spawn(devday_tests::Backend::Sqlite).await?;
    let admin = app.admin().await?;
    app.create_open_edition(&admin, "dd-2030").await?;
    devday_tests::builders::Builder::new(&app)?.placed(
        "dd-2030",
        &[
            ("ada@example.org", "Typed states", "Saal 1", "09:00"),
            ("grete@example.org", "Zustände als Typen", "Saal 2", "09:00"),
            ("lin@example.org", "Lightning talks", "Saal 1", "11:00"),
        ],
    )?;
    // Lin said no to a recording when confirming; the release carries it.
    let mut conn = devday_db::DatabaseUrl::parse(&app.database_url())?.connect()?;
    conn.batch_execute("UPDATE proposals SET may_record = false WHERE title = 'Lightning talks'")?;
    let res = admin
        .post("/dd-2030/manage/schedule/release", &[("name", "Version 1")])
        .await?;
    assert_eq!(res.status, 303, "{}", res.body);
    let xml = app.client().get("/dd-2030/schedule.xml").await?.body;
    assert_eq!(xml.matches("<optout>true</optout>").count(), 1, "{xml}");
    let res = admin
        .post("/dd-2030/manage/archive", &[("archived", "true")])
        .await?;
    assert_eq!(res.status, 303, "{}", res.body);

    let driver = WebDriver::start().await?;
    let c = &driver.client;
    log_in(
        &driver,
        &app.base,
        "admin@example.org",
        devday_tests::PASSWORD,
    )
    .await?;
    c.goto(&format!("{}/dd-2030/manage/schedule/recordings", app.base))
        .await?;
    expect_text(&driver, "0 of 3 released sessions have a recording link").await?;
    // The video team's spreadsheet, saved as CSV with German headers.
    let file = std::env::temp_dir().join(format!("aufzeichnungen-{}.csv", std::process::id()));
    std::fs::write(
        &file,
        "Titel;Video\nTyped states;https://media.example.org/typed\nZustände als Typen;https://media.example.org/zustaende\n",
    )?;
    c.find(Locator::Css("#f-file"))
        .await?
        .send_keys(&file.to_string_lossy())
        .await?;
    c.find(Locator::Css("form.upload button[type='submit']"))
        .await?
        .click()
        .await?;
    expect_text(&driver, "The list is fine: 2 new, 0 changed, 0 unchanged.").await?;
    // The checked list answers a post: switching the language would load another page.
    driver
        .screenshot_as_is("recordings-import-checked-en")
        .await?;
    c.find(Locator::Css("button[name='action'][value='import']"))
        .await?
        .click()
        .await?;
    expect_text(
        &driver,
        "Recording links set: 2 new, 0 changed, 0 unchanged.",
    )
    .await?;
    expect_text(&driver, "2 of 3 released sessions have a recording link").await?;
    driver.screenshot("recordings-manage").await?;
    // The archived edition's visitors find them from its page.
    log_out(&driver).await?;
    c.goto(&format!("{}/dd-2030/", app.base)).await?;
    c.find(Locator::LinkText("Recordings"))
        .await?
        .click()
        .await?;
    expect_text(&driver, "2 of 3 sessions are recorded.").await?;
    expect_text(&driver, "One is not recorded at its speaker's request.").await?;
    driver.screenshot("recordings-public").await?;
    c.find(Locator::LinkText("Zustände als Typen"))
        .await?
        .click()
        .await?;
    let page = expect_text(&driver, "Watch the recording").await?;
    assert!(page.contains("Zustände als Typen"), "{page}");
    driver.screenshot("recordings-session").await?;
    driver.quit().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(devday_browser),
    ignore = "browser suite off: apt-get install chromium chromium-driver, then set DEVDAY_TEST_BROWSER=1"
)]
async fn an_organiser_makes_the_edition_hybrid_and_a_registered_person_finds_the_stream(
) -> anyhow::Result<()> {
    use devday_shared::i18n::Locale;
    devday_tests::binary!();
    let mut app = TestApp::spawn(devday_tests::Backend::Sqlite).await?;
    let admin = app.admin().await?;
    app.create_open_edition(&admin, "dd-2030").await?;
    let res = admin
        .post(
            "/dd-2030/manage/schedule/rooms",
            &[
                ("name", "Saal 1"),
                ("capacity", "300"),
                ("stream_url", "https://stream.example.org/saal-1"),
            ],
        )
        .await?;
    assert_eq!(res.status, 303, "{}", res.body);
    let mut builder = devday_tests::builders::Builder::new(&app)?;
    builder.programme(
        "dd-2030",
        &[("ada@example.org", "Typed states", "Saal 1", "09:00")],
        "Version 1",
    )?;
    let ana = builder.attendee("dd-2030", "Ana", "ana@example.org", Locale::En)?;

    let driver = WebDriver::start().await?;
    let c = &driver.client;
    log_in(
        &driver,
        &app.base,
        "admin@example.org",
        devday_tests::PASSWORD,
    )
    .await?;
    c.goto(&format!("{}/dd-2030/manage/settings", app.base))
        .await?;
    c.find(Locator::Css("input[name='format'][value='hybrid']"))
        .await?
        .click()
        .await?;
    c.execute(
        "document.getElementById('f-streams').value = 'registered';",
        vec![],
    )
    .await?;
    c.execute("document.querySelector('input[name=format][value=hybrid]').scrollIntoView({block: 'center'});", vec![]).await?;
    driver.screenshot_as_is("edition-format-en").await?;
    c.find(Locator::Css("main form button[type='submit']"))
        .await?
        .click()
        .await?;
    let text = expect_text(&driver, "Hybrid").await?;
    assert!(!text.contains("is not valid"), "{text}");
    // Hybrid, the ticket form offers online tickets, which need no capacity.
    c.goto(&format!("{}/dd-2030/manage/registration", app.base))
        .await?;
    expect_text(&driver, "a stream has room for everyone").await?;
    c.execute(
        "document.getElementById('f-capacity').scrollIntoView({block: 'center'});",
        vec![],
    )
    .await?;
    driver
        .screenshot_as_is("registration-settings-online-en")
        .await?;
    log_out(&driver).await?;
    c.goto(&format!("{}/dd-2030/", app.base)).await?;
    expect_text(&driver, "On site and online").await?;
    driver.screenshot("edition-hybrid").await?;
    // With online tickets, the form asks how someone takes part.
    let online = [
        ("name", "Online"),
        ("name_de", "Online"),
        ("kind", "online"),
        // Capacity left empty: a stream has room for everyone.
        ("capacity", ""),
    ];
    let res = admin
        .post("/dd-2030/manage/registration/tickets", &online)
        .await?;
    assert_eq!(res.status, 303, "{}", res.body);
    c.goto(&format!("{}/dd-2030/register/", app.base)).await?;
    expect_text(&driver, "How will you take part?").await?;
    c.find(Locator::Css("input[name='online'][value='true']"))
        .await?
        .click()
        .await?;
    driver
        .screenshot_as_is("registration-attendance-en")
        .await?;
    // Olli registers to watch online, confirms through the mail and finds the stream on
    // the page the confirmation leads to; his ticket says where.
    fill(&driver, "name", "Olli Online").await?;
    fill(&driver, "email", "olli@example.org").await?;
    c.find(Locator::Css("#f-consent")).await?.click().await?;
    submit(&driver).await?;
    expect_text(&driver, "Your place at Edition dd-2030 is held").await?;
    let mail = app.smtp.wait_for("olli@example.org").await?;
    c.goto(&mail.link("/register/confirm/").expect("confirm link"))
        .await?;
    press(&driver, "/register/confirm/", "").await?;
    expect_text(&driver, "You are registered, Olli").await?;
    let ticket = app
        .smtp
        .wait_for_subject("olli@example.org", "Your ticket")
        .await?;
    assert!(ticket.text.contains("Online"), "{}", ticket.text);
    c.goto(&ticket.link("/register/manage/").expect("manage link"))
        .await?;
    let page = expect_text(&driver, "Watch live").await?;
    assert!(page.contains("Saal 1"), "{page}");
    driver
        .screenshot_as_is("streams-online-attendee-en")
        .await?;
    // Ana, registered, finds the stream on her page, on her phone.
    c.set_window_size(390, 844).await?;
    c.goto(&format!("{}{}", app.base, ana.manage_link()))
        .await?;
    expect_text(&driver, "Watch live").await?;
    let link = c
        .find(Locator::Css(".stream-list a"))
        .await?
        .attr("href")
        .await?
        .unwrap_or_default();
    assert!(link.contains("/watch/"), "{link}");
    driver.screenshot("streams-manage").await?;
    let res = app
        .client()
        .get(&link.replace(app.base.as_str(), ""))
        .await?;
    assert_eq!(res.location(), Some("https://stream.example.org/saal-1"));
    // Fully remote, the door's pages say there is no door.
    c.set_window_size(1280, 900).await?;
    log_in(
        &driver,
        &app.base,
        "admin@example.org",
        devday_tests::PASSWORD,
    )
    .await?;
    c.goto(&format!("{}/dd-2030/manage/settings", app.base))
        .await?;
    c.find(Locator::Css("input[name='format'][value='remote']"))
        .await?
        .click()
        .await?;
    c.find(Locator::Css("main form button[type='submit']"))
        .await?
        .click()
        .await?;
    expect_text(&driver, "Remote").await?;
    c.goto(&format!("{}/dd-2030/manage/checkin", app.base))
        .await?;
    expect_text(&driver, "No door for an online edition").await?;
    driver.screenshot("no-door").await?;
    driver.quit().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(devday_browser),
    ignore = "browser suite off: apt-get install chromium chromium-driver, then set DEVDAY_TEST_BROWSER=1"
)]
async fn an_organiser_connects_a_receiver_tries_it_and_sees_an_outage_in_the_log(
) -> anyhow::Result<()> {
    devday_tests::binary!();
    let mut app = TestApp::builder(devday_tests::Backend::Sqlite)
        .env("DEVDAY_WEBHOOKS_ALLOW_PRIVATE_NETWORKS", "true")
        .env("DEVDAY_WEBHOOKS_POLL_INTERVAL_MS", "100")
        .spawn()
        .await?;
    let admin = app.admin().await?;
    app.create_open_edition(&admin, "dd-2030").await?;
    let mut receiver = devday_tests::hooks::Receiver::start()?;
    let driver = WebDriver::start().await?;
    let c = &driver.client;
    log_in(
        &driver,
        &app.base,
        "admin@example.org",
        devday_tests::PASSWORD,
    )
    .await?;
    c.goto(&format!("{}/dd-2030/manage/settings", app.base))
        .await?;
    c.find(Locator::LinkText("Webhooks")).await?.click().await?;
    expect_text(&driver, "No endpoints yet").await?;
    // Every event is ticked for a new endpoint; the organiser leaves check-ins out.
    fill(&driver, "url", &receiver.url("/devday")).await?;
    fill(&driver, "description", "Team chat").await?;
    c.find(Locator::Css("input[value='checkin.created']"))
        .await?
        .click()
        .await?;
    submit(&driver).await?;
    expect_text(&driver, "Give the receiver the signing secret below").await?;
    c.find(Locator::Css("#secret summary"))
        .await?
        .click()
        .await?;
    let secret = c.find(Locator::Css("code.secret")).await?.text().await?;
    assert!(secret.starts_with("whsec_"), "{secret}");
    // A test event reaches the receiver and the log says so.
    c.find(Locator::Css("form[action$='/test'] button"))
        .await?
        .click()
        .await?;
    expect_text(&driver, "Test event queued").await?;
    receiver.wait_for("webhook.test").await?;
    // The receiver goes down: the next one fails, waits and says why.
    receiver.down();
    c.find(Locator::Css("form[action$='/test'] button"))
        .await?
        .click()
        .await?;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        c.refresh().await?;
        let text = c.find(Locator::Css("main")).await?.text().await?;
        if text.contains("Failed once, retrying") && text.contains("Delivered (HTTP 204)") {
            break;
        }
        anyhow::ensure!(
            std::time::Instant::now() < deadline,
            "the log never showed both: {text}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    expect_text(&driver, "Retry the undelivered event now").await?;
    if let Some(axe) = devday_tests::validator_file("axe.min.js") {
        let found = accessibility_violations(&driver, &std::fs::read_to_string(axe)?).await?;
        assert!(found.is_empty(), "axe on the endpoint page: {found:#?}");
    }
    driver.screenshot("webhook-endpoint").await?;
    c.find(Locator::LinkText("← All webhooks"))
        .await?
        .click()
        .await?;
    expect_text(&driver, "Team chat").await?;
    driver.screenshot("webhooks").await?;
    receiver.up()?;
    driver.quit().await
}
