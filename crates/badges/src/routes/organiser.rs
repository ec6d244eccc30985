//! Organisers: the check-in dashboard, extra check-in lists, the scan log as CSV, and
//! re-issuing a ticket.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use devday_shared::spreadsheet::Table;
use devday_shared::vocabulary::RegistrationId;
use devday_shared::web::{CsrfForm, Flash, NoFields, Organiser, Page, RequestLocale};
use devday_shared::{AppError, AppResult, AppState, FieldErrors};

use crate::dashboard;
use crate::lists::{self, ListForm};
use crate::tickets;
use devday_shared::web::Query;

async fn render(
    state: &AppState,
    page: &Page,
    access: &Organiser,
    form: ListForm,
    errors: FieldErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let eid = access.edition.id.clone();
    let (stats, log, types) = state
        .db(move |c| {
            Ok((
                dashboard::stats(c, &eid)?,
                dashboard::log(c, &eid, Some(50))?,
                lists::ticket_types(c, &eid)?,
            ))
        })
        .await?;
    let mut ctx = page.context();
    ctx.insert("edition", &access.edition);
    ctx.insert("stats", &stats);
    ctx.insert("log", &log);
    ctx.insert("types", &types);
    ctx.insert("form_name", &form.name);
    ctx.insert("form_name_de", &form.name_de);
    ctx.insert("form_slug", &form.slug);
    ctx.insert("errors", &errors);
    page.render_status(status, "badges/dashboard.html", &ctx)
}

pub async fn show(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
) -> AppResult<HttpResponse> {
    if let Some(page) = super::no_door(&page, &access.edition) {
        return page;
    }
    render(
        &state,
        &page,
        &access,
        ListForm::default(),
        FieldErrors::new(),
        StatusCode::OK,
    )
    .await
}

pub async fn add_list(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    form: CsrfForm<ListForm>,
) -> AppResult<HttpResponse> {
    let form = form.0;
    let (eid, f) = (access.edition.id.clone(), form.clone());
    let added = state.db(move |c| lists::create(c, &eid, &f)).await;
    page.done_or_again(
        added,
        |_| {
            let to = format!("/{}/manage/checkin", access.edition.slug);
            (to, Flash::new("flash-list-added"))
        },
        |errors, status| render(&state, &page, &access, form, errors, status),
    )
    .await
}

/// Every scan as CSV (UTF-8 with BOM, formulas neutralised).
pub async fn csv(
    state: web::Data<AppState>,
    access: Organiser,
    RequestLocale(locale): RequestLocale,
) -> AppResult<HttpResponse> {
    let eid = access.edition.id.clone();
    let log = state
        .db(move |c| Ok(dashboard::log(c, &eid, None)?))
        .await?;
    let edition = &access.edition;
    let tr = |key: &str| state.i18n.tr(locale, key, &[]);
    let zone = [("zone", edition.timezone.clone().into())];
    let mut table = Table::new(vec![
        state.i18n.tr(locale, "csv-scanned-at", &zone),
        tr("csv-list"),
        tr("csv-name"),
        tr("csv-email"),
        tr("csv-result"),
        tr("csv-device"),
        tr("csv-mode"),
        tr("csv-undone"),
    ]);
    table.extend(log.into_iter().map(|s| {
        vec![
            edition
                .local(s.scanned_at)
                .format("%Y-%m-%d %H:%M:%S")
                .to_string(),
            s.list,
            s.name.unwrap_or_default(),
            s.email.unwrap_or_default(),
            tr(&format!("csv-result-{}", s.result)),
            s.device,
            tr(if s.offline {
                "csv-offline"
            } else {
                "csv-online"
            }),
            if s.undone {
                tr("csv-undone")
            } else {
                String::new()
            },
        ]
    }));
    Ok(table.download(&format!("{}-checkins.csv", edition.slug)))
}

/// Re-issues someone's ticket (a lost badge): the old code is revoked at once.
pub async fn reissue(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, String)>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    let (_, id) = path.into_inner();
    let eid = access.edition.id.clone();
    let rid = id.clone();
    state
        .db(move |c| {
            let holder = tickets::holder(c, &RegistrationId::from(rid))?
                .filter(|h| h.edition_id == eid)
                .ok_or(AppError::NotFound)?;
            Ok(tickets::reissue(c, &holder.registration_id)?)
        })
        .await?;
    Ok(page.done(
        &format!("/{}/manage/registrations/{id}", access.edition.slug),
        Flash::new("flash-ticket-reissued"),
    ))
}

/// Badges for everyone or a chosen set (a ticket type, a role), as A4 sheets or A6.
pub async fn badges(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    query: Query<crate::printing::Selection>,
) -> AppResult<HttpResponse> {
    if let Some(page) = super::no_door(&page, &access.edition) {
        return page;
    }
    let selection = query.into_inner();
    let (edition, st, locale) = (access.edition.clone(), state.clone(), page.locale);
    let bytes = state
        .db(move |c| crate::printing::badges_pdf(c, &st.i18n, locale, &edition, &selection))
        .await?;
    Ok(super::staff::pdf_response(
        bytes,
        &format!("{}-badges.pdf", access.edition.slug),
    ))
}
