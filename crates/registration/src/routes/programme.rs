//! An attendee's own programme: the published sessions with a star each, the starred
//! ones alone, a calendar feed of them, and whether to hear when a release moves one. The
//! link is the credential (`/{edition}/my/{registration}/{key}/`); signed-in people reach
//! theirs from `/{edition}/my/`.

use std::future::Future;
use std::pin::Pin;

use actix_web::http::header;
use actix_web::{dev::Payload, web, FromRequest, HttpRequest, HttpResponse};
use chrono::NaiveDateTime;
use devday_schedule::export::ical;
use devday_schedule::published::{self, Published};
use devday_schedule::snapshot::SnapSession;
use devday_schedule::view::{self, Filter};
use devday_shared::editions::{queries, Edition};
use devday_shared::i18n::Locale;
use devday_shared::message::Message;
use devday_shared::vocabulary::ProposalId;
use devday_shared::web::{csrf, gate, CsrfForm, Flash, MaybeUser, NoFields, Page, Query};
use devday_shared::{AppError, AppResult, AppState};
use serde::{Deserialize, Serialize};

use crate::model::{Registration, RegistrationId};
use crate::{interests, programme};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/{edition}/my/", web::get().to(account))
        .route("/{edition}/my/{registration}/{key}/", web::get().to(page))
        .route(
            "/{edition}/my/{registration}/{key}/stars",
            web::post().to(star),
        )
        .route(
            "/{edition}/my/{registration}/{key}/stars.json",
            web::get().to(stars_json),
        )
        .route(
            "/{edition}/my/{registration}/{key}/calendar.ics",
            web::get().to(feed),
        )
        .route(
            "/{edition}/my/{registration}/{key}/renew",
            web::post().to(renew),
        )
        .route(
            "/{edition}/my/{registration}/{key}/notices",
            web::post().to(notices),
        )
        .route(
            "/{edition}/my/{registration}/{key}/watch/{stream}",
            web::get().to(watch),
        );
}

/// Opens a live stream from the programme: counted as watching, then sent on.
async fn watch(
    state: web::Data<AppState>,
    own: Own,
    path: web::Path<(String, String, String, String)>,
) -> AppResult<HttpResponse> {
    let stream = path.into_inner().3;
    let reg = own.registration;
    let url = state
        .db(move |c| crate::streams::open(c, &reg, &stream))
        .await?;
    Ok(devday_shared::web::redirect::see_other(&url))
}

/// The registration and edition a programme link names, checked before any body is read.
pub struct Own {
    registration: Registration,
    edition: Edition,
    /// The page's path with the current key.
    path: String,
}

impl FromRequest for Own {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let checking = gate::checking(req);
        let info = req.match_info();
        let parts = (
            info.get("edition").map(str::to_owned),
            info.get("registration").map(str::to_owned),
            info.get("key").map(str::to_owned),
        );
        let state = req.app_data::<web::Data<AppState>>().cloned();
        Box::pin(async move {
            let _checking = checking;
            let (Some(slug), Some(id), Some(key)) = parts else {
                return Err(AppError::LinkInvalid);
            };
            let state = state.ok_or_else(|| AppError::internal(anyhow::anyhow!("no app state")))?;
            let secret = state.secret.clone();
            state
                .db(move |c| {
                    let edition = queries::by_slug(c, &slug)?.ok_or(AppError::LinkInvalid)?;
                    let id = RegistrationId::from(id);
                    let registration = programme::by_link(c, &secret, &edition.id, &id, &key)?;
                    let path = programme::path(&secret, &edition.slug, &registration);
                    Ok(Own {
                        registration,
                        edition,
                        path,
                    })
                })
                .await
        })
    }
}

/// `/{edition}/my/`: a signed-in person's programme, by their registration under their
/// account's address; a page that says how to reach one otherwise.
async fn account(
    state: web::Data<AppState>,
    page: Page,
    user: MaybeUser,
    slug: web::Path<String>,
) -> AppResult<HttpResponse> {
    let secret = state.secret.clone();
    let user_id = user.0.as_ref().map(|u| u.id.clone());
    let (edition, path) = state
        .db(move |c| {
            let edition = queries::by_slug(c, &slug)?.ok_or(AppError::NotFound)?;
            let path = match user_id {
                Some(id) => programme::of_account(c, &edition.id, &id)?
                    .map(|reg| programme::path(&secret, &edition.slug, &reg)),
                None => None,
            };
            Ok((edition, path))
        })
        .await?;
    if let Some(path) = path {
        return Ok(HttpResponse::SeeOther()
            .insert_header((header::LOCATION, path))
            .finish());
    }
    let mut ctx = page.context();
    ctx.insert("edition", &edition);
    ctx.insert("email", &user.0.map(|u| u.email));
    page.render("registration/programme_none.html", &ctx)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct View {
    /// "starred": only the starred sessions.
    only: String,
}

impl View {
    fn starred_only(&self) -> bool {
        self.only == "starred"
    }
}

/// One session on the page: where and when, and whether it is starred.
#[derive(Serialize)]
struct Line<'a> {
    #[serde(flatten)]
    item: view::Item<'a>,
    starred: bool,
    /// Other starred sessions at the same time (titles).
    clashes: Vec<&'a str>,
}

