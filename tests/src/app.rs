use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::db::{Backend, TestDb};
use crate::smtp::SmtpSink;
use crate::web::Client;

pub const PASSWORD: &str = "a long test password";

/// A running devday process with its own database and SMTP sink.
pub struct TestApp {
    pub base: String,
    pub backend: Backend,
    pub smtp: SmtpSink,
    db: TestDb,
    env: Vec<(String, String)>,
    process: Process,
}

/// One running server process: its output is collected for assertions and failure logs,
/// and it is killed when dropped.
#[derive(Default)]
pub struct Process {
    pub base: String,
    child: Option<Child>,
    stdout: Arc<Mutex<Vec<String>>>,
    stderr: Arc<Mutex<String>>,
}

pub struct TestAppBuilder {
    backend: Backend,
    env: Vec<(String, String)>,
}

impl TestAppBuilder {
    /// Sets a `DEVDAY_*` variable for the server (over the test defaults).
    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.to_owned(), value.to_owned()));
        self
    }

    pub async fn spawn(self) -> anyhow::Result<TestApp> {
        let db = TestDb::create(self.backend)?;
        let smtp = SmtpSink::start()?;
        let mut app = TestApp {
            base: String::new(),
            backend: self.backend,
            smtp,
            db,
            env: self.env,
            process: Process::default(),
        };
        app.start().await?;
        Ok(app)
    }
}

impl TestApp {
    pub fn builder(backend: Backend) -> TestAppBuilder {
        TestAppBuilder {
            backend,
            env: Vec::new(),
        }
    }

    pub async fn spawn(backend: Backend) -> anyhow::Result<TestApp> {
        Self::builder(backend).spawn().await
    }

    pub fn database_url(&self) -> String {
        self.db.url()
    }

