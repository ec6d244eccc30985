//! A browser-like HTTP client: its own cookie jar, no automatic redirects (tests look at
//! them), and forms sent with the CSRF token the server gave this client.

use std::sync::{Arc, Mutex};

use reqwest::cookie::{CookieStore, Jar};

use reqwest::header::{HeaderMap, LOCATION};
use reqwest::redirect::Policy;

pub struct Client {
    http: reqwest::Client,
    jar: Arc<Jar>,
    pub base: String,
    /// The last form token and the session cookie it was given for: tokens are bound to
    /// the session, so a log-in or log-out makes the cached one stale, as in a browser.
    csrf: Mutex<Option<(Option<String>, String)>>,
}

#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: String,
}

impl Resp {
    pub fn location(&self) -> Option<&str> {
        self.headers.get(LOCATION).and_then(|v| v.to_str().ok())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or(serde_json::Value::Null)
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

pub fn csrf_in(html: &str) -> Option<String> {
    let re = regex::Regex::new(r#"name="csrf_token" value="([^"]+)""#).unwrap();
    re.captures(html).map(|c| c[1].to_owned())
}

impl Client {
    pub fn new(base: &str) -> Self {
        Self::speaking(base, "en")
    }

    /// A client whose browser asks for `language` (`Accept-Language`).
    pub fn speaking(base: &str, language: &str) -> Self {
        let jar = Arc::new(Jar::default());
        let mut headers = reqwest::header::HeaderMap::new();
        if let Ok(value) = reqwest::header::HeaderValue::from_str(language) {
            headers.insert(reqwest::header::ACCEPT_LANGUAGE, value);
        }
        let http = reqwest::Client::builder()
            .default_headers(headers)
            .cookie_provider(jar.clone())
            .redirect(Policy::none())
            .build()
            .unwrap();
        Self {
            http,
            jar,
            base: base.to_owned(),
            csrf: Mutex::new(None),
        }
    }

    /// The value of a cookie this client holds for the server.
    pub fn cookie(&self, name: &str) -> Option<String> {
        let url: reqwest::Url = self.base.parse().ok()?;
        let header = self.jar.cookies(&url)?;
        let cookies = header.to_str().ok()?;
        cookies
            .split("; ")
            .find_map(|c| c.strip_prefix(&format!("{name}=")))
            .map(str::to_owned)
    }

    fn url(&self, path: &str) -> String {
        if path.starts_with("http") {
            path.to_owned()
        } else {
            format!("{}{path}", self.base)
        }
    }

    async fn read(res: reqwest::Response) -> anyhow::Result<Resp> {
        Ok(Resp {
            status: res.status().as_u16(),
            headers: res.headers().clone(),
            body: res.text().await?,
        })
    }

    pub async fn get(&self, path: &str) -> anyhow::Result<Resp> {
        let res = Self::read(self.http.get(self.url(path)).send().await?).await?;
        if let Some(token) = csrf_in(&res.body) {
            *self.csrf.lock().unwrap() = Some((self.cookie("devday_session"), token));
        }
        Ok(res)
    }

    /// The CSRF token of this client (loading a page first if needed).
    pub async fn csrf(&self) -> anyhow::Result<String> {
        let session = self.cookie("devday_session");
        if let Some((_, token)) = self
            .csrf
            .lock()
            .unwrap()
            .clone()
            .filter(|(s, _)| *s == session)
        {
            return Ok(token);
        }
        // Signed in, the account page has a form; signed out (or with a stale session), the
        // login page.
        for page in ["/account", "/account/login"] {
            if let Some(token) = csrf_in(&self.get(page).await?.body) {
                return Ok(token);
            }
        }
        anyhow::bail!("no CSRF token on the account or login page")
    }

    /// Posts a form with this client's CSRF token.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> anyhow::Result<Resp> {
        let token = self.csrf().await?;
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf_token", &token));
        self.post_raw(path, &form).await
    }

    /// Posts exactly these fields (no CSRF token added).
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> anyhow::Result<Resp> {
        Self::read(self.http.post(self.url(path)).form(fields).send().await?).await
    }

    pub async fn api_get(&self, path: &str, token: Option<&str>) -> anyhow::Result<Resp> {
        let mut req = self.http.get(self.url(path));
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        Self::read(req.send().await?).await
    }

    pub async fn api_post(
        &self,
        path: &str,
        token: Option<&str>,
        body: &serde_json::Value,
    ) -> anyhow::Result<Resp> {
        let mut req = self.http.post(self.url(path)).json(body);
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        Self::read(req.send().await?).await
    }

    /// Posts exactly these bytes with this content type (none if `None`), for bad-input tests.
    pub async fn post_bytes(
        &self,
        path: &str,
        content_type: Option<&str>,
        body: Vec<u8>,
    ) -> anyhow::Result<Resp> {
        let mut req = self.http.post(self.url(path)).body(body);
        if let Some(content_type) = content_type {
            req = req.header(reqwest::header::CONTENT_TYPE, content_type);
        }
        Self::read(req.send().await?).await
    }

    /// A raw request, for bad-input tests.
    pub async fn send(&self, req: reqwest::RequestBuilder) -> anyhow::Result<Resp> {
        Self::read(req.send().await?).await
    }

    pub fn http(&self) -> &reqwest::Client {
        &self.http
    }
}
