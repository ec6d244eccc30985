//! Releasing the draft: a preview of what the release publishes (every added, moved and
//! cancelled session, and how many speakers hear of it), the form, and the versions so far.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use devday_shared::web::{CsrfForm, Flash, Organiser, Page};
use devday_shared::{AppResult, AppState, FieldErrors};
use serde::Serialize;

use crate::release::{self, ReleaseForm};
use crate::snapshot::{ChangeKind, Slot, Snapshot};
use crate::view;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/{edition}/manage/schedule/release")
            .route(web::get().to(preview))
            .route(web::post().to(release)),
    );
}

/// A change as the preview lists it: times local, rooms by name.
#[derive(Serialize)]
struct Line {
    kind: ChangeKind,
    guid: String,
    title: String,
    from: Option<Place>,
    to: Option<Place>,
}

/// Where a session sits: local day and time, length, room (empty: all rooms).
#[derive(Serialize)]
struct Place {
    day: String,
    time: String,
    minutes: i32,
    room: String,
}

async fn render(
    state: &AppState,
    page: &Page,
    access: &Organiser,
    form: &ReleaseForm,
    errors: FieldErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let edition = access.edition.clone();
    let eid = edition.id.clone();
    let (draft, pending, releases) = state
        .db(move |c| {
            let draft = release::draft(c, &eid)?;
            let pending = release::pending(c, &eid, &draft.sessions)?;
            Ok((draft, pending, release::releases(c, &eid)?))
        })
        .await?;
    let at = |slot: &Option<Slot>, snap: &Snapshot| {
        slot.as_ref().map(|s| {
            let local = edition.local(s.starts_at);
            Place {
                day: local.format("%Y-%m-%d").to_string(),
                time: local.format("%H:%M").to_string(),
                minutes: s.duration_minutes,
                room: view::room_name(snap, s.room_id.as_deref()),
            }
        })
    };
    let before = pending.before.as_ref().unwrap_or(&pending.after);
    let lines: Vec<Line> = pending
        .changes
        .iter()
        .map(|c| Line {
            kind: c.kind,
            guid: c.guid.clone(),
            title: c.title.clone(),
            from: at(&c.from, before),
            to: at(&c.to, &pending.after),
        })
        .collect();
    let count = |k: ChangeKind| lines.iter().filter(|l| l.kind == k).count();
    let mut ctx = page.context();
    ctx.insert("edition", &edition);
    ctx.insert("lines", &lines);
    ctx.insert("added", &count(ChangeKind::Added));
    ctx.insert("moved", &count(ChangeKind::Moved));
    ctx.insert("cancelled", &count(ChangeKind::Cancelled));
    ctx.insert("first", &pending.before.is_none());
    ctx.insert("speakers_to_tell", &pending.speakers_to_tell);
    ctx.insert("attendees_to_tell", &pending.attendees_to_tell);
    ctx.insert("hard", &draft.hard_conflicts());
    ctx.insert("warnings", &draft.warnings());
    ctx.insert("releases", &releases);
    ctx.insert(
        "embed_url",
        &state.link(&format!("/{}/schedule/embed", edition.slug)),
    );
    ctx.insert("form", form);
    ctx.insert("errors", &errors);
    page.render_status(status, "schedule/release.html", &ctx)
}

pub async fn preview(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
) -> AppResult<HttpResponse> {
    let form = ReleaseForm::default();
    render(
        &state,
        &page,
        &access,
        &form,
        FieldErrors::new(),
        StatusCode::OK,
    )
    .await
}

pub async fn release(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    CsrfForm(form): CsrfForm<ReleaseForm>,
) -> AppResult<HttpResponse> {
    let edition = access.edition.clone();
    let by = access.user.id.clone();
    let (mailer, secret) = (state.mailer.clone(), state.secret.clone());
    let sent = form.clone();
    let result = state
        .db(move |c| release::release(c, &mailer, &secret, &edition, &sent, &by))
        .await;
    page.done_or_again(
        result,
        |r| {
            let to = format!("/{}/manage/schedule/release", access.edition.slug);
            let said = Flash::new("flash-released")
                .count("number", r.number)
                .text("name", &r.name);
            (to, said)
        },
        |errors, status| render(&state, &page, &access, &form, errors, status),
    )
    .await
}
