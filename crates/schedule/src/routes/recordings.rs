//! Recording links: the organisers' page (one by one, or a list from the video team,
//! checked first and imported all or nothing) and the public list of an edition's
//! recordings, which the archive keeps.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use devday_shared::vocabulary::ProposalId;
use devday_shared::web::{upload, CsrfForm, Flash, Organiser, Page};
use devday_shared::{AppResult, AppState, FieldErrors};
use serde::{Deserialize, Serialize};

use super::public::{common, current, respond};
use crate::published::{self, Published};
use crate::recordings::{self, ImportRow, Released, RowResult};
use crate::{streams, view};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/{edition}/schedule/recordings", web::get().to(public))
        .route(
            "/{edition}/manage/schedule/recordings",
            web::get().to(organisers),
        )
        // Before `{proposal}`: "import" is a page, not a session.
        .route(
            "/{edition}/manage/schedule/recordings/import",
            web::post().to(import),
        )
        .route(
            "/{edition}/manage/schedule/recordings/import/file",
            web::post().to(import_file),
        )
        .route(
            "/{edition}/manage/schedule/recordings/{proposal}",
            web::post().to(set),
        );
}

/// A released session on the organisers' page, in programme order.
#[derive(Serialize)]
struct Row<'a> {
    #[serde(flatten)]
    item: view::Item<'a>,
    url: &'a str,
    /// The session's own stream, and the room's it replaces (the field's placeholder).
    stream: &'a str,
    room_stream: &'a str,
}

fn rows(p: &Published) -> Vec<Row<'_>> {
    let mut sessions: Vec<_> = p.snapshot.sessions.iter().collect();
    sessions.sort_by_key(|s| (s.starts_at, s.title.as_str()));
    sessions
        .into_iter()
        .map(|s| Row {
            item: view::item(&p.edition, &p.snapshot, s),
            url: p.recordings.get(&s.guid).map_or("", String::as_str),
            stream: p.streams.get(&s.guid).map_or("", String::as_str),
            room_stream: s
                .room_id
                .as_ref()
                .and_then(|r| p.snapshot.rooms.iter().find(|x| x.id == *r))
                .map_or("", |r| r.stream_url.as_str()),
        })
        .collect()
}

fn released(p: &Published) -> Vec<Released> {
    p.snapshot
        .sessions
        .iter()
        .map(|s| Released {
            guid: s.guid.clone(),
            title: s.title.clone(),
        })
        .collect()
}

/// The list's dry run or its refusal as the page shows it.
struct Report<'a> {
    text: &'a str,
    rows: Option<&'a [ImportRow]>,
    errors: FieldErrors,
}

async fn render(
    state: &AppState,
    page: &Page,
    access: &Organiser,
    report: Report<'_>,
) -> AppResult<HttpResponse> {
    let p = published::newest(state, &access.edition.slug).await?;
    let invalid = report
        .rows
        .is_some_and(|rows| rows.is_empty() || rows.iter().any(ImportRow::is_invalid));
    let count = |what: RowResult| {
        let rows = report.rows.unwrap_or_default();
        rows.iter().filter(|r| r.result == what).count()
    };
    let mut ctx = page.context();
    ctx.insert("edition", &access.edition);
    let sessions = p.as_deref().map(rows).unwrap_or_default();
    ctx.insert(
        "recorded",
        &sessions.iter().filter(|r| !r.url.is_empty()).count(),
    );
    ctx.insert("sessions", &sessions);
    ctx.insert("rows", report.text);
    ctx.insert("checked", &report.rows.is_some());
    ctx.insert("report", &report.rows);
    ctx.insert("invalid", &invalid);
    ctx.insert("new", &count(RowResult::New));
    ctx.insert("changed", &count(RowResult::Changed));
    ctx.insert("same", &count(RowResult::Same));
    ctx.insert("errors", &report.errors);
    let status = if invalid || !report.errors.is_empty() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    page.render_status(status, "schedule/manage_recordings.html", &ctx)
}

