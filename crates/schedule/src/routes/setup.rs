//! Organisers set up rooms, the day grid and breaks.

use crate::model::{BreakId, RoomId};
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use devday_shared::web::{CsrfForm, Flash, NoFields, Organiser, Page};
use devday_shared::{AppResult, AppState, FieldErrors};

use crate::grid;
use crate::setup::{self, BreakForm, GridForm, RoomForm};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/{edition}/manage/schedule/setup", web::get().to(show))
        .route("/{edition}/manage/schedule/rooms", web::post().to(add_room))
        .route(
            "/{edition}/manage/schedule/rooms/{id}",
            web::post().to(update_room),
        )
        .route(
            "/{edition}/manage/schedule/rooms/{id}/delete",
            web::post().to(delete_room),
        )
        .route("/{edition}/manage/schedule/grid", web::post().to(save_grid))
        .route(
            "/{edition}/manage/schedule/breaks",
            web::post().to(add_break),
        )
        .route(
            "/{edition}/manage/schedule/breaks/{id}/delete",
            web::post().to(delete_break),
        );
}

/// Which form the errors belong to, so they show beside the right fields.
#[derive(Clone, Copy)]
enum Section {
    None,
    Room,
    Grid,
    Break,
}

async fn render(
    state: &AppState,
    page: &Page,
    access: &Organiser,
    errors: (Section, FieldErrors),
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let eid = access.edition.id.clone();
    let (rooms, grid_settings, breaks) = state
        .db(move |c| {
            Ok((
                setup::rooms(c, &eid)?,
                setup::grid_settings(c, &eid)?,
                setup::breaks(c, &eid)?,
            ))
        })
        .await?;
    let edition = &access.edition;
    let mut ctx = page.context();
    ctx.insert("edition", edition);
    ctx.insert("rooms", &rooms);
    ctx.insert("grid", &GridForm::from(&grid_settings));
    let breaks: Vec<(BreakId, String, String, String)> = breaks
        .into_iter()
        .map(|b| {
            let (day, from) = grid::local_parts(edition, b.starts_at);
            let to = grid::local_parts(edition, b.ends_at).1;
            (
                b.id,
                b.title,
                day.to_string(),
                format!("{}–{}", from.format("%H:%M"), to.format("%H:%M")),
            )
        })
        .collect();
    ctx.insert("breaks", &breaks);
    let days: Vec<String> = grid::days(edition)
        .iter()
        .map(ToString::to_string)
        .collect();
    ctx.insert("days", &days);
    let empty = FieldErrors::new();
    let (section, errors) = errors;
    let pick = |s: Section| match (s, section) {
        (Section::Room, Section::Room)
        | (Section::Grid, Section::Grid)
        | (Section::Break, Section::Break) => &errors,
        _ => &empty,
    };
    ctx.insert("room_errors", pick(Section::Room));
    ctx.insert("grid_errors", pick(Section::Grid));
    ctx.insert("break_errors", pick(Section::Break));
    page.render_status(status, "schedule/setup.html", &ctx)
}

pub async fn show(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
) -> AppResult<HttpResponse> {
    render(
        &state,
        &page,
        &access,
        (Section::None, FieldErrors::new()),
        StatusCode::OK,
    )
    .await
}

async fn done(
    state: &AppState,
    page: &Page,
    access: &Organiser,
    section: Section,
    result: AppResult<Flash>,
) -> AppResult<HttpResponse> {
    page.done_or_again(
        result,
        |said| {
            (
                format!("/{}/manage/schedule/setup", access.edition.slug),
                said,
            )
        },
        |errors, status| render(state, page, access, (section, errors), status),
    )
    .await
}

pub async fn add_room(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    CsrfForm(form): CsrfForm<RoomForm>,
) -> AppResult<HttpResponse> {
    let eid = access.edition.id.clone();
    let result = state
        .db(move |c| {
            setup::add_room(c, &eid, &form)
                .map(|room| Flash::new("flash-room-added").text("name", &room.name))
        })
        .await;
    done(&state, &page, &access, Section::Room, result).await
}

pub async fn update_room(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<RoomForm>,
) -> AppResult<HttpResponse> {
    let (eid, id) = (access.edition.id.clone(), path.into_inner().1);
    let result = state
        .db(move |c| setup::update_room(c, &eid, &id, &form).map(|()| Flash::new("flash-saved")))
        .await;
    done(&state, &page, &access, Section::Room, result).await
}

pub async fn delete_room(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, RoomId)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    let (eid, id) = (access.edition.id.clone(), path.into_inner().1);
    let result = state
        .db(move |c| setup::delete_room(c, &eid, &id).map(|()| Flash::new("flash-room-removed")))
        .await;
    done(&state, &page, &access, Section::Room, result).await
}

pub async fn save_grid(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    CsrfForm(form): CsrfForm<GridForm>,
) -> AppResult<HttpResponse> {
    let eid = access.edition.id.clone();
    let result = state
        .db(move |c| setup::save_grid(c, &eid, &form).map(|()| Flash::new("flash-saved")))
        .await;
    done(&state, &page, &access, Section::Grid, result).await
}

pub async fn add_break(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    CsrfForm(form): CsrfForm<BreakForm>,
) -> AppResult<HttpResponse> {
    let edition = access.edition.clone();
    let result = state
        .db(move |c| {
            setup::add_break(c, &edition, &form)
                .map(|b| Flash::new("flash-break-added").text("title", &b.title))
        })
        .await;
    done(&state, &page, &access, Section::Break, result).await
}

pub async fn delete_break(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, BreakId)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    let (eid, id) = (access.edition.id.clone(), path.into_inner().1);
    let result = state
        .db(move |c| setup::delete_break(c, &eid, &id).map(|()| Flash::new("flash-break-removed")))
        .await;
    done(&state, &page, &access, Section::Break, result).await
}
