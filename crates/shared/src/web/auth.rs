//! Who is asking, and may they? Extractors that answer it once per request, so handlers
//! never repeat a check: `MaybeUser`, `CurrentUser`, `Admin`, and `EditionAccess<R>` for
//! roles in the edition named by the route's `{edition}` segment.
//!
//! Pages authenticate by the session cookie, `/api/` by a bearer token only, so a browser
//! session can never be ridden by a cross-site request to the API.

use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;

use actix_web::http::header;
use actix_web::{dev::Payload, web, FromRequest, HttpMessage, HttpRequest};

use super::{cookies, gate};
use crate::accounts::{api_tokens, sessions, AuthUser};
use crate::editions::{self, Edition, Role};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use devday_db::DbConn;

#[derive(Clone)]
struct Resolved(Option<AuthUser>);

fn state(req: &HttpRequest) -> AppResult<web::Data<AppState>> {
    req.app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("no app state")))
}

/// The bearer token an API request carries.
pub fn bearer(req: &HttpRequest) -> Option<String> {
    req.headers()
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(|t| t.trim().to_owned())
}

pub fn is_api(req: &HttpRequest) -> bool {
    req.path().starts_with("/api/")
}

/// The signed-in user, if any, looked up once per request.
pub async fn resolve(req: &HttpRequest) -> AppResult<Option<AuthUser>> {
    if let Some(resolved) = req.extensions().get::<Resolved>() {
        return Ok(resolved.0.clone());
    }
    let state = state(req)?;
    let user = if is_api(req) {
        match bearer(req) {
            Some(token) => {
                let found = state
                    .db(move |c| Ok(api_tokens::authenticate(c, &token)?))
                    .await?;
                // A token that was sent but is wrong is an error, not an anonymous request.
                Some(found.ok_or(AppError::Unauthenticated)?)
            }
            None => None,
        }
    } else {
        match req.cookie(cookies::SESSION) {
            Some(cookie) => {
                let token = cookie.value().to_owned();
                state.db(move |c| Ok(sessions::lookup(c, &token)?)).await?
            }
            None => None,
        }
    };
    req.extensions_mut().insert(Resolved(user.clone()));
    Ok(user)
}

type Fut<T> = Pin<Box<dyn Future<Output = Result<T, AppError>>>>;

/// Anyone; `None` for anonymous visitors.
pub struct MaybeUser(pub Option<AuthUser>);

impl FromRequest for MaybeUser {
    type Error = AppError;
    type Future = Fut<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { resolve(&req).await.map(MaybeUser) })
    }
}

/// A signed-in user (pages redirect anonymous visitors to the login).
pub struct CurrentUser(pub AuthUser);

impl FromRequest for CurrentUser {
    type Error = AppError;
    type Future = Fut<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let (req, checking) = (req.clone(), gate::checking(req));
        Box::pin(async move {
            let _checking = checking;
            resolve(&req)
                .await?
                .map(CurrentUser)
                .ok_or(AppError::Unauthenticated)
        })
    }
}

/// An administrator of the whole installation.
pub struct Admin(pub AuthUser);

impl FromRequest for Admin {
    type Error = AppError;
    type Future = Fut<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let (req, checking) = (req.clone(), gate::checking(req));
        Box::pin(async move {
            let _checking = checking;
            let user = resolve(&req).await?.ok_or(AppError::Unauthenticated)?;
            if user.is_admin {
                Ok(Admin(user))
            } else {
                Err(AppError::Forbidden)
            }
        })
    }
}

/// Which roles in an edition an extractor requires. Admins pass every requirement.
pub trait RoleRequirement {
    fn allows(roles: &[Role]) -> bool;
}

/// Organisers only.
pub struct OrganiserRole;
impl RoleRequirement for OrganiserRole {
    fn allows(roles: &[Role]) -> bool {
        roles.contains(&Role::Organiser)
    }
}