#[derive(Serialize)]
struct DayLines<'a> {
    date: String,
    lines: Vec<Line<'a>>,
}

/// The published sessions by day; with `starred_only`, only the starred ones.
fn days<'a>(p: &'a Published, stars: &[ProposalId], starred_only: bool) -> Vec<DayLines<'a>> {
    let is_starred = |s: &SnapSession| stars.iter().any(|id| **id == s.guid);
    let starred: Vec<&SnapSession> = p
        .snapshot
        .sessions
        .iter()
        .filter(|s| is_starred(s))
        .collect();
    let clashes = |s: &SnapSession| -> Vec<&'a str> {
        starred
            .iter()
            .filter(|o| o.guid != s.guid && overlap(s, o))
            .map(|o| o.title.as_str())
            .collect()
    };
    view::days(&p.edition, &p.snapshot)
        .into_iter()
        .map(|day| {
            let lines: Vec<Line<'a>> =
                view::day(&p.edition, &p.snapshot, day, &Filter::default(), None)
                    .list
                    .into_iter()
                    .filter(|item| !starred_only || is_starred(item.session))
                    .map(|item| {
                        let starred = is_starred(item.session);
                        Line {
                            clashes: if starred {
                                clashes(item.session)
                            } else {
                                Vec::new()
                            },
                            starred,
                            item,
                        }
                    })
                    .collect();
            DayLines {
                date: day.to_string(),
                lines,
            }
        })
        .filter(|d| !d.lines.is_empty())
        .collect()
}

fn overlap(a: &SnapSession, b: &SnapSession) -> bool {
    let ends = |s: &SnapSession| -> NaiveDateTime { s.ends_at() };
    a.starts_at < ends(b) && b.starts_at < ends(a)
}

async fn page(
    state: web::Data<AppState>,
    page: Page,
    own: Own,
    view: Query<View>,
) -> AppResult<HttpResponse> {
    let Own {
        registration,
        edition,
        path,
    } = own;
    let published = published::newest(&state, &edition.slug).await?;
    let (reg_id, edition_id) = (registration.id.clone(), edition.id.clone());
    let reg = registration.clone();
    let (stars, offered, streams) = state
        .db(move |c| {
            let stars = programme::stars(c, &reg_id)?;
            let offered = interests::offered(c, &edition_id)?;
            Ok((stars, offered, crate::streams::for_registration(c, &reg)?))
        })
        .await?;
    let starred_only = view.starred_only();
    let mut ctx = page.context();
    ctx.insert("edition", &edition);
    ctx.insert("registration", &registration);
    ctx.insert("base", &path);
    ctx.insert("streams", &streams);
    ctx.insert("watch_base", &format!("{path}watch/"));
    ctx.insert("starred_only", &starred_only);
    ctx.insert("stars", &stars);
    ctx.insert("count", &stars.len());
    let feed = format!("{}calendar.ics", state.mailer.link(&path));
    ctx.insert("feed", &feed);
    ctx.insert("webcal", &webcal(&feed));
    ctx.insert(
        "whole_feed",
        &webcal(
            &state
                .mailer
                .link(&format!("/{}/schedule.ics", edition.slug)),
        ),
    );
    match &published {
        Some(p) => {
            ctx.insert("release", &p.release);
            ctx.insert("days", &days(p, &stars, starred_only));
        }
        // Nothing published yet: the confirmed sessions, without times.
        None => ctx.insert("offered", &offered),
    }
    page.render("registration/programme.html", &ctx)
}

/// The same address for calendar apps: `webcal://` subscribes where `https://` downloads.
fn webcal(url: &str) -> String {
    match url.split_once("://") {
        Some((_, rest)) => format!("webcal://{rest}"),
        None => url.to_owned(),
    }
}

