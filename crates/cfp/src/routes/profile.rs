//! The speaker's profile (with photo), their proposals across editions, and their
//! availability on an edition's days.

use crate::model::ProposalState;
use crate::profiles::WindowId;
use actix_multipart::Multipart;
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use devday_shared::editions::Edition;
use devday_shared::vocabulary::UserId;
use devday_shared::web::upload::{self, Upload};
use devday_shared::web::{CsrfForm, CurrentUser, Flash, MaybeUser, NoFields, Page, PublicEdition};
use devday_shared::{AppError, AppResult, AppState, FieldErrors};
use serde::Serialize;

use crate::profiles::{self, ProfileForm, WindowForm};
use crate::proposals;

async fn render(
    state: &AppState,
    page: &Page,
    user_id: UserId,
    form: Option<ProfileForm>,
    errors: FieldErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let id = user_id.clone();
    let profile = state.db(move |c| Ok(profiles::get(c, &id)?)).await?;
    let form = form.unwrap_or_else(|| ProfileForm {
        display_name: page
            .user
            .as_ref()
            .map(|u| u.display_name.clone())
            .unwrap_or_default(),
        biography_md: profile.biography_md.clone(),
        company: profile.company.clone(),
        links: profile.links.clone(),
    });
    let mut ctx = page.context();
    ctx.insert("form", &form);
    ctx.insert("profile", &profile);
    ctx.insert("user_id", &user_id);
    ctx.insert("errors", &errors);
    page.render_status(status, "cfp/profile.html", &ctx)
}

pub async fn show(
    state: web::Data<AppState>,
    page: Page,
    user: CurrentUser,
) -> AppResult<HttpResponse> {
    render(
        &state,
        &page,
        user.0.id,
        None,
        FieldErrors::new(),
        StatusCode::OK,
    )
    .await
}

pub async fn save(
    state: web::Data<AppState>,
    page: Page,
    user: CurrentUser,
    CsrfForm(form): CsrfForm<ProfileForm>,
) -> AppResult<HttpResponse> {
    let (id, f) = (user.0.id.clone(), form.clone());
    let saved = state.db(move |c| profiles::save(c, &id, &f)).await;
    page.done_or_again(
        saved,
        |()| ("/speaker/profile".into(), Flash::new("flash-profile-saved")),
        |errors, status| render(&state, &page, user.0.id, Some(form), errors, status),
    )
    .await
}

/// The profile page again, with the reason beside the photo field.
async fn photo_refused(
    state: &AppState,
    page: &Page,
    user_id: UserId,
    message: String,
) -> AppResult<HttpResponse> {
    let mut errors = FieldErrors::new();
    errors.add("photo", message);
    render(
        state,
        page,
        user_id,
        None,
        errors,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

/// Reads a photo form (multipart: its CSRF token is a field read before the file) and
/// keeps the photo as the user's; `Err` carries the reason to show beside the field.
pub(super) async fn save_photo(
    state: &AppState,
    req: &HttpRequest,
    body: Multipart,
    user_id: &UserId,
) -> AppResult<Result<(), String>> {
    let bytes = match upload::read(req, body, "photo", profiles::PHOTO_MAX_BYTES).await? {
        Upload::File(bytes) if !bytes.is_empty() => bytes,
        Upload::File(_) => return Err(AppError::Refused(devday_shared::Refusal::NoPhoto)),
        Upload::TooLarge => return Ok(Err("photo-too-large".into())),
    };
    match web::block(move || profiles::process_photo(&bytes)).await? {
        Ok(jpeg) => {
            let id = user_id.to_owned();
            state
                .db(move |c| Ok(profiles::set_photo(c, &id, Some(&jpeg))?))
                .await?;
            Ok(Ok(()))
        }
        Err(e) => Ok(Err(e.to_string())),
    }
}

pub async fn upload_photo(
    state: web::Data<AppState>,
    page: Page,
    req: HttpRequest,
    user: CurrentUser,
    body: Multipart,
) -> AppResult<HttpResponse> {
    match save_photo(&state, &req, body, &user.0.id).await? {
        Ok(()) => Ok(page.done("/speaker/profile", Flash::new("flash-photo-saved"))),
        Err(message) => photo_refused(&state, &page, user.0.id, message).await,
    }
}

pub async fn delete_photo(
    state: web::Data<AppState>,
    page: Page,
    user: CurrentUser,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    let id = user.0.id;
    state
        .db(move |c| Ok(profiles::set_photo(c, &id, None)?))
        .await?;
    Ok(page.done("/speaker/profile", Flash::new("flash-photo-removed")))
}

/// A speaker's photo: for themselves, admins, and the teams of editions they submitted to.
pub async fn photo(
    state: web::Data<AppState>,
    viewer: MaybeUser,
    user_id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let viewer = viewer.0.ok_or(AppError::Unauthenticated)?;
    let speaker = UserId::from(user_id.into_inner());
    let found = state
        .db(move |c| {
            let allowed = viewer.is_admin
                || viewer.id == speaker
                || crate::speakers::team_sees_speaker(c, &viewer.id, &speaker)?;
            if !allowed {
                return Err(AppError::NotFound);
            }
            Ok(profiles::photo(c, &speaker)?)
        })
        .await?;
    let (bytes, kind) = found.ok_or(AppError::NotFound)?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, kind))
        .insert_header((header::CACHE_CONTROL, "private, max-age=300"))
        .body(bytes))
}

