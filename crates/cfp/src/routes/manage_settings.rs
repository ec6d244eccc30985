//! Organisers configure the CfP: text and limits, session types, tracks, questions and
//! access codes, all on one page.

use crate::model::{AccessCodeId, QuestionId, SessionTypeId, TrackId};
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use devday_shared::vocabulary::EditionId;
use devday_shared::web::{CsrfForm, Flash, NoFields, Organiser, Page};
use devday_shared::{AppResult, AppState, FieldErrors};
use serde::Serialize;

use crate::model::{QuestionKind, QuestionTarget};
use crate::settings::{
    self, AccessCodeForm, QuestionForm, SessionTypeForm, SettingsForm, TrackForm,
};
use crate::time;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/{edition}/manage/cfp")
            .route(web::get().to(show))
            .route(web::post().to(save_settings)),
    )
    .route("/{edition}/manage/cfp/types", web::post().to(add_type))
    .route(
        "/{edition}/manage/cfp/types/{id}",
        web::post().to(update_type),
    )
    .route(
        "/{edition}/manage/cfp/types/{id}/delete",
        web::post().to(delete_type),
    )
    .route("/{edition}/manage/cfp/tracks", web::post().to(add_track))
    .route(
        "/{edition}/manage/cfp/tracks/{id}",
        web::post().to(update_track),
    )
    .route(
        "/{edition}/manage/cfp/tracks/{id}/delete",
        web::post().to(delete_track),
    )
    .route(
        "/{edition}/manage/cfp/questions",
        web::post().to(add_question),
    )
    .route(
        "/{edition}/manage/cfp/questions/{id}/delete",
        web::post().to(delete_question),
    )
    .route("/{edition}/manage/cfp/codes", web::post().to(add_code))
    .route(
        "/{edition}/manage/cfp/codes/{id}/delete",
        web::post().to(delete_code),
    );
}

#[derive(Serialize)]
struct TypeRow {
    id: SessionTypeId,
    name: String,
    name_de: String,
    duration_minutes: i32,
    deadline: String,
    hidden: bool,
    position: i32,
}

#[derive(Serialize)]
struct CodeRow {
    id: AccessCodeId,
    link: String,
    session_type: Option<String>,
    uses: i32,
    max_uses: i32,
    valid_until: Option<String>,
    note: String,
}

/// Which form on the page the errors belong to, and what was entered.
#[derive(Default, Serialize)]
struct Failed {
    section: &'static str,
    errors: FieldErrors,
    form: serde_json::Value,
}

async fn render(
    state: &AppState,
    page: &Page,
    access: &Organiser,
    failed: Failed,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let eid = access.edition.id.clone();
    let (cfp, types, tracks, questions, codes) = state
        .db(move |c| {
            Ok((
                settings::settings(c, &eid)?,
                settings::session_types(c, &eid)?,
                settings::tracks(c, &eid)?,
                settings::questions(c, &eid)?,
                settings::access_codes(c, &eid)?,
            ))
        })
        .await?;
    let edition = &access.edition;
    let type_rows: Vec<TypeRow> = types
        .iter()
        .map(|t| TypeRow {
            id: t.id.clone(),
            name: t.name.clone(),
            name_de: t.name_de.clone(),
            duration_minutes: t.duration_minutes,
            deadline: time::form_value(edition, t.deadline),
            hidden: t.hidden,
            position: t.position,
        })
        .collect();
    let code_rows: Vec<CodeRow> = codes
        .iter()
        .map(|c| CodeRow {
            id: c.id.clone(),
            link: state.link(&format!("/{}/cfp/submit?code={}", edition.slug, c.code)),
            session_type: c
                .session_type_id
                .as_ref()
                .and_then(|id| types.iter().find(|t| t.id == id))
                .map(|t| {
                    devday_shared::bilingual::pick(page.locale, &t.name, &t.name_de).to_owned()
                }),
            uses: c.uses,
            max_uses: c.max_uses,
            valid_until: c.valid_until.map(|v| edition.say_day_time(v, page.locale)),
            note: c.note.clone(),
        })
        .collect();
    let mut ctx = page.context();
    ctx.insert("edition", edition);
    ctx.insert("cfp", &cfp);
    ctx.insert("types", &type_rows);
    ctx.insert("tracks", &tracks);
    ctx.insert("questions", &questions);
    ctx.insert("codes", &code_rows);
    ctx.insert(
        "question_kinds",
        &QuestionKind::ALL
            .iter()
            .map(|k| k.as_str())
            .collect::<Vec<_>>(),
    );
    ctx.insert(
        "question_targets",
        &QuestionTarget::ALL
            .iter()
            .map(|k| k.as_str())
            .collect::<Vec<_>>(),
    );
    let empty = FieldErrors::new();
    for section in ["settings", "types", "tracks", "questions", "codes"] {
        let errors = if failed.section == section {
            &failed.errors
        } else {
            &empty
        };
        ctx.insert(format!("err_{section}"), errors);
    }
    ctx.insert("failed", &failed);
    page.render_status(status, "cfp/manage_settings.html", &ctx)
}

