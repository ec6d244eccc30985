//! Organisers: settings and ticket types, the list of registrations with counts, and the
//! waiting lists in order.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use devday_shared::web::upload::{self, Upload};
use devday_shared::web::{Confirmation, CsrfForm, Flash, Organiser, Page};
use devday_shared::{AppError, AppResult, AppState, FieldErrors};
use serde::{Deserialize, Serialize};

use crate::settings::{self, SettingsForm, TicketTypeForm};
use crate::waitlist;
use crate::{interests, register};
use devday_shared::web::Query;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/{edition}/manage/registration")
            .route(web::get().to(show))
            .route(web::post().to(save)),
    )
    .route(
        "/{edition}/manage/registration/tickets",
        web::post().to(add_ticket),
    )
    .route(
        "/{edition}/manage/registration/tickets/{id}/capacity",
        web::post().to(capacity),
    )
    .route(
        "/{edition}/manage/registration/tickets/{id}/times",
        web::post().to(times),
    )
    .route("/{edition}/manage/registrations", web::get().to(list))
    .route("/{edition}/manage/registrations.csv", web::get().to(csv))
    .route(
        "/{edition}/manage/registration/purge",
        web::post().to(purge),
    )
    .route(
        "/{edition}/manage/registrations/guests",
        web::post().to(guests),
    )
    .service(
        web::resource("/{edition}/manage/registrations/import")
            .route(web::get().to(import_form))
            .route(web::post().to(import)),
    )
    .route(
        "/{edition}/manage/registrations/import/file",
        web::post().to(import_file),
    )
    .service(
        web::resource("/{edition}/manage/registrations/{id}")
            .route(web::get().to(edit_form))
            .route(web::post().to(edit)),
    )
    .service(
        web::resource("/{edition}/manage/registrations/{id}/cancel")
            .route(web::get().to(cancel_form))
            .route(web::post().to(cancel)),
    );
}

