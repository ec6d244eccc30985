//! The first page of Organise: where the year stands, and what needs someone.

use actix_web::{web, HttpResponse};

use super::EditionView;
use crate::editions::overview::{Panel, Warning};
use crate::error::AppResult;
use crate::state::AppState;
use crate::web::{Organiser, Page};

pub async fn show(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
) -> AppResult<HttpResponse> {
    let (sources, edition, locale) = (state.panels.clone(), access.edition.clone(), page.locale);
    let panels: Vec<Panel> = state
        .db(move |c| {
            let mut panels = Vec::new();
            for source in sources.iter() {
                panels.extend(source(c, &edition, locale)?);
            }
            Ok(panels)
        })
        .await?;
    // The warnings once, above the panels, where the eye is.
    let warnings: Vec<&Warning> = panels.iter().flat_map(|p| &p.warnings).collect();
    let mut ctx = page.context();
    ctx.insert("edition", &EditionView::new(&access.edition));
    ctx.insert("panels", &panels);
    ctx.insert("warnings", &warnings);
    // Once the conference is over, next year is the work.
    ctx.insert("past", &access.edition.is_past(devday_db::now()));
    page.render("editions/dashboard.html", &ctx)
}
