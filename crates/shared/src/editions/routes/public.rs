use std::time::Duration;

use actix_web::{web, FromRequest, HttpRequest, HttpResponse};

use super::EditionView;
use crate::editions::{ical, queries, roles, Role};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::{everyones, locale, see_other, Page, PublicEdition};

pub async fn home(state: web::Data<AppState>, page: Page) -> AppResult<HttpResponse> {
    let user_id = page.user.as_ref().map(|u| (u.id.clone(), u.is_admin));
    let (listing, can_create) = state
        .db(move |c| {
            let can_create = match &user_id {
                Some((_, true)) => true,
                Some((id, false)) => roles::is_organiser_anywhere(c, id)?,
                None => false,
            };
            Ok((queries::listing(c)?, can_create))
        })
        .await?;
    let mut ctx = page.context();
    ctx.insert("current", &listing.current.as_ref().map(EditionView::new));
    ctx.insert(
        "upcoming",
        &listing
            .upcoming
            .iter()
            .map(EditionView::new)
            .collect::<Vec<_>>(),
    );
    ctx.insert(
        "archive",
        &listing
            .archive
            .iter()
            .map(EditionView::new)
            .collect::<Vec<_>>(),
    );
    ctx.insert("can_create", &can_create);
    page.render("editions/home.html", &ctx)
}

/// Front doors rendered for signed-out visitors, by edition and language: a rush on the
/// announcement costs one render a second, and seats left are at most that old.
static FRONT_DOORS: everyones::Recent = everyones::Recent::new(Duration::from_secs(1), 1024);

/// After an organiser changed the edition: the next visitor here sees it.
pub(super) fn forget_front_doors() {
    FRONT_DOORS.clear();
}

pub async fn edition(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> AppResult<HttpResponse> {
    let slug = slug.into_inner();
    let kept = format!("{slug}|{}", locale::of(&req).code());
    let renewal = if everyones::is_anonymous(&req) {
        match FRONT_DOORS.get(&kept) {
            Ok(body) => return everyones::respond(body),
            Err(renewal) => Some(renewal),
        }
    } else {
        None
    };
    let page = Page::extract(&req).await?;
    let user = page.user.as_ref().map(|u| (u.id.clone(), u.is_admin));
    let (sources, locale) = (state.cards.clone(), page.locale);
    let found = state
        .db(move |c| {
            let edition = queries::by_slug(c, &slug)?.ok_or(AppError::NotFound)?;
            let my_roles = match &user {
                Some((_, true)) => Role::ALL.to_vec(),
                Some((id, false)) => roles::of_user(c, &edition.id, id)?,
                None => Vec::new(),
            };
            let mut cards = Vec::new();
            for source in sources.iter() {
                cards.extend(source(c, &edition, locale)?);
            }
            Ok((edition, my_roles, cards))
        })
        .await;
    let (edition, my_roles, cards) = match found {
        // Renamed or gone: nobody gets the old front door any more.
        Err(AppError::NotFound) => {
            if let Some(renewal) = renewal {
                renewal.forget();
            }
            return Err(AppError::NotFound);
        }
        other => other?,
    };
    let mut ctx = page.context();
    ctx.insert("edition", &EditionView::new(&edition));
    ctx.insert(
        "description_html",
        &crate::markdown::render(crate::bilingual::pick(
            locale,
            &edition.description_md,
            &edition.description_de_md,
        )),
    );
    ctx.insert(
        "cards",
        &cards
            .iter()
            .map(|card| card.said(&state.i18n, locale))
            .collect::<Vec<_>>(),
    );
    ctx.insert("is_organiser", &my_roles.contains(&Role::Organiser));
    ctx.insert("is_staff", &my_roles.contains(&Role::Staff));
    ctx.insert("is_reviewer", &my_roles.contains(&Role::Reviewer));
    if let Some(renewal) = renewal.filter(|_| page.is_everyones()) {
        let body = page.render_for_everyone("editions/edition.html", &mut ctx)?;
        renewal.put(body.clone());
        return everyones::respond(body);
    }
    page.render("editions/edition.html", &ctx)
}

/// The conference as an .ics file, for attendees' calendars.
pub async fn calendar(
    state: web::Data<AppState>,
    PublicEdition(edition): PublicEdition,
) -> AppResult<HttpResponse> {
    let ics = ical::conference(&edition, &state.link(&format!("/{}/", edition.slug)));
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{}.ics\"", edition.slug),
        ))
        .body(ics))
}

/// `/devday-2027` to `/devday-2027/`; anything that is not a slug is not an edition (and a
/// decoded `%2F` must never turn into an off-site `//host` redirect).
pub async fn add_slash(slug: web::Path<String>) -> AppResult<HttpResponse> {
    let slug = slug.into_inner();
    if !crate::editions::form::is_slug(&slug) {
        return Err(AppError::NotFound);
    }
    Ok(see_other(&format!("/{slug}/")))
}
