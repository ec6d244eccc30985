//! Journeys in real headless Chromium (Debian's chromium and chromium-driver). Reported as
//! ignored unless DEVDAY_TEST_BROWSER=1 was set at build time.

use devday_tests::{TestApp, WebDriver};
use fantoccini::Locator;

const PW: &str = "a long browser password";

async fn fill(driver: &WebDriver, name: &str, value: &str) -> anyhow::Result<()> {
    let field = driver
        .client
        .find(Locator::Css(&format!("[name='{name}']")))
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

async fn text(driver: &WebDriver) -> anyhow::Result<String> {
    Ok(driver
        .client
        .find(Locator::Css("main"))
        .await?
        .text()
        .await?)
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
    let error = c.find(Locator::Css("#e-password")).await?.text().await?;
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
    assert!(text(&driver).await?.contains("Check your mail"));

    let mail = app.smtp.wait_for("brigitte@example.org").await?;
    let link = mail.link("/account/confirm/").expect("confirmation link");
    c.goto(&link).await?;
    submit(&driver).await?;
    assert!(text(&driver).await?.contains("Email address confirmed"));
    c.find(Locator::Css("main a.button")).await?.click().await?;

    fill(&driver, "email", "brigitte@example.org").await?;
    fill(&driver, "password", PW).await?;
    submit(&driver).await?;
    let page = text(&driver).await?;
    assert!(page.contains("Your account"), "{page}");
    assert!(page.contains("brigitte@example.org"));
    driver.screenshot("account").await?;

    // Switch to German; the choice sticks across pages.
    c.find(Locator::LinkText("Deutsch")).await?.click().await?;
    assert!(text(&driver).await?.contains("Dein Konto"));
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
    c.goto(&format!("{}/account", app.base)).await?;
    assert!(c.current_url().await?.path().starts_with("/account/login"));
    driver.quit().await?;
    Ok(())
}