async fn render(
    state: &AppState,
    page: &Page,
    access: &Organiser,
    errors: FieldErrors,
    status: StatusCode,
    templates: bool,
) -> AppResult<HttpResponse> {
    let eid = access.edition.id.clone();
    let (mut config, types) = state
        .db(move |c| Ok((settings::get(c, &eid)?, settings::ticket_types(c, &eid)?)))
        .await?;
    let ready = config.texts_ready();
    // devday's starting texts, put into the empty fields for the organisers to complete
    // and save: nothing is published until they do.
    if templates {
        for (text, key) in [
            (&mut config.privacy_text, "registration-template-privacy"),
            (&mut config.coc_text, "registration-template-coc"),
        ] {
            if text.trim().is_empty() {
                *text = state.i18n.tr(page.locale, key, &[]);
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
        .map(|t| {
            let mut v = serde_json::to_value(t).unwrap_or_default();
            v["starts_local"] = local(t.starts_at).into();
            v["ends_local"] = local(t.ends_at).into();
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
    match result {
        Ok(said) => Ok(page.done(
            &format!("/{}/manage/registration", access.edition.slug),
            said,
        )),
        Err(AppError::Invalid(errors)) => {
            render(
                state,
                page,
                access,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
                false,
            )
            .await
        }
        Err(e) => Err(e),
    }
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
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<CapacityForm>,
) -> AppResult<HttpResponse> {
    let capacity = form
        .capacity
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|c| (1..=100_000).contains(c))
        .ok_or_else(|| AppError::Refused(devday_shared::Refusal::CapacityOutOfRange))?;
    let (eid, id) = (access.edition.id.clone(), path.into_inner().1);
    let mailer = state.mailer.clone();
    let edition = access.edition.clone();
    state
        .db(move |c| {
            settings::set_capacity(c, &eid, &id, capacity)?;
            // More room: offer it to the waiting list at once.
            waitlist::offer_free_seats(c, &mailer, &edition, &id)?;
            Ok(())
        })
        .await?;
    state.mailer.notify();
    Ok(page.done(
        &format!("/{}/manage/registration", access.edition.slug),
        Flash::new("flash-capacity-set").count("n", capacity),
    ))
}

/// A ticket type's times (the conference's day, a workshop's slot).
pub async fn times(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, String)>,
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

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Search {
    q: String,
}

#[derive(Serialize)]
struct TypeCount {
    name: String,
    name_de: String,
    capacity: i32,
    taken: i32,
    confirmed: i64,
    held: i64,
    waiting: Vec<crate::model::WaitlistEntry>,
}

pub async fn list(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    search: Query<Search>,
) -> AppResult<HttpResponse> {
    let (eid, q) = (access.edition.id.clone(), search.q.clone());
    let (registrations, everyone, (counts, interest)) = state
        .db(move |c| {
            let mut counts = Vec::new();
            for (t, confirmed, held) in register::counts(c, &eid)? {
                let waiting = waitlist::entries(c, &t.id)?
                    .into_iter()
                    .filter(|w| w.state == "waiting" || w.state == "offered")
                    .collect();
                counts.push(TypeCount {
                    name: t.name,
                    name_de: t.name_de,
                    capacity: t.capacity,
                    taken: t.taken,
                    confirmed,
                    held,
                    waiting,
                });
            }
            Ok((
                register::list(c, &eid, &q)?,
                register::list(c, &eid, "")?,
                (counts, interests::counts(c, &eid)?),
            ))
        })
        .await?;
    // Catering and merchandise numbers from the confirmed and held registrations.
    let active: Vec<&crate::model::Registration> =
        everyone.iter().filter(|r| r.is_active()).collect();
    let tshirts: Vec<(String, usize)> = register::TSHIRTS
        .iter()
        .map(|size| {
            (
                size.to_string(),
                active.iter().filter(|r| r.tshirt == *size).count(),
            )
        })
        .collect();
    let dietary = active.iter().filter(|r| !r.dietary.is_empty()).count();
    let accessibility = active
        .iter()
        .filter(|r| !r.accessibility.is_empty())
        .count();
    let mut ctx = page.context();
    ctx.insert("tshirts", &tshirts);
    ctx.insert("dietary", &dietary);
    ctx.insert("accessibility", &accessibility);
    ctx.insert("active", &active.len());
    ctx.insert("edition", &access.edition);
    ctx.insert("registrations", &registrations);
    ctx.insert("counts", &counts);
    ctx.insert("interest", &interest);
    ctx.insert("q", &search.q);
    page.render("registration/manage_list.html", &ctx)
}

/// The attendee list as CSV (UTF-8 with BOM for Excel; formula cells neutralised).
pub async fn csv(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
) -> AppResult<HttpResponse> {
    let (eid, locale) = (access.edition.id.clone(), page.locale);
    let (registrations, mut tickets) = state
        .db(move |c| {
            Ok((
                register::list(c, &eid, "")?,
                register::ticket_names(c, &eid, locale)?,
            ))
        })
        .await?;
    let rows = registrations.iter().map(|r| {
        vec![
            r.name.clone(),
            r.email.clone(),
            r.company.clone(),
            r.state.clone(),
            r.tshirt.clone(),
            r.dietary.clone(),
            r.accessibility.clone(),
            r.created_at.format("%Y-%m-%d %H:%M").to_string(),
            tickets.remove(&r.id).unwrap_or_default().join("; "),
        ]
    });
    Ok(devday_shared::spreadsheet::csv_download(
        &format!("{}-attendees.csv", access.edition.slug),
        &[
            "name",
            "email",
            "company",
            "state",
            "tshirt",
            "dietary",
            "accessibility",
            "registered_at",
            "tickets",
        ],
        rows,
    ))
}

/// Asks before cancelling someone's registration.
pub async fn cancel_form(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (eid, id) = (access.edition.id.clone(), path.into_inner().1);
    let i = id.clone();
    let reg = state
        .db(move |c| Ok(register::in_edition(c, &eid, &i)?))
        .await?
        .filter(|r| r.is_active())
        .ok_or(AppError::NotFound)?;
    let list = format!("/{}/manage/registrations", access.edition.slug);
    page.confirm(Confirmation {
        question: "confirm-cancel-other",
        subject: &reg.name,
        consequence: "confirm-cancel-other-text",
        yes: "confirm-cancel-other-yes",
        action: &format!("{list}/{id}/cancel"),
        back: &list,
        fields: &[],
    })
}

/// Cancels someone's registration (organisers); the seats go to the waiting list.
pub async fn cancel(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, String)>,
    _form: CsrfForm<devday_shared::web::NoFields>,
) -> AppResult<HttpResponse> {
    let (eid, id) = (access.edition.id.clone(), path.into_inner().1);
    let (mailer, edition) = (state.mailer.clone(), access.edition.clone());
    let name = state
        .db(move |c| {
            let reg = register::in_edition(c, &eid, &id)?.ok_or(AppError::NotFound)?;
            register::cancel(
                c,
                &mailer,
                &edition,
                &reg,
                register::CancelledBy::Organisers,
            )?;
            Ok(reg.name)
        })
        .await?;
    Ok(page.done(
        &format!("/{}/manage/registrations", access.edition.slug),
        Flash::new("flash-registration-cancelled").text("name", &name),
    ))
}

/// Tickets for confirmed speakers and the team (again: only the new ones).
pub async fn guests(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    _form: CsrfForm<devday_shared::web::NoFields>,
) -> AppResult<HttpResponse> {
    let (mailer, edition) = (state.mailer.clone(), access.edition.clone());
    let done = state
        .db(move |c| crate::guests::issue_to_speakers_and_team(c, &mailer, &edition))
        .await?;
    Ok(page.done(
        &format!("/{}/manage/registrations", access.edition.slug),
        Flash::new("guests-issued")
            .count("n", done.issued)
            .count("had", done.had_one),
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ImportForm {
    rows: String,
    /// "check" (the dry run) or "import".
    action: String,
}

fn render_import(
    page: &Page,
    access: &Organiser,
    text: &str,
    report: Option<&[crate::guests::ImportRow]>,
) -> AppResult<HttpResponse> {
    render_import_with(page, access, text, report, FieldErrors::new())
}

fn render_import_with(
    page: &Page,
    access: &Organiser,
    text: &str,
    report: Option<&[crate::guests::ImportRow]>,
    errors: FieldErrors,
) -> AppResult<HttpResponse> {
    let invalid = report.is_some_and(|rows| rows.iter().any(|r| r.is_invalid()));
    let empty = report.is_some_and(|rows| rows.is_empty());
    let mut ctx = page.context();
    ctx.insert("edition", &access.edition);
    ctx.insert("rows", text);
    ctx.insert("report", &report);
    ctx.insert("invalid", &invalid);
    ctx.insert("empty", &empty);
    ctx.insert("errors", &errors);
    let status = if invalid || empty || !errors.is_empty() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    page.render_status(status, "registration/manage_import.html", &ctx)
}

pub async fn import_form(page: Page, access: Organiser) -> AppResult<HttpResponse> {
    render_import(&page, &access, "", None)
}

/// Guests by list: a dry run reporting every row, then the import, all or nothing.
pub async fn import(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    form: CsrfForm<ImportForm>,
) -> AppResult<HttpResponse> {
    let ImportForm { rows, action } = form.0;
    let (mailer, edition, locale) = (state.mailer.clone(), access.edition.clone(), page.locale);
    let text = rows.clone();
    if action != "import" {
        let report = state
            .db(move |c| crate::guests::check_import(c, &edition.id, &text))
            .await?;
        return render_import(&page, &access, &rows, Some(&report));
    }
    match state
        .db(move |c| crate::guests::import(c, &mailer, &edition, &text, locale))
        .await?
    {
        Ok(done) => Ok(page.done(
            &format!("/{}/manage/registrations", access.edition.slug),
            Flash::new("guests-issued")
                .count("n", done.issued)
                .count("had", done.had_one),
        )),
        Err(report) => render_import(&page, &access, &rows, Some(&report)),
    }
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

async fn render_edit(
    state: &AppState,
    page: &Page,
    access: &Organiser,
    id: String,
    form: Option<&register::DetailsForm>,
    errors: FieldErrors,
) -> AppResult<HttpResponse> {
    let eid = access.edition.id.clone();
    let (mut reg, tickets, sessions, mut chosen) = state
        .db(move |c| {
            let reg = register::in_edition(c, &eid, &id)?.ok_or(AppError::NotFound)?;
            let tickets = register::tickets_of(c, &reg.id)?;
            let sessions = interests::offered(c, &eid)?;
            let chosen = interests::ids_of_registration(c, &reg.id)?;
            Ok((reg, tickets, sessions, chosen))
        })
        .await?;
    if let Some(form) = form {
        // Show what was entered next to its errors.
        reg.name = form.name.clone();
        reg.company = form.company.clone();
        reg.tshirt = form.tshirt.clone();
        reg.dietary = form.dietary.clone();
        reg.accessibility = form.accessibility.clone();
        chosen.clone_from(&form.interests);
    }
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut ctx = page.context();
    ctx.insert("edition", &access.edition);
    ctx.insert("registration", &reg);
    ctx.insert("tickets", &tickets);
    ctx.insert("tshirts", &register::TSHIRTS);
    ctx.insert("sessions", &sessions);
    ctx.insert("chosen", &chosen);
    ctx.insert("errors", &errors);
    ctx.insert(
        "details_action",
        &format!("/{}/manage/registrations/{}", access.edition.slug, reg.id),
    );
    page.render_status(status, "registration/manage_edit.html", &ctx)
}

pub async fn edit_form(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    render_edit(&state, &page, &access, id, None, FieldErrors::new()).await
}

/// Organisers correct someone's name or answers (an active registration).
pub async fn edit(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<register::DetailsForm>,
) -> AppResult<HttpResponse> {
    let (eid, id) = (access.edition.id.clone(), path.into_inner().1);
    let (i, f) = (id.clone(), form.clone());
    let result = state
        .db(move |c| {
            let reg = register::in_edition(c, &eid, &i)?.ok_or(AppError::NotFound)?;
            register::update_details(c, &reg, &f)
        })
        .await;
    match result {
        Ok(()) => Ok(page.done(
            &format!("/{}/manage/registrations", access.edition.slug),
            Flash::new("flash-saved"),
        )),
        Err(AppError::Invalid(errors)) => {
            render_edit(&state, &page, &access, id, Some(&form), errors).await
        }
        Err(e) => Err(e),
    }
}

/// A CSV file instead of pasted rows: read into the list and checked (the dry run); the
/// import itself is then the same button as for pasted rows.
pub async fn import_file(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    req: actix_web::HttpRequest,
    body: actix_multipart::Multipart,
) -> AppResult<HttpResponse> {
    let bytes = match upload::read(&req, body, "file", crate::guests::IMPORT_MAX_BYTES).await? {
        Upload::File(bytes) if !bytes.is_empty() => bytes,
        outcome => {
            let mut errors = FieldErrors::new();
            let key = match outcome {
                Upload::TooLarge => "import-file-too-large",
                Upload::File(_) => "import-file-missing",
            };
            errors.add("file", key);
            return render_import_with(&page, &access, "", None, errors);
        }
    };
    let text = crate::guests::decode(&bytes);
    let (eid, t) = (access.edition.id.clone(), text.clone());
    let report = state
        .db(move |c| crate::guests::check_import(c, &eid, &t))
        .await?;
    render_import(&page, &access, &text, Some(&report))
}