#[derive(Serialize)]
struct MyProposal {
    id: crate::model::ProposalId,
    title: String,
    state: ProposalState,
    edition_slug: String,
    edition_name: String,
}

/// Every own proposal and its state, across editions.
pub async fn proposals(
    state: web::Data<AppState>,
    page: Page,
    user: CurrentUser,
) -> AppResult<HttpResponse> {
    let id = user.0.id;
    let mine = state
        .db(move |c| {
            let editions = devday_shared::editions::queries::all(c)?;
            Ok(proposals::of_speaker(c, &id)?
                .into_iter()
                .filter_map(|p| {
                    let e = editions.iter().find(|e| e.id == p.edition_id)?;
                    Some(MyProposal {
                        id: p.id,
                        title: p.title,
                        state: p.state,
                        edition_slug: e.slug.clone(),
                        edition_name: e.name.clone(),
                    })
                })
                .collect::<Vec<_>>())
        })
        .await?;
    let mut ctx = page.context();
    ctx.insert("mine", &mine);
    page.render("cfp/my_proposals.html", &ctx)
}

#[derive(Serialize)]
struct WindowView {
    id: WindowId,
    from: String,
    until: String,
}

async fn render_availability(
    state: &AppState,
    page: &Page,
    user_id: UserId,
    edition: Edition,
    form: WindowForm,
    errors: FieldErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let eid = edition.id.clone();
    let windows = state
        .db(move |c| Ok(profiles::availability(c, &user_id, &eid)?))
        .await?;
    let windows: Vec<WindowView> = windows
        .into_iter()
        .map(|w| WindowView {
            id: w.id,
            from: edition.say_day_time(w.starts_at, page.locale),
            until: edition.local(w.ends_at).format("%H:%M").to_string(),
        })
        .collect();
    let days: Vec<String> = edition
        .starts_on
        .iter_days()
        .take_while(|d| *d <= edition.ends_on)
        .map(|d| d.to_string())
        .collect();
    let mut ctx = page.context();
    ctx.insert("edition", &edition);
    ctx.insert("windows", &windows);
    ctx.insert("days", &days);
    ctx.insert("form", &form);
    ctx.insert("errors", &errors);
    page.render_status(status, "cfp/availability.html", &ctx)
}

pub async fn availability(
    state: web::Data<AppState>,
    page: Page,
    user: CurrentUser,
    PublicEdition(edition): PublicEdition,
) -> AppResult<HttpResponse> {
    let form = WindowForm {
        from: "09:00".into(),
        until: "18:00".into(),
        ..Default::default()
    };
    render_availability(
        &state,
        &page,
        user.0.id,
        edition,
        form,
        FieldErrors::new(),
        StatusCode::OK,
    )
    .await
}

pub async fn add_window(
    state: web::Data<AppState>,
    page: Page,
    user: CurrentUser,
    PublicEdition(edition): PublicEdition,
    CsrfForm(form): CsrfForm<WindowForm>,
) -> AppResult<HttpResponse> {
    let (uid, f, e) = (user.0.id.clone(), form.clone(), edition.clone());
    let added = state
        .db(move |c| profiles::add_window(c, &uid, &e, &f))
        .await;
    let to = format!("/{}/cfp/availability", edition.slug);
    page.done_or_again(
        added,
        |()| (to, Flash::new("flash-window-added")),
        |errors, status| {
            render_availability(&state, &page, user.0.id, edition, form, errors, status)
        },
    )
    .await
}

pub async fn delete_window(
    state: web::Data<AppState>,
    page: Page,
    user: CurrentUser,
    path: web::Path<(String, WindowId)>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    let (slug, id) = path.into_inner();
    let uid = user.0.id;
    state
        .db(move |c| profiles::delete_window(c, &uid, &id))
        .await?;
    Ok(page.done(
        &format!("/{slug}/cfp/availability"),
        Flash::new("flash-window-removed"),
    ))
}
