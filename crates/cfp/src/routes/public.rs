use actix_web::{web, HttpResponse};
use devday_shared::web::{Page, PublicEdition};
use devday_shared::{AppResult, AppState};
use serde::Serialize;

use crate::{proposals, rules, settings};

#[derive(Serialize)]
struct TypeLine {
    name: String,
    duration_minutes: i32,
    deadline: Option<String>,
    open: bool,
}

/// A track as a speaker choosing one reads it.
#[derive(Serialize)]
struct TrackLine {
    name: String,
    description: String,
}

/// The CfP page: the organisers' text, what can be submitted until when, and the
/// visitor's own proposals in this edition.
pub async fn show(
    state: web::Data<AppState>,
    page: Page,
    PublicEdition(edition): PublicEdition,
) -> AppResult<HttpResponse> {
    let user_id = page.user.as_ref().map(|u| u.id.clone());
    let edition_id = edition.id.clone();
    let (cfp, types, tracks, mine) = state
        .db(move |c| {
            let mine = match &user_id {
                Some(id) => proposals::of_speaker(c, id)?
                    .into_iter()
                    .filter(|p| p.edition_id == edition_id)
                    .collect(),
                None => Vec::new(),
            };
            Ok((
                settings::settings(c, &edition_id)?,
                settings::session_types(c, &edition_id)?,
                settings::tracks(c, &edition_id)?,
                mine,
            ))
        })
        .await?;
    let now = devday_db::now();
    let lines: Vec<TypeLine> = types
        .iter()
        .filter(|t| !t.hidden)
        .map(|t| TypeLine {
            name: devday_shared::bilingual::pick(page.locale, &t.name, &t.name_de).to_owned(),
            duration_minutes: t.duration_minutes,
            deadline: rules::deadline(&edition, t).map(|d| edition.say_day_time(d, page.locale)),
            open: rules::open_for(&edition, t, now),
        })
        .collect();
    let pick = |en: &str, de: &str| devday_shared::bilingual::pick(page.locale, en, de).to_owned();
    let tracks: Vec<TrackLine> = tracks
        .into_iter()
        .map(|t| TrackLine {
            name: pick(&t.name, &t.name_de),
            description: pick(&t.description, &t.description_de),
        })
        .collect();
    let open = rules::any_open(&edition, &types, now);
    let days_left = types
        .iter()
        .filter(|t| rules::open_for(&edition, t, now))
        .filter_map(|t| rules::deadline(&edition, t))
        .max()
        .map(|d| (d - now).num_days());
    let mut ctx = page.context();
    ctx.insert("edition", &edition);
    ctx.insert("intro_md", cfp.intro(page.locale));
    ctx.insert("types", &lines);
    ctx.insert("tracks", &tracks);
    ctx.insert("open", &open);
    ctx.insert("days_left", &days_left);
    ctx.insert(
        "opens",
        &edition
            .cfp_opens_at
            .filter(|o| *o > now)
            .map(|o| edition.say_day_time(o, page.locale)),
    );
    ctx.insert("mine", &mine);
    page.render("cfp/index.html", &ctx)
}