/// Every released session with its link, and the import.
pub async fn organisers(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
) -> AppResult<HttpResponse> {
    let report = Report {
        text: "",
        rows: None,
        errors: FieldErrors::new(),
    };
    render(&state, &page, &access, report).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ImportForm {
    rows: String,
    /// "check" (the dry run) or "import".
    action: String,
}

/// A list of links: the dry run reports every row, then the import sets them all or none.
pub async fn import(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    CsrfForm(form): CsrfForm<ImportForm>,
) -> AppResult<HttpResponse> {
    let p = current(&state, &access.edition.slug).await?;
    let (eid, sessions, text) = (access.edition.id.clone(), released(&p), form.rows.clone());
    if form.action != "import" {
        let rows = state
            .db(move |c| Ok(recordings::check_import(c, &eid, &sessions, &text)?))
            .await?;
        let report = Report {
            text: &form.rows,
            rows: Some(&rows),
            errors: FieldErrors::new(),
        };
        return render(&state, &page, &access, report).await;
    }
    match state
        .db(move |c| recordings::import(c, &eid, &sessions, &text))
        .await?
    {
        Ok(done) => {
            published::forget(&access.edition.slug);
            Ok(page.done(
                &format!("/{}/manage/schedule/recordings", access.edition.slug),
                Flash::new("recordings-imported")
                    .count("new", done.new)
                    .count("changed", done.changed)
                    .count("same", done.same),
            ))
        }
        Err(rows) => {
            let report = Report {
                text: &form.rows,
                rows: Some(&rows),
                errors: FieldErrors::new(),
            };
            render(&state, &page, &access, report).await
        }
    }
}

/// A CSV file instead of pasted rows: read into the list and checked; the import itself is
/// then the same button as for pasted rows.
pub async fn import_file(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    req: HttpRequest,
    body: actix_multipart::Multipart,
) -> AppResult<HttpResponse> {
    let text = match upload::read_list(&req, body).await? {
        Ok(text) => text,
        Err(errors) => {
            let report = Report {
                text: "",
                rows: None,
                errors,
            };
            return render(&state, &page, &access, report).await;
        }
    };
    let p = current(&state, &access.edition.slug).await?;
    let (eid, sessions, t) = (access.edition.id.clone(), released(&p), text.clone());
    let rows = state
        .db(move |c| Ok(recordings::check_import(c, &eid, &sessions, &t)?))
        .await?;
    let report = Report {
        text: &text,
        rows: Some(&rows),
        errors: FieldErrors::new(),
    };
    render(&state, &page, &access, report).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RecordingForm {
    url: String,
    stream: String,
}

/// One session's links (recording, own stream), each set or (empty) removed.
pub async fn set(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<RecordingForm>,
) -> AppResult<HttpResponse> {
    let proposal = ProposalId::from(path.into_inner().1);
    let eid = access.edition.id.clone();
    let removed = form.url.trim().is_empty() && form.stream.trim().is_empty();
    state
        .db(move |c| {
            // Both or neither: a wrong stream address leaves the recording as it was.
            devday_db::write_transaction(c, |c| {
                recordings::set(c, &eid, &proposal, &form.url)?;
                streams::set(c, &eid, &proposal, &form.stream)
            })
        })
        .await?;
    published::forget(&access.edition.slug);
    Ok(page.done(
        &format!("/{}/manage/schedule/recordings", access.edition.slug),
        Flash::new(if removed {
            "flash-recording-removed"
        } else {
            "flash-recording-saved"
        }),
    ))
}

/// A recorded session on the public list.
#[derive(Serialize)]
struct Recorded<'a> {
    #[serde(flatten)]
    item: view::Item<'a>,
    url: &'a str,
    speakers: String,
}

/// The edition's recordings by day, in programme order; sessions whose speakers did not
/// want a recording are counted, not listed.
pub async fn public(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> AppResult<HttpResponse> {
    let p = current(&state, &slug).await?;
    respond(
        &req,
        &state,
        &p,
        "recordings",
        "schedule/public_recordings.html",
        |p, ctx| {
            common(p, ctx);
            let mut days: Vec<(String, Vec<Recorded>)> = Vec::new();
            for row in rows(p).into_iter().filter(|r| !r.url.is_empty()) {
                let recorded = Recorded {
                    speakers: row
                        .item
                        .session
                        .speakers
                        .iter()
                        .map(|s| s.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                    url: row.url,
                    item: row.item,
                };
                match days.last_mut() {
                    Some((day, list)) if *day == recorded.item.day => list.push(recorded),
                    _ => days.push((recorded.item.day.clone(), vec![recorded])),
                }
            }
            ctx.insert("recorded", &days.iter().map(|d| d.1.len()).sum::<usize>());
            ctx.insert("days", &days);
            ctx.insert("sessions", &p.snapshot.sessions.len());
            ctx.insert(
                "not_recorded",
                &p.snapshot
                    .sessions
                    .iter()
                    .filter(|s| s.do_not_record)
                    .count(),
            );
            Ok(())
        },
    )
    .await
}
