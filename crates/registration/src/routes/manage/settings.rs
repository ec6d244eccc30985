//! The registration settings page: texts, hold and offer times, ticket types with their
//! seats and times, and the purge of personal data.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use devday_shared::i18n::Locale;
use devday_shared::vocabulary::TicketTypeId;
use devday_shared::web::{CsrfForm, Flash, Organiser, Page};
use devday_shared::{AppResult, AppState, FieldErrors};
use serde::Deserialize;

use crate::settings::{self, SettingsForm, TicketTypeForm};
use crate::{overbooking, waitlist};

async fn render(
    state: &AppState,
    page: &Page,
    access: &Organiser,
    errors: FieldErrors,
    status: StatusCode,
    templates: bool,
) -> AppResult<HttpResponse> {
    let edition = access.edition.clone();
    let (mut config, types, suggestions) = state
        .db(move |c| {
            let types = settings::ticket_types(c, &edition.id)?;
            let suggestions = types
                .iter()
                .map(|t| overbooking::suggest(c, &edition, t))
                .collect::<AppResult<Vec<_>>>()?;
            Ok((settings::get(c, &edition.id)?, types, suggestions))
        })
        .await?;
    let ready = config.texts_ready();
    // devday's starting texts, put into the empty fields for the organisers to complete
    // and save: nothing is published until they do.
    if templates {
        for (text, key, locale) in [
            (
                &mut config.privacy_text,
                "registration-template-privacy",
                Locale::En,
            ),
            (
                &mut config.privacy_text_de,
                "registration-template-privacy",
                Locale::De,
            ),
            (
                &mut config.coc_text,
                "registration-template-coc",
                Locale::En,
            ),
            (
                &mut config.coc_text_de,
                "registration-template-coc",
                Locale::De,
            ),
        ] {
            if text.trim().is_empty() {
                *text = state.i18n.tr(locale, key, &[]);
            }
        }
    }
    let mut ctx = page.context();
    ctx.insert("edition", &access.edition);
    ctx.insert(
        "purge_after_days",
        &config
            .purge_after_days
            .map(|d| d.to_string())
            .unwrap_or_default(),
    );
    ctx.insert(
        "purged_at",
        &config
            .purged_at
            .map(|t| t.format("%Y-%m-%d %H:%M").to_string()),
    );
    ctx.insert("ready", &ready);
    ctx.insert("settings", &config);
    // Times as the form's datetime-local fields take them, in the edition's zone.
    let local = |t: Option<chrono::NaiveDateTime>| {
        t.map(|t| access.edition.local(t).format("%Y-%m-%dT%H:%M").to_string())
            .unwrap_or_default()
    };
    let types: Vec<serde_json::Value> = types
        .iter()
        .zip(&suggestions)
        .map(|(t, suggestion)| {
            let mut v = serde_json::to_value(t).unwrap_or_default();
            v["starts_local"] = local(t.starts_at).into();
            v["ends_local"] = local(t.ends_at).into();
            v["seats"] = t.seats().into();
            v["suggestion"] = serde_json::to_value(suggestion).unwrap_or_default();
            v
        })
        .collect();
    ctx.insert("types", &types);
    ctx.insert("errors", &errors);
    page.render_status(status, "registration/manage_settings.html", &ctx)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ShowQuery {
    /// Fill empty texts with devday's templates.
    templates: bool,
}

pub async fn show(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    query: web::Query<ShowQuery>,
) -> AppResult<HttpResponse> {
    let status = StatusCode::OK;
    render(
        &state,
        &page,
        &access,
        FieldErrors::new(),
        status,
        query.templates,
    )
    .await
}

async fn done(
    state: &AppState,
    page: &Page,
    access: &Organiser,
    result: AppResult<Flash>,
) -> AppResult<HttpResponse> {
    page.done_or_again(
        result,
        |said| {
            (
                format!("/{}/manage/registration", access.edition.slug),
                said,
            )
        },
        |errors, status| render(state, page, access, errors, status, false),
    )
    .await
}

pub async fn save(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    CsrfForm(form): CsrfForm<SettingsForm>,
) -> AppResult<HttpResponse> {
    let eid = access.edition.id.clone();
    let result = state
        .db(move |c| settings::save(c, &eid, &form).map(|()| Flash::new("flash-saved")))
        .await;
    done(&state, &page, &access, result).await
}

pub async fn add_ticket(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    CsrfForm(form): CsrfForm<TicketTypeForm>,
) -> AppResult<HttpResponse> {
    let e = access.edition.clone();
    let result = state
        .db(move |c| {
            settings::add_ticket_type(c, &e, &form).map(|()| Flash::new("flash-ticket-type-added"))
        })
        .await;
    done(&state, &page, &access, result).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CapacityForm {
    capacity: String,
}

pub async fn capacity(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, TicketTypeId)>,
    CsrfForm(form): CsrfForm<CapacityForm>,
) -> AppResult<HttpResponse> {
    let capacity = form.capacity.trim().parse::<i32>().unwrap_or(0);
    let (edition, id) = (access.edition.clone(), path.into_inner().1);
    let mailer = state.mailer.clone();
    state
        .db(move |c| settings::resize(c, &mailer, &edition, &id, capacity))
        .await?;
    Ok(page.done(
        &format!("/{}/manage/registration", access.edition.slug),
        Flash::new("flash-capacity-set").count("n", capacity),
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct OverbookingForm {
    overbook: String,
    hard_limit: String,
}

/// A ticket type's overbooking margin and the venue's hard limit; more seats given go to
/// the waiting list at once.
pub async fn overbook(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, TicketTypeId)>,
    CsrfForm(form): CsrfForm<OverbookingForm>,
) -> AppResult<HttpResponse> {
    let (edition, id) = (access.edition.clone(), path.into_inner().1);
    let mailer = state.mailer.clone();
    let result = state
        .db(move |c| {
            // The new margin and the offers it makes (seats, mails, webhooks) together.
            devday_db::write_transaction(c, |c| {
                overbooking::set(c, &edition.id, &id, &form.overbook, &form.hard_limit)?;
                let offered = waitlist::offer_free_seats(c, &mailer, &edition, &id)?;
                Ok(Flash::new("flash-overbooking-set").count("offered", offered))
            })
        })
        .await;
    state.mailer.notify();
    done(&state, &page, &access, result).await
}

/// A ticket type's times (the conference's day, a workshop's slot).
pub async fn times(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, TicketTypeId)>,
    CsrfForm(form): CsrfForm<settings::TimesForm>,
) -> AppResult<HttpResponse> {
    let (edition, id) = (access.edition.clone(), path.into_inner().1);
    let result = state
        .db(move |c| {
            settings::set_times(c, &edition, &id, &form)
                .map(|()| Flash::new("flash-ticket-times-set"))
        })
        .await;
    done(&state, &page, &access, result).await
}

/// Purges the attendees' personal data of an ended edition now.
pub async fn purge(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    _form: CsrfForm<devday_shared::web::NoFields>,
) -> AppResult<HttpResponse> {
    let edition = access.edition.clone();
    state
        .db(move |c| crate::privacy::purge(c, &edition))
        .await?;
    Ok(page.done(
        &format!("/{}/manage/registration", access.edition.slug),
        Flash::new("flash-purged"),
    ))
}
