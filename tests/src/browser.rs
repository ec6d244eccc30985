//! Headless Chromium through chromedriver (Debian's `chromium` and `chromium-driver`).

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;

pub struct WebDriver {
    driver: Child,
    profile: std::path::PathBuf,
    pub client: Client,
}

fn find(candidates: &[&str]) -> Option<String> {
    candidates
        .iter()
        .find(|p| std::path::Path::new(p).exists())
        .map(|p| (*p).to_owned())
}

impl WebDriver {
    pub async fn start() -> anyhow::Result<Self> {
        Self::start_with(&[]).await
    }

    /// With extra Chromium flags (a fake camera, say).
    pub async fn start_with(extra: &[String]) -> anyhow::Result<Self> {
        let chromedriver = find(&["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"])
            .ok_or_else(|| {
                anyhow::anyhow!("chromedriver not found: apt-get install chromium-driver")
            })?;
        let chromium = find(&["/usr/bin/chromium", "/usr/bin/chromium-browser"])
            .ok_or_else(|| anyhow::anyhow!("chromium not found: apt-get install chromium"))?;
        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        let profile =
            std::env::temp_dir().join(format!("devday-chromium-{}", uuid::Uuid::new_v4()));
        let mut args: Vec<String> = [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1280,900",
            "--lang=en-US",
        ]
        .map(str::to_owned)
        .to_vec();
        args.push(format!("--user-data-dir={}", profile.display()));
        args.extend(extra.iter().cloned());
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({ "binary": chromium, "args": args }),
        );
        let deadline = Instant::now() + Duration::from_secs(20);
        let client = loop {
            match ClientBuilder::new(HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(client) => break client,
                Err(e) if Instant::now() > deadline => anyhow::bail!("chromedriver: {e}"),
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        };
        Ok(Self {
            driver,
            profile,
            client,
        })
    }

    /// Saves screenshots of the current page under target/screenshots, in English and
    /// German, at 1280×900 and 390×844 (`{name}-{lang}.png`, `{name}-{lang}-phone.png`),
    /// for docs and for looking at failures. The other language is fetched again in a tab
    /// of its own, so this page keeps its state (a form's errors, what was typed).
    pub async fn screenshot(&self, name: &str) -> anyhow::Result<()> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/screenshots");
        std::fs::create_dir_all(&dir)?;
        let url = self.client.current_url().await?;
        let here = match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_owned(),
        };
        let next: String = url::form_urlencoded::byte_serialize(here.as_bytes()).collect();
        let origin = url.origin().ascii_serialization();
        let lang = self
            .client
            .find(fantoccini::Locator::Css("html"))
            .await?
            .attr("lang")
            .await?
            .unwrap_or_else(|| "en".into());
        let other = if lang == "de" { "en" } else { "de" };
        self.shoot_sizes(&dir, &format!("{name}-{lang}")).await?;
        let original = self.client.window().await?;
        let tab = self.client.new_window(true).await?;
        self.client.switch_to_window(tab.handle).await?;
        // The server may be down on purpose (offline journeys): then one language it is.
        if self
            .client
            .goto(&format!("{origin}/lang/{other}?next={next}"))
            .await
            .is_ok()
        {
            self.shoot_sizes(&dir, &format!("{name}-{other}")).await?;
            // Back to the language the test speaks (a cookie, and the account's for mails).
            self.client
                .goto(&format!("{origin}/lang/{lang}?next={next}"))
                .await?;
        }
        self.client.close_window().await?;
        self.client.switch_to_window(original).await?;
        self.client.set_window_size(1280, 900).await?;
        Ok(())
    }

    /// Screenshots in the page's language only, without opening it again: for pages with
    /// live hardware (the scanner's camera) that a second copy would disturb.
    pub async fn screenshot_as_is(&self, name: &str) -> anyhow::Result<()> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/screenshots");
        std::fs::create_dir_all(&dir)?;
        self.shoot_sizes(&dir, name).await?;
        self.client.set_window_size(1280, 900).await?;
        Ok(())
    }

    async fn shoot_sizes(&self, dir: &std::path::Path, name: &str) -> anyhow::Result<()> {
        for (width, height, suffix) in [(1280, 900, ""), (390, 844, "-phone")] {
            self.client.set_window_size(width, height).await?;
            tokio::time::sleep(Duration::from_millis(150)).await;
            let png = self.client.screenshot().await?;
            std::fs::write(dir.join(format!("{name}{suffix}.png")), png)?;
        }
        Ok(())
    }

    pub async fn quit(mut self) -> anyhow::Result<()> {
        self.client.clone().close().await?;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
        Ok(())
    }
}

impl Drop for WebDriver {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        // A test that failed never closed its session: Chromium would outlive chromedriver
        // and keep a core busy. Its processes are the ones with this profile.
        let _ = Command::new("pkill")
            .args(["-f", "--"])
            .arg(format!("--user-data-dir={}", self.profile.display()))
            .stderr(Stdio::null())
            .status();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}
