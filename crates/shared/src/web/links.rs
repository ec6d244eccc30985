//! Pages behind a link from a mail (confirm a registration, manage it, take an offered seat,
//! answer as a speaker, join a team): the link is the credential, no account is needed.
//! One way to find what a link leads to, and one answer when it leads nowhere.

use std::future::Future;
use std::pin::Pin;

use actix_web::{dev::Payload, web, FromRequest, HttpRequest};
use devday_db::DbConn;
use diesel::QueryResult;

use crate::error::AppError;
use crate::state::AppState;

/// What one kind of link leads to, found by its token.
pub trait LinkTarget: Sized + Send + 'static {
    fn find(conn: &mut DbConn, token: &str) -> QueryResult<Option<Self>>;
}

/// The route's `{token}` and what it leads to. A link that leads nowhere (mistyped, used,
/// expired) answers the invalid-link page, 404, before the handler runs. Handlers that
/// change something look the token up again inside their transaction, so a link used
/// twice at once still works once.
pub struct Link<T> {
    pub token: String,
    pub target: T,
}

impl<T: LinkTarget> FromRequest for Link<T> {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let token = req.match_info().get("token").map(str::to_owned);
        let state = req.app_data::<web::Data<AppState>>().cloned();
        Box::pin(async move {
            let token = token.ok_or(AppError::LinkInvalid)?;
            let state = state.ok_or_else(|| AppError::internal(anyhow::anyhow!("no app state")))?;
            let t = token.clone();
            let target = state
                .db(move |c| Ok(T::find(c, &t)?))
                .await?
                .ok_or(AppError::LinkInvalid)?;
            Ok(Link { token, target })
        })
    }
}
