//! The edition report (`/{edition}/manage/report`), the numbers behind it as CSV, and every
//! edition of the install side by side (`…/report/compare`).

use std::sync::Arc;

use actix_web::{web, HttpResponse};
use serde::Serialize;

use super::EditionView;
use crate::editions::overview::Label;
use crate::editions::report::{self, ChartView, ReportSource, Section};
use crate::editions::{queries, roles, Edition};
use crate::error::AppResult;
use crate::i18n::{I18n, Locale};
use crate::spreadsheet::Table;
use crate::state::AppState;
use crate::vocabulary::EditionId;
use crate::web::{Organiser, Page};

/// A section as the page draws it: its charts as SVG coordinates.
#[derive(Serialize)]
struct SectionView {
    #[serde(flatten)]
    section: Section,
    charts: Vec<ChartView>,
}

async fn load(state: &AppState, edition: &Edition, locale: Locale) -> AppResult<Vec<Section>> {
    let (edition, sources) = (edition.clone(), state.reports.clone());
    state
        .db(move |c| {
            let all = queries::all(c)?;
            report::sections(c, &edition, &all, &sources, locale)
        })
        .await
}

pub async fn show(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
) -> AppResult<HttpResponse> {
    let sections = load(&state, &access.edition, page.locale).await?;
    let views: Vec<SectionView> = sections
        .into_iter()
        .map(|section| SectionView {
            charts: section.charts.iter().map(ChartView::new).collect(),
            section,
        })
        .collect();
    let mut ctx = page.context();
    ctx.insert("edition", &EditionView::new(&access.edition));
    ctx.insert("sections", &views);
    page.render("editions/report.html", &ctx)
}

/// A label in the reader's words.
fn say(i18n: &I18n, locale: Locale, label: &Label) -> String {
    match label {
        Label::Key(key) => i18n.tr(locale, key, &[]),
        Label::Name(name) => name.clone(),
    }
}

/// Every number, bar and curve point of the report, one per row.
pub async fn csv(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
) -> AppResult<HttpResponse> {
    let locale = page.locale;
    let sections = load(&state, &access.edition, locale).await?;
    let i18n = &state.i18n;
    let tr = |key: &str| i18n.tr(locale, key, &[]);
    let mut table = Table::new(
        [
            "csv-section",
            "csv-item",
            "csv-edition",
            "csv-day",
            "csv-value",
            "csv-of",
        ]
        .map(tr)
        .to_vec(),
    );
    for s in &sections {
        let section = tr(s.title);
        for n in &s.numbers {
            let of = n.of.map(|o| o.to_string()).unwrap_or_default();
            let name = access.edition.name.clone();
            table.row(vec![
                section.clone(),
                tr(n.key),
                name,
                String::new(),
                n.value.to_string(),
                of,
            ]);
        }
        for group in &s.bars {
            for bar in &group.bars {
                let item = format!("{}: {}", tr(group.title), say(i18n, locale, &bar.label));
                let of = bar.of.map(|o| o.to_string()).unwrap_or_default();
                let name = access.edition.name.clone();
                table.row(vec![
                    section.clone(),
                    item,
                    name,
                    String::new(),
                    bar.value.to_string(),
                    of,
                ]);
            }
        }
        for chart in &s.charts {
            for curve in &chart.curves {
                for (day, total) in &curve.points {
                    table.row(vec![
                        section.clone(),
                        tr(chart.title),
                        curve.edition.clone(),
                        day.to_string(),
                        total.to_string(),
                        String::new(),
                    ]);
                }
            }
        }
    }
    Ok(table.download(&format!("{}-report.csv", access.edition.slug)))
}

/// One edition's key numbers in the comparison.
#[derive(Serialize)]
struct Row {
    edition: Edition,
    current: bool,
    /// Whether the reader may open this edition's report (they organise it).
    organised: bool,
    /// By the columns' keys; `None` where a source said nothing of it.
    cells: Vec<Option<report::Number>>,
}

/// Every edition, newest first, against the key numbers every report has.
pub async fn compare(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
) -> AppResult<HttpResponse> {
    let (sources, locale): (Arc<[ReportSource]>, Locale) = (state.reports.clone(), page.locale);
    let (current, user) = (access.edition.id.clone(), access.user.clone());
    let (columns, rows) = state
        .db(move |c| {
            let all = queries::all(c)?;
            let organised: Vec<EditionId> = roles::editions_of_user(c, &user.id)?
                .into_iter()
                .filter(|(_, role)| *role == roles::Role::Organiser)
                .map(|(edition, _)| edition.id)
                .collect();
            let mut columns: Vec<&'static str> = Vec::new();
            let mut numbers = Vec::new();
            for edition in &all {
                let sections = report::sections(c, edition, &all, &sources, locale)?;
                let found: Vec<report::Number> =
                    sections.into_iter().flat_map(|s| s.numbers).collect();
                for n in &found {
                    if !columns.contains(&n.key) {
                        columns.push(n.key);
                    }
                }
                numbers.push((edition.clone(), found));
            }
            let rows: Vec<Row> = numbers
                .into_iter()
                .map(|(edition, found)| Row {
                    current: edition.id == current,
                    organised: user.is_admin || organised.contains(&edition.id),
                    cells: columns
                        .iter()
                        .map(|key| found.iter().find(|n| n.key == *key).cloned())
                        .collect(),
                    edition,
                })
                .collect();
            Ok((columns, rows))
        })
        .await?;
    let mut ctx = page.context();
    ctx.insert("edition", &EditionView::new(&access.edition));
    ctx.insert("columns", &columns);
    ctx.insert("rows", &rows);
    page.render("editions/compare.html", &ctx)
}
