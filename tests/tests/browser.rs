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

/// Waits (up to 10 s) until the page's main content contains `needle`: clicks start
/// navigations that WebDriver does not always wait for.
async fn expect_text(driver: &WebDriver, needle: &str) -> anyhow::Result<String> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
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
    expect_text(driver, "Your account").await?;
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