    /// The environment the server runs with: fast password hashing, generous rate limits,
    /// mail to the sink.
    pub fn server_env(&self) -> Vec<(String, String)> {
        let mut env: Vec<(String, String)> = [
            ("DEVDAY_DATABASE_URL", self.db.url()),
            ("DEVDAY_LISTEN", "127.0.0.1:0".to_owned()),
            ("DEVDAY_MAIL_TRANSPORT", "smtp".to_owned()),
            ("DEVDAY_MAIL_SMTP_HOST", "127.0.0.1".to_owned()),
            ("DEVDAY_MAIL_SMTP_PORT", self.smtp.port().to_string()),
            ("DEVDAY_MAIL_SMTP_TLS", "none".to_owned()),
            ("DEVDAY_MAIL_POLL_INTERVAL_MS", "100".to_owned()),
            ("DEVDAY_SECURITY_ARGON2_MEMORY_KIB", "1024".to_owned()),
            ("DEVDAY_SECURITY_ARGON2_ITERATIONS", "1".to_owned()),
            ("DEVDAY_SECURITY_LOGIN_PER_MINUTE", "1000".to_owned()),
            ("DEVDAY_SECURITY_SIGNUP_PER_MINUTE", "1000".to_owned()),
            (
                "DEVDAY_SECURITY_REGISTRATION_PER_MINUTE",
                "100000".to_owned(),
            ),
            ("DEVDAY_SERVER_WORKERS", "2".to_owned()),
            ("DEVDAY_LOG_FILTER", "info".to_owned()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
        env.extend(self.env.iter().cloned());
        env
    }

    /// A command for the binary under test with the server's environment.
    pub fn command(&self) -> Command {
        let mut cmd = Command::new(crate::binary_path());
        for (key, _) in
            std::env::vars().filter(|(k, _)| k.starts_with("DEVDAY_") || k == "RUST_LOG")
        {
            cmd.env_remove(key);
        }
        let dir = self.db.dir();
        let _ = std::fs::create_dir_all(&dir);
        cmd.current_dir(dir).envs(self.server_env());
        cmd
    }

    async fn start(&mut self) -> anyhow::Result<()> {
        self.process = Process::start(self.command()).await?;
        self.base = self.process.base.clone();
        Ok(())
    }

    /// A second server process on the same database and SMTP sink, as when two instances
    /// run behind one proxy.
    pub async fn second_instance(&self) -> anyhow::Result<Process> {
        Process::start(self.command()).await
    }

    async fn wait_for_stdout(&mut self, needle: &str, timeout: Duration) -> anyhow::Result<String> {
        self.process.wait_for_stdout(needle, timeout).await
    }

    /// The one-time link to create the first admin, as printed at start.
    pub async fn setup_link(&mut self) -> anyhow::Result<String> {
        let line = self
            .wait_for_stdout("/setup/", Duration::from_secs(5))
            .await?;
        line.split_whitespace()
            .find(|w| w.contains("/setup/"))
            .map(str::to_owned)
            .ok_or_else(|| anyhow::anyhow!("no setup link in {line:?}"))
    }

    pub fn logs(&self) -> String {
        self.process.logs()
    }

    pub fn client(&self) -> Client {
        Client::new(&self.base)
    }

    /// Stops the server: gracefully (SIGTERM, waiting for it) or by SIGKILL.
    pub fn stop(&mut self, graceful: bool) -> anyhow::Result<()> {
        if let Some(mut child) = self.process.child.take() {
            if graceful {
                Command::new("kill")
                    .args(["-TERM", &child.id().to_string()])
                    .status()?;
                let deadline = Instant::now() + Duration::from_secs(30);
                while child.try_wait()?.is_none() {
                    if Instant::now() > deadline {
                        child.kill()?;
                        anyhow::bail!("devday did not stop within 30 s of SIGTERM");
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
            } else {
                child.kill()?;
                child.wait()?;
            }
        }
        Ok(())
    }

    /// Starts the server again on the same database and SMTP sink (on a new port).
    pub async fn restart(&mut self) -> anyhow::Result<()> {
        self.stop(true)?;
        self.start().await
    }

    /// Starts the server again on the same address, as when a venue's network comes back:
    /// pages already open in a browser reach it again.
    pub async fn restart_on_same_port(&mut self) -> anyhow::Result<()> {
        self.stop(true)?;
        let listen = self
            .base
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_owned();
        let mut command = self.command();
        command.env("DEVDAY_LISTEN", listen);
        self.process = Process::start(command).await?;
        self.base = self.process.base.clone();
        Ok(())
    }

    /// Sets the conference ticket's capacity through the organisers' page.
    pub async fn set_conference_capacity(
        &self,
        admin: &Client,
        slug: &str,
        capacity: &str,
    ) -> anyhow::Result<()> {
        let page = admin.get(&format!("/{slug}/manage/registration")).await?;
        let id = regex::Regex::new(r#"/manage/registration/tickets/([0-9a-f-]{36})/capacity"#)?
            .captures(&page.body)
            .map(|c| c[1].to_owned())
            .expect("the conference ticket");
        let res = admin
            .post(
                &format!("/{slug}/manage/registration/tickets/{id}/capacity"),
                &[("capacity", capacity)],
            )
            .await?;
        anyhow::ensure!(res.status == 303, "capacity: {} {}", res.status, res.body);
        Ok(())
    }

    /// Creates the first admin through the setup link; returns their logged-in client.
    pub async fn admin(&mut self) -> anyhow::Result<Client> {
        let link = self.setup_link().await?;
        let client = self.client();
        client.get(&link).await?;
        let res = client
            .post(
                &link,
                &[
                    ("display_name", "Ada Admin"),
                    ("email", "admin@example.org"),
                    ("password", PASSWORD),
                    ("password_repeat", PASSWORD),
                ],
            )
            .await?;
        anyhow::ensure!(
            res.status == 303,
            "setup failed: {} {}",
            res.status,
            res.body
        );
        Ok(client)
    }

    /// Signs up through the form and confirms through the mail; returns a logged-in client.
    pub async fn user(&self, email: &str, name: &str) -> anyhow::Result<Client> {
        let client = self.client();
        let before = self.smtp.mails_to(email).len();
        let res = client
            .post(
                "/account/signup",
                &[
                    ("display_name", name),
                    ("email", email),
                    ("password", PASSWORD),
                    ("password_repeat", PASSWORD),
                ],
            )
            .await?;
        anyhow::ensure!(
            res.status == 200,
            "sign-up failed: {} {}",
            res.status,
            res.body
        );
        let mail = self.smtp.wait_for_nth(email, before + 1).await?;
        let link = mail
            .link("/account/confirm/")
            .ok_or_else(|| anyhow::anyhow!("no confirmation link in {mail:?}"))?;
        client.get(&link).await?;
        let res = client.post(&link, &[]).await?;
        anyhow::ensure!(res.status == 200, "confirmation failed: {}", res.status);
        self.login(&client, email, PASSWORD).await?;
        Ok(client)
    }

    pub async fn login(&self, client: &Client, email: &str, password: &str) -> anyhow::Result<()> {
        let res = client
            .post(
                "/account/login",
                &[("email", email), ("password", password)],
            )
            .await?;
        anyhow::ensure!(
            res.status == 303,
            "login failed: {} {}",
            res.status,
            res.body
        );
        Ok(())
    }

    /// Creates an edition through the form as `client` (an admin or organiser).
    pub async fn create_edition(&self, client: &Client, slug: &str) -> anyhow::Result<()> {
        let res = client
            .post(
                "/editions/new",
                &[
                    ("name", &format!("Edition {slug}")),
                    ("slug", slug),
                    ("starts_on", "2030-05-20"),
                    ("ends_on", "2030-05-21"),
                    ("timezone", "Europe/Berlin"),
                    ("venue", "Dresden"),
                    ("cfp_opens_at", "2029-09-01T00:00"),
                    ("cfp_closes_at", "2029-12-01T23:59"),
                ],
            )
            .await?;
        anyhow::ensure!(
            res.status == 303,
            "creating {slug} failed: {} {}",
            res.status,
            res.body
        );
        Ok(())
    }

    /// Creates an edition whose call for papers and registration are open now (both opened
    /// yesterday; times entered in Berlin time).
    pub async fn create_open_edition(&self, client: &Client, slug: &str) -> anyhow::Result<()> {
        let now = chrono::Utc::now().naive_utc();
        let day = |d: i64| {
            (now + chrono::Duration::days(d))
                .format("%Y-%m-%d")
                .to_string()
        };
        let at = |d: i64| {
            (now + chrono::Duration::days(d))
                .format("%Y-%m-%dT%H:%M")
                .to_string()
        };
        let res = client
            .post(
                "/editions/new",
                &[
                    ("name", &format!("Edition {slug}")),
                    ("slug", slug),
                    ("starts_on", &day(120)),
                    ("ends_on", &day(121)),
                    ("timezone", "Europe/Berlin"),
                    ("venue", "Dresden"),
                    ("cfp_opens_at", &at(-1)),
                    ("cfp_closes_at", &at(30)),
                    ("registration_opens_at", &at(-1)),
                    ("registration_closes_at", &at(60)),
                ],
            )
            .await?;
        anyhow::ensure!(
            res.status == 303,
            "creating {slug} failed: {} {}",
            res.status,
            res.body
        );
        // Registration opens only with the texts people agree to.
        let res = client
            .post(
                &format!("/{slug}/manage/registration"),
                &[
                    ("hold_hours", "24"),
                    ("offer_hours", "48"),
                    ("privacy_text", "We keep your data safe."),
                    ("coc_text", "Be kind."),
                ],
            )
            .await?;
        anyhow::ensure!(
            res.status == 303,
            "texts of {slug}: {} {}",
            res.status,
            res.body
        );
        Ok(())
    }

    /// Invites `email` into `slug` with `role` as `organiser`; the invitee (a logged-in
    /// client) accepts through the mailed link.
    pub async fn invite(
        &self,
        organiser: &Client,
        slug: &str,
        invitee: &Client,
        email: &str,
        role: &str,
    ) -> anyhow::Result<()> {
        let before = self.smtp.mails_to(email).len();
        let res = organiser
            .post(
                &format!("/{slug}/manage/team/invite"),
                &[("email", email), ("role", role), ("locale", "en")],
            )
            .await?;
        anyhow::ensure!(
            res.status == 303,
            "invite failed: {} {}",
            res.status,
            res.body
        );
        let mail = self.smtp.wait_for_nth(email, before + 1).await?;
        let link = mail
            .link("/invitations/")
            .ok_or_else(|| anyhow::anyhow!("no invitation link in {mail:?}"))?;
        let res = invitee.post(&link, &[]).await?;
        anyhow::ensure!(
            res.status == 303,
            "accepting failed: {} {}",
            res.status,
            res.body
        );
        Ok(())
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("--- devday log ---\n{}", self.logs());
        }
    }
}

impl Process {
    async fn start(mut command: Command) -> anyhow::Result<Process> {
        let mut process = Process::default();
        let mut child = command
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| anyhow::anyhow!("no stdout"))?;
        let stderr = child
            .stderr
            .take()
            .ok_or_else(|| anyhow::anyhow!("no stderr"))?;
        let lines = process.stdout.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                lines.lock().unwrap().push(line);
            }
        });
        let errors = process.stderr.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let mut e = errors.lock().unwrap();
                e.push_str(&line);
                e.push('\n');
            }
        });
        process.child = Some(child);
        let line = process
            .wait_for_stdout("listening on http://", Duration::from_secs(30))
            .await?;
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .ok_or_else(|| anyhow::anyhow!("no address in {line:?}"))?;
        process.base = url.to_owned();
        Ok(process)
    }

    pub async fn wait_for_stdout(
        &mut self,
        needle: &str,
        timeout: Duration,
    ) -> anyhow::Result<String> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(line) = self
                .stdout
                .lock()
                .unwrap()
                .iter()
                .find(|l| l.contains(needle))
            {
                return Ok(line.clone());
            }
            if let Some(child) = self.child.as_mut() {
                if let Some(status) = child.try_wait()? {
                    anyhow::bail!("devday exited with {status}:\n{}", self.logs());
                }
            }
            if Instant::now() > deadline {
                anyhow::bail!("devday did not print {needle:?}:\n{}", self.logs());
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    pub fn logs(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    pub fn client(&self) -> Client {
        Client::new(&self.base)
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
