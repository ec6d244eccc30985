use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::accounts::users;
use crate::error::{AppError, AppResult};
use crate::i18n::Locale;
use crate::state::AppState;
use crate::web::Query;
use crate::web::{cookies, local_path, see_other, MaybeUser};

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

/// Switches the language and remembers it: in a cookie, and for mails in the account.
pub async fn switch(
    state: web::Data<AppState>,
    user: MaybeUser,
    code: web::Path<String>,
    query: Query<NextQuery>,
) -> AppResult<HttpResponse> {
    let locale = Locale::parse(&code).ok_or(AppError::NotFound)?;
    if let Some(user) = user.0 {
        state
            .db(move |c| Ok(users::set_locale(c, &user.id, locale)?))
            .await?;
    }
    let mut res = see_other(local_path(query.next.as_deref(), "/"));
    res.add_cookie(&cookies::build(
        cookies::LANG,
        locale.code().to_owned(),
        state.secure_cookies(),
        365,
    ))
    .map_err(AppError::internal)?;
    Ok(res)
}
