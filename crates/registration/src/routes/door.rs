//! At the door: the desk's page of the waiting list (who is next, how many seats the door
//! may give, what it gave), and the organisers' time from which it gives.

use actix_web::{web, HttpResponse};
use devday_db::now;
use devday_shared::web::{CsrfForm, Flash, Organiser, Page, Staff};
use devday_shared::{AppError, AppResult, AppState};
use serde::Deserialize;

use crate::door;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/{edition}/staff/door", web::get().to(desk))
        .route("/{edition}/staff/door/give", web::post().to(give))
        .route(
            "/{edition}/manage/registration/door",
            web::post().to(set_release),
        );
}

async fn desk(state: web::Data<AppState>, page: Page, access: Staff) -> AppResult<HttpResponse> {
    let edition = access.edition.clone();
    let door = state.db(move |c| door::door(c, &edition, now())).await?;
    let mut ctx = page.context();
    ctx.insert("edition", &access.edition);
    ctx.insert(
        "release_said",
        &door
            .release_at
            .map(|t| access.edition.say_day_time(t, page.locale)),
    );
    ctx.insert("door", &door);
    page.render("registration/door.html", &ctx)
}

#[derive(Debug, Deserialize)]
struct GiveForm {
    queue_no: i32,
}

/// Gives the seat and says so; a refusal (not yet, none free, the venue's limit) is said
/// on the same page, where the desk is looking.
async fn give(
    state: web::Data<AppState>,
    page: Page,
    access: Staff,
    CsrfForm(form): CsrfForm<GiveForm>,
) -> AppResult<HttpResponse> {
    let (mailer, edition, by) = (
        state.mailer.clone(),
        access.edition.clone(),
        access.user.id.clone(),
    );
    let given = state
        .db(move |c| door::give(c, &mailer, &edition, form.queue_no, &by))
        .await;
    let said = match given {
        Ok(registered) => Flash::new("door-given")
            .text("name", &registered.registration.name)
            .count("place", form.queue_no),
        Err(AppError::Refused(refusal)) => {
            Flash::new("door-refused").text("why", &page.refusal(&refusal))
        }
        Err(e) => return Err(e),
    };
    Ok(page.done(&format!("/{}/staff/door", access.edition.slug), said))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ReleaseForm {
    door_release_at: String,
}

async fn set_release(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    CsrfForm(form): CsrfForm<ReleaseForm>,
) -> AppResult<HttpResponse> {
    let edition = access.edition.clone();
    let at = state
        .db(move |c| door::set_release(c, &edition, &form.door_release_at))
        .await;
    let said = match at {
        Ok(Some(at)) => {
            Flash::new("door-release-set").text("at", &access.edition.say_day_time(at, page.locale))
        }
        Ok(None) => Flash::new("door-release-cleared"),
        Err(AppError::Invalid(_)) => Flash::new("door-release-invalid"),
        Err(e) => return Err(e),
    };
    Ok(page.done(
        &format!(
            "/{}/manage/registration/reconfirm#door-h",
            access.edition.slug
        ),
        said,
    ))
}
