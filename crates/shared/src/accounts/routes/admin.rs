use crate::vocabulary::UserId;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::accounts::users;
use crate::editions::queries;
use crate::error::{AppError, AppResult};
use crate::mail::outbox;
use crate::state::AppState;
use crate::web::Query;
use crate::web::{see_other, Admin, CsrfForm, NoFields, Page};

#[derive(Deserialize)]
pub struct Search {
    #[serde(default)]
    q: String,
}

pub async fn index(
    state: web::Data<AppState>,
    page: Page,
    _admin: Admin,
    search: Query<Search>,
) -> AppResult<HttpResponse> {
    let q = search.q.clone();
    let (people, editions, undelivered, pending) = state
        .db(move |c| {
            Ok((
                users::list(c, &q, 500)?,
                queries::all(c)?,
                outbox::undelivered(c, 100)?,
                outbox::pending_count(c)?,
            ))
        })
        .await?;
    let mut ctx = page.context();
    ctx.insert("undelivered", &undelivered);
    ctx.insert("pending", &pending);
    ctx.insert("people", &people);
    ctx.insert("editions", &editions);
    ctx.insert("q", &search.q);
    page.render("admin/index.html", &ctx)
}

#[derive(Deserialize)]
pub struct AdminFlag {
    #[serde(default)]
    admin: bool,
}

pub async fn set_admin(
    state: web::Data<AppState>,
    admin: Admin,
    id: web::Path<String>,
    CsrfForm(form): CsrfForm<AdminFlag>,
) -> AppResult<HttpResponse> {
    let id = UserId::from(id.into_inner());
    if id == admin.0.id && !form.admin {
        return Err(AppError::Refused(crate::Refusal::OwnAdminRights));
    }
    let changed = state
        .db(move |c| Ok(users::set_admin(c, &id, form.admin)?))
        .await?;
    if changed == 0 {
        return Err(AppError::NotFound);
    }
    Ok(see_other("/admin"))
}

/// Sends a mail that failed again, now (after the relay or the address was fixed).
pub async fn retry_mail(
    state: web::Data<AppState>,
    _admin: Admin,
    id: web::Path<String>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let changed = state.db(move |c| Ok(outbox::retry_now(c, &id)?)).await?;
    if changed == 0 {
        return Err(AppError::NotFound);
    }
    state.mailer.notify();
    Ok(see_other("/admin#mail"))
}