/// Door staff, and organisers (who can do everything staff can).
pub struct StaffRole;
impl RoleRequirement for StaffRole {
    fn allows(roles: &[Role]) -> bool {
        roles.contains(&Role::Staff) || roles.contains(&Role::Organiser)
    }
}

/// The programme committee.
pub struct ReviewerRole;
impl RoleRequirement for ReviewerRole {
    fn allows(roles: &[Role]) -> bool {
        roles.contains(&Role::Reviewer)
    }
}

/// Anyone with a role in the edition.
pub struct AnyRole;
impl RoleRequirement for AnyRole {
    fn allows(roles: &[Role]) -> bool {
        !roles.is_empty()
    }
}

/// Any signed-in user; the handler looks at `roles` (speakers have none).
pub struct SignedIn;
impl RoleRequirement for SignedIn {
    fn allows(_: &[Role]) -> bool {
        true
    }
}

/// A signed-in user with the roles `R` in the edition of the route's `{edition}` segment.
/// An unknown edition is a 404; a missing role a 403.
pub struct EditionAccess<R> {
    pub user: AuthUser,
    pub edition: Edition,
    pub roles: Vec<Role>,
    _requirement: PhantomData<fn() -> R>,
}

pub type Organiser = EditionAccess<OrganiserRole>;
pub type Staff = EditionAccess<StaffRole>;
pub type TeamMember = EditionAccess<AnyRole>;
pub type InEdition = EditionAccess<SignedIn>;
pub type Reviewer = EditionAccess<ReviewerRole>;

impl<R: RoleRequirement> EditionAccess<R> {
    /// Whether `user` has the roles `R` in the edition `slug` (404 if there is none).
    fn check(conn: &mut DbConn, user: AuthUser, slug: &str) -> AppResult<Self> {
        let edition = editions::queries::by_slug(conn, slug)?.ok_or(AppError::NotFound)?;
        let roles = editions::roles::of_user(conn, &edition.id, &user.id)?;
        if !(user.is_admin || R::allows(&roles)) {
            return Err(AppError::Forbidden);
        }
        Ok(EditionAccess {
            user,
            edition,
            roles,
            _requirement: PhantomData,
        })
    }

    /// The same check as the extractor, for an API request, on a connection the caller
    /// holds already: a hot route (a door scan) then does all its work in one blocking
    /// call instead of one per step.
    pub fn by_token(conn: &mut DbConn, token: Option<&str>, slug: &str) -> AppResult<Self> {
        let token = token.ok_or(AppError::Unauthenticated)?;
        let user = api_tokens::authenticate(conn, token)?.ok_or(AppError::Unauthenticated)?;
        Self::check(conn, user, slug)
    }
}

impl<R> EditionAccess<R> {
    pub fn is_organiser(&self) -> bool {
        self.user.is_admin || self.roles.contains(&Role::Organiser)
    }
}

impl<R: RoleRequirement + 'static> FromRequest for EditionAccess<R> {
    type Error = AppError;
    type Future = Fut<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let (req, checking) = (req.clone(), gate::checking(req));
        Box::pin(async move {
            let _checking = checking;
            let slug = req
                .match_info()
                .get("edition")
                .ok_or(AppError::NotFound)?
                .to_owned();
            let user = resolve(&req).await?.ok_or(AppError::Unauthenticated)?;
            state(&req)?
                .db(move |c| EditionAccess::check(c, user, &slug))
                .await
        })
    }
}

/// The edition of the route's `{edition}` segment, for pages and API reads anyone may see;
/// an unknown edition is a 404. Who is asking is not checked here: the handler decides
/// what a visitor sees (an archived or unpublished edition still answers).
pub struct PublicEdition(pub Edition);

impl FromRequest for PublicEdition {
    type Error = AppError;
    type Future = Fut<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let slug = req
                .match_info()
                .get("edition")
                .ok_or(AppError::NotFound)?
                .to_owned();
            state(&req)?
                .db(move |c| editions::queries::by_slug(c, &slug)?.ok_or(AppError::NotFound))
                .await
                .map(PublicEdition)
        })
    }
}