#[derive(Debug, Deserialize)]
struct StarForm {
    session: ProposalId,
    star: bool,
    #[serde(default)]
    only: String,
}

#[derive(Serialize)]
struct StarAnswer {
    on: bool,
    count: i64,
    /// What happened, in the reader's words.
    said: String,
    /// The page's count and its "only my favourites" tab, said again.
    count_text: String,
    only_text: String,
}

/// Stars or unstars a session. A browser without JavaScript gets the page again, at the
/// session, saying what happened; `fetch` asks for JSON and stays where it is.
async fn star(
    req: HttpRequest,
    state: web::Data<AppState>,
    page: Page,
    own: Own,
    form: CsrfForm<StarForm>,
) -> AppResult<HttpResponse> {
    let form = form.0;
    let reg = own.registration;
    let session = form.session.clone();
    let on = form.star;
    let starred = state
        .db(move |c| programme::star(c, &reg, &session, on))
        .await?;
    let said = Flash::new(if starred.on {
        "programme-starred"
    } else {
        "programme-unstarred"
    })
    .text("title", &starred.title)
    .count("n", starred.count);
    if wants_json(&req) {
        let again = |key: &str| {
            Message::new(key)
                .count("n", starred.count)
                .say(&state.i18n, page.locale)
        };
        return Ok(HttpResponse::Ok().json(StarAnswer {
            on: starred.on,
            count: starred.count,
            said: said.say(&state.i18n, page.locale),
            count_text: again("programme-count"),
            only_text: again("programme-only-starred"),
        }));
    }
    let only = if form.only == "starred" {
        "?only=starred"
    } else {
        ""
    };
    Ok(page.done(&format!("{}{only}#s-{}", own.path, form.session), said))
}

fn wants_json(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json"))
}

#[derive(Serialize)]
struct StarsJson {
    stars: Vec<ProposalId>,
    action: String,
    csrf_token: String,
}

/// What the public programme's script needs to star through this link: the stars, where
/// to send a change and the token that proves the form is ours.
async fn stars_json(
    req: HttpRequest,
    state: web::Data<AppState>,
    own: Own,
) -> AppResult<HttpResponse> {
    let id = own.registration.id.clone();
    let stars = state.db(move |c| Ok(programme::stars(c, &id)?)).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .json(StarsJson {
            stars,
            action: format!("{}stars", own.path),
            csrf_token: csrf::token(&req, &state.secret),
        }))
}

/// The starred sessions of the newest release as a calendar a phone can subscribe to;
/// each session keeps its UID across releases and counts its moves in SEQUENCE.
async fn feed(state: web::Data<AppState>, own: Own) -> AppResult<HttpResponse> {
    let id = own.registration.id.clone();
    let stars = state.db(move |c| Ok(programme::stars(c, &id)?)).await?;
    let locale = Locale::parse(&own.registration.locale).unwrap_or_default();
    let name = format!(
        "{} · {}",
        own.edition.name,
        state.i18n.tr(locale, "programme-title", &[])
    );
    let base = state.mailer.link("").trim_end_matches('/').to_owned();
    let body = match published::newest(&state, &own.edition.slug).await? {
        Some(p) => {
            let sessions: Vec<&SnapSession> = p
                .snapshot
                .sessions
                .iter()
                .filter(|s| stars.iter().any(|id| **id == s.guid))
                .collect();
            ical::calendar(&name, &p.edition, &p.release, &p.snapshot, &sessions, &base)
        }
        None => ical::empty(&name),
    };
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/calendar; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(body))
}

/// A new key: the old link and feed stop working; the page moves to the new address.
async fn renew(
    state: web::Data<AppState>,
    page: Page,
    own: Own,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    let (secret, slug, reg) = (
        state.secret.clone(),
        own.edition.slug.clone(),
        own.registration,
    );
    let path = state
        .db(move |c| {
            let renewed = programme::renew(c, &reg)?;
            Ok(programme::path(&secret, &slug, &renewed))
        })
        .await?;
    Ok(page.done(&path, Flash::new("programme-renewed")))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct NoticesForm {
    on: bool,
}

async fn notices(
    state: web::Data<AppState>,
    page: Page,
    own: Own,
    form: CsrfForm<NoticesForm>,
) -> AppResult<HttpResponse> {
    let on = form.0.on;
    let reg = own.registration;
    state
        .db(move |c| Ok(programme::set_change_notices(c, &reg, on)?))
        .await?;
    let said = if on {
        "programme-notices-on"
    } else {
        "programme-notices-off"
    };
    Ok(page.done(&own.path, Flash::new(said)))
}
