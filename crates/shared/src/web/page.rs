use std::future::Future;
use std::pin::Pin;

use actix_web::http::{header, StatusCode};
use actix_web::{dev::Payload, web, FromRequest, HttpRequest, HttpResponse};
use serde::Serialize;

use super::flash::{self, Flash};
use super::{auth, cookies, csrf, locale};
use crate::accounts::AuthUser;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::i18n::Locale;
use crate::state::AppState;

/// What every page's layout needs: language, the signed-in user, the CSRF token.
pub struct Page {
    pub locale: Locale,
    pub user: Option<AuthUser>,
    pub csrf_token: String,
    pub path: String,
    /// What the action before the redirect here did; shown once.
    flash: Option<Flash>,
    state: web::Data<AppState>,
}

#[derive(Serialize)]
struct LayoutUser<'a> {
    name: &'a str,
    email: &'a str,
    is_admin: bool,
}

impl Page {
    /// A context with the layout's variables; handlers add their own.
    pub fn context(&self) -> tera::Context {
        let mut ctx = tera::Context::new();
        ctx.insert("lang", self.locale.code());
        ctx.insert("csrf_token", &self.csrf_token);
        ctx.insert("path", &self.path);
        ctx.insert(
            "flash",
            &self
                .flash
                .as_ref()
                .map(|f| f.say(&self.state.i18n, self.locale)),
        );
        ctx.insert(
            "user",
            &self.user.as_ref().map(|u| LayoutUser {
                name: &u.display_name,
                email: &u.email,
                is_admin: u.is_admin,
            }),
        );
        ctx
    }

    pub fn render(&self, template: &str, ctx: &tera::Context) -> AppResult<HttpResponse> {
        self.render_status(actix_web::http::StatusCode::OK, template, ctx)
    }

    /// For forms shown again with errors (422), so clients and tests can tell.
    pub fn render_status(
        &self,
        status: actix_web::http::StatusCode,
        template: &str,
        ctx: &tera::Context,
    ) -> AppResult<HttpResponse> {
        let html = self.state.templates.render(template, ctx)?;
        let mut res = HttpResponse::build(status);
        res.insert_header((header::CONTENT_TYPE, "text/html; charset=utf-8"))
            .insert_header((header::CACHE_CONTROL, "no-store"));
        if self.flash.is_some() {
            // Shown now: a reload must not say it again.
            res.cookie(cookies::removal(flash::COOKIE));
        }
        Ok(res.body(html))
    }

    /// Whether this visitor gets the page every signed-out visitor gets
    /// ([`super::everyones`]).
    pub fn is_everyones(&self) -> bool {
        self.user.is_none() && self.flash.is_none()
    }

    /// The page as every signed-out visitor gets it, to keep: without this visitor's
    /// CSRF token (such a page has no forms).
    pub fn render_for_everyone(
        &self,
        template: &str,
        ctx: &mut tera::Context,
    ) -> AppResult<actix_web::web::Bytes> {
        ctx.insert("csrf_token", "");
        Ok(self.state.templates.render(template, ctx)?.into())
    }

    /// 303 to `location`, where the page says what was done (`flash`).
    pub fn done(&self, location: &str, flash: Flash) -> HttpResponse {
        let cookie = cookies::lasting(
            flash::COOKIE,
            flash.seal(&self.state.secret),
            self.state.secure_cookies(),
            actix_web::cookie::time::Duration::minutes(1),
        );
        HttpResponse::SeeOther()
            .insert_header((header::LOCATION, location))
            .cookie(cookie)
            .finish()
    }

    /// How a form post ends: saved, a 303 to the page that says so (`done` names both);
    /// refused with field errors, the form again with them beside the fields (`again`, given
    /// the errors and 422); any other error is the error page.
    pub async fn done_or_again<T, Again>(
        &self,
        result: AppResult<T>,
        done: impl FnOnce(T) -> (String, Flash),
        again: impl FnOnce(FieldErrors, StatusCode) -> Again,
    ) -> AppResult<HttpResponse>
    where
        Again: Future<Output = AppResult<HttpResponse>>,
    {
        match result {
            Ok(value) => {
                let (location, said) = done(value);
                Ok(self.done(&location, said))
            }
            Err(AppError::Invalid(errors)) => again(errors, StatusCode::UNPROCESSABLE_ENTITY).await,
            Err(other) => Err(other),
        }
    }

    /// The second step before something that cannot be undone (cancelling a place,
    /// withdrawing a proposal). The first step is a plain link, so nothing happens on a slip.
    pub fn confirm(&self, c: Confirmation<'_>) -> AppResult<HttpResponse> {
        let mut ctx = self.context();
        ctx.insert("question", c.question);
        ctx.insert("subject", c.subject);
        ctx.insert("consequence", c.consequence);
        ctx.insert("yes", c.yes);
        ctx.insert("action", c.action);
        ctx.insert("back", c.back);
        ctx.insert("fields", c.fields);
        self.render("confirm.html", &ctx)
    }

    pub fn tr(&self, key: &str) -> String {
        self.state.i18n.tr(self.locale, key, &[])
    }

    /// A refusal in the reader's language.
    pub fn refusal(&self, refusal: &crate::Refusal) -> String {
        self.state.i18n.refusal(self.locale, refusal)
    }
}

impl FromRequest for Page {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let state = req
                .app_data::<web::Data<AppState>>()
                .cloned()
                .ok_or_else(|| AppError::internal(anyhow::anyhow!("no app state")))?;
            let user = auth::resolve(&req).await?;
            let locale = locale::of(&req);
            let flash = req
                .cookie(flash::COOKIE)
                .and_then(|c| Flash::open(&state.secret, c.value()));
            Ok(Page {
                flash,
                locale,
                csrf_token: csrf::token(&req, &state.secret),
                path: req.path().to_owned(),
                user,
                state,
            })
        })
    }
}

/// What [`Page::confirm`] asks. The texts are message keys.
pub struct Confirmation<'a> {
    /// The question; it may use `$subject`.
    pub question: &'a str,
    /// What the question is about (a name, a title).
    pub subject: &'a str,
    /// What follows from saying yes.
    pub consequence: &'a str,
    /// The button, saying what it does.
    pub yes: &'a str,
    /// Where the button posts.
    pub action: &'a str,
    /// The way back.
    pub back: &'a str,
    /// Hidden fields the button posts along (name, value).
    pub fields: &'a [(&'a str, &'a str)],
}
