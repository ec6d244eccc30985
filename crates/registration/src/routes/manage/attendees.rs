//! The list of registrations with counts and the waiting lists in order; one person's
//! details corrected, cancelled; tickets for speakers and the team.

use crate::model::RegistrationId;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use devday_shared::spreadsheet::Table;
use devday_shared::web::{Confirmation, CsrfForm, Flash, Organiser, Page};
use devday_shared::{AppError, AppResult, AppState, FieldErrors};
use serde::{Deserialize, Serialize};

use crate::waitlist;
use crate::{interests, register};
use devday_shared::web::Query;

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
                    .filter(|w| w.state.is_active())
                    .collect();
                counts.push(TypeCount {
                    capacity: t.seats(),
                    name: t.name,
                    name_de: t.name_de,
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
    let header = [
        "csv-name",
        "csv-email",
        "csv-company",
        "csv-state",
        "csv-tshirt",
        "csv-dietary",
        "csv-accessibility",
        "csv-registered-at",
        "csv-tickets",
    ];
    let mut table = Table::new(header.iter().map(|k| page.tr(k)).collect());
    table.extend(registrations.into_iter().map(|r| {
        vec![
            r.name,
            r.email,
            r.company,
            page.tr(&format!("registration-state-{}", r.state)),
            r.tshirt,
            r.dietary,
            r.accessibility,
            access
                .edition
                .local(r.created_at)
                .format("%Y-%m-%d %H:%M")
                .to_string(),
            tickets.remove(r.id.as_str()).unwrap_or_default().join("; "),
        ]
    }));
    Ok(table.download(&format!("{}-attendees.csv", access.edition.slug)))
}

/// Asks before cancelling someone's registration.
pub async fn cancel_form(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, RegistrationId)>,
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
    path: web::Path<(String, RegistrationId)>,
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

async fn render_edit(
    state: &AppState,
    page: &Page,
    access: &Organiser,
    id: RegistrationId,
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
    path: web::Path<(String, RegistrationId)>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    render_edit(&state, &page, &access, id, None, FieldErrors::new()).await
}

/// Organisers correct someone's name or answers (an active registration).
pub async fn edit(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, RegistrationId)>,
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
    page.done_or_again(
        result,
        |()| {
            let to = format!("/{}/manage/registrations", access.edition.slug);
            (to, Flash::new("flash-saved"))
        },
        |errors, _| render_edit(&state, &page, &access, id, Some(&form), errors),
    )
    .await
}