pub async fn show(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
) -> AppResult<HttpResponse> {
    render(&state, &page, &access, Failed::default(), StatusCode::OK).await
}

/// Deletes one item (`/{edition}/…/{id}/delete`), then back to its section of the page.
async fn remove<Id: Send + 'static>(
    state: &AppState,
    page: &Page,
    access: &Organiser,
    path: web::Path<(String, Id)>,
    section: &str,
    delete: fn(&mut devday_db::DbConn, &EditionId, &Id) -> AppResult<()>,
) -> AppResult<HttpResponse> {
    let (eid, id) = (access.edition.id.clone(), path.into_inner().1);
    state.db(move |c| delete(c, &eid, &id)).await?;
    Ok(page.done(
        &format!("/{}/manage/cfp#{section}", access.edition.slug),
        Flash::new("flash-removed"),
    ))
}

/// Runs a change; on invalid input shows the page again with the errors at `section`.
async fn apply<F, T>(
    state: &AppState,
    page: &Page,
    access: &Organiser,
    section: &'static str,
    form: &T,
    change: F,
) -> AppResult<HttpResponse>
where
    F: FnOnce(&mut devday_db::DbConn) -> AppResult<()> + Send + 'static,
    T: Serialize,
{
    let changed = state.db(change).await;
    page.done_or_again(
        changed,
        |()| {
            let to = format!("/{}/manage/cfp#{section}", access.edition.slug);
            (to, Flash::new("flash-saved"))
        },
        |errors, status| {
            let form = serde_json::to_value(form).unwrap_or_default();
            let failed = Failed {
                section,
                errors,
                form,
            };
            render(state, page, access, failed, status)
        },
    )
    .await
}

pub async fn save_settings(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    CsrfForm(form): CsrfForm<SettingsForm>,
) -> AppResult<HttpResponse> {
    let (eid, f) = (access.edition.id.clone(), form.clone());
    apply(&state, &page, &access, "settings", &form, move |c| {
        settings::save_settings(c, &eid, &f)
    })
    .await
}

pub async fn add_type(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    CsrfForm(form): CsrfForm<SessionTypeForm>,
) -> AppResult<HttpResponse> {
    let (e, f) = (access.edition.clone(), form.clone());
    apply(&state, &page, &access, "types", &form, move |c| {
        settings::add_session_type(c, &e, &f)
    })
    .await
}

pub async fn update_type(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, SessionTypeId)>,
    CsrfForm(form): CsrfForm<SessionTypeForm>,
) -> AppResult<HttpResponse> {
    let (e, f, id) = (access.edition.clone(), form.clone(), path.into_inner().1);
    apply(&state, &page, &access, "types", &form, move |c| {
        settings::update_session_type(c, &e, &id, &f)
    })
    .await
}

pub async fn delete_type(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, SessionTypeId)>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    remove(
        &state,
        &page,
        &access,
        path,
        "types",
        settings::delete_session_type,
    )
    .await
}

pub async fn add_track(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    CsrfForm(form): CsrfForm<TrackForm>,
) -> AppResult<HttpResponse> {
    let (eid, f) = (access.edition.id.clone(), form.clone());
    apply(&state, &page, &access, "tracks", &form, move |c| {
        settings::add_track(c, &eid, &f)
    })
    .await
}

pub async fn update_track(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, TrackId)>,
    CsrfForm(form): CsrfForm<TrackForm>,
) -> AppResult<HttpResponse> {
    let (eid, f, id) = (access.edition.id.clone(), form.clone(), path.into_inner().1);
    apply(&state, &page, &access, "tracks", &form, move |c| {
        settings::update_track(c, &eid, &id, &f)
    })
    .await
}

pub async fn delete_track(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, TrackId)>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    remove(
        &state,
        &page,
        &access,
        path,
        "tracks",
        settings::delete_track,
    )
    .await
}

pub async fn add_question(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    CsrfForm(form): CsrfForm<QuestionForm>,
) -> AppResult<HttpResponse> {
    let (eid, f) = (access.edition.id.clone(), form.clone());
    apply(&state, &page, &access, "questions", &form, move |c| {
        settings::add_question(c, &eid, &f)
    })
    .await
}

pub async fn delete_question(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, QuestionId)>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    remove(
        &state,
        &page,
        &access,
        path,
        "questions",
        settings::delete_question,
    )
    .await
}

pub async fn add_code(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    CsrfForm(form): CsrfForm<AccessCodeForm>,
) -> AppResult<HttpResponse> {
    let (e, f) = (access.edition.clone(), form.clone());
    apply(&state, &page, &access, "codes", &form, move |c| {
        settings::add_access_code(c, &e, &f).map(drop)
    })
    .await
}

pub async fn delete_code(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, AccessCodeId)>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    remove(
        &state,
        &page,
        &access,
        path,
        "codes",
        settings::delete_access_code,
    )
    .await
}
