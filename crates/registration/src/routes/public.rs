use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use devday_shared::editions::{Edition, EditionFormat};
use devday_shared::web::{see_other, ClientIp, CsrfForm, Page, PublicEdition};
use devday_shared::{AppError, AppResult, AppState, FieldErrors};

use crate::register::{self, Outcome, RegistrationForm, TSHIRTS};
use crate::{interests, settings};

async fn render(
    state: &AppState,
    page: &Page,
    edition: Edition,
    form: &RegistrationForm,
    errors: &FieldErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let (eid, e, slot_of) = (edition.id.clone(), edition.clone(), state.slot_of);
    let (types, config, offered) = state
        .db(move |c| {
            // Each session with its slot once the programme is out (the timetable answers).
            let mut offered = Vec::new();
            for session in interests::offered(c, &eid)? {
                let slot = slot_of(c, &e, &session.id)?;
                offered.push((session, slot));
            }
            Ok((
                settings::ticket_types(c, &eid)?,
                settings::get(c, &eid)?,
                offered,
            ))
        })
        .await?;
    let mut offered = offered;
    // In programme order once placed (unplaced ones after, by title).
    offered.sort_by_key(|(_, slot)| {
        slot.as_ref()
            .map_or(chrono::NaiveDateTime::MAX, |s| s.starts_at)
    });
    // Grouped by day in the page: the day once, then each session's time.
    let sessions: Vec<serde_json::Value> = offered
        .iter()
        .map(|(s, slot)| {
            let local = slot.as_ref().map(|slot| {
                (edition.local(slot.starts_at), edition.local(slot.ends_at))
            });
            serde_json::json!({
                "id": s.id, "title": s.title, "speakers": s.speakers,
                "day": local.map(|(from, _)| devday_shared::dates::day(from.date_naive(), page.locale)),
                "time": local.map(|(from, to)| format!("{}–{}", from.format("%H:%M"), to.format("%H:%M"))),
            })
        })
        .collect();
    let local = |t: Option<chrono::NaiveDateTime>| {
        t.map(|t| edition.local(t).format("%Y-%m-%d %H:%M").to_string())
    };
    let workshops: Vec<serde_json::Value> = types
        .iter()
        .filter(|t| t.is_workshop())
        .map(|t| serde_json::json!({
            "id": t.id, "name": t.name, "name_de": t.name_de, "free": t.free(),
            "starts": local(t.starts_at), "ends": t.ends_at.map(|e| edition.local(e).format("%H:%M").to_string()),
            "checked": form.workshops.contains(&t.id) || form.workshop_waitlist.contains(&t.id),
        }))
        .collect();
    // The places people take part with (online for a remote edition), and for a hybrid
    // edition with online tickets, the choice between the room and the stream.
    let conference_free = register::main_ticket(&types, edition.format, false)
        .map(|t| t.free())
        .unwrap_or(0);
    let online = types.iter().find(|t| t.is_online());
    let choose_online = online.is_some() && edition.format == EditionFormat::Hybrid;
    let online_only = online.is_some() && edition.format == EditionFormat::Remote;
    let mut ctx = page.context();
    ctx.insert("state", &edition.registration_state(devday_db::now()));
    let say = |t: Option<chrono::NaiveDateTime>| t.map(|t| edition.say_day_time(t, page.locale));
    ctx.insert("opens", &say(edition.registration_opens_at));
    ctx.insert("closes", &say(edition.registration_closes_at));
    ctx.insert("edition", &edition);
    ctx.insert("form", form);
    ctx.insert("errors", errors);
    ctx.insert("workshops", &workshops);
    ctx.insert("conference_free", &conference_free);
    ctx.insert("online_free", &online.map(|t| t.free()));
    ctx.insert("choose_online", &choose_online);
    ctx.insert("online_only", &online_only);
    ctx.insert("tshirts", &TSHIRTS);
    ctx.insert("ready", &config.texts_ready());
    ctx.insert("privacy_md", config.privacy(page.locale));
    ctx.insert("conduct_md", config.conduct(page.locale));
    ctx.insert("settings", &config);
    ctx.insert("sessions", &sessions);
    page.render_status(status, "registration/form.html", &ctx)
}

pub async fn form(
    state: web::Data<AppState>,
    page: Page,
    PublicEdition(edition): PublicEdition,
) -> AppResult<HttpResponse> {
    render(
        &state,
        &page,
        edition,
        &RegistrationForm::default(),
        &FieldErrors::new(),
        StatusCode::OK,
    )
    .await
}

pub async fn submit(
    state: web::Data<AppState>,
    page: Page,
    ip: ClientIp,
    PublicEdition(edition): PublicEdition,
    CsrfForm(form): CsrfForm<RegistrationForm>,
) -> AppResult<HttpResponse> {
    if !form.website.is_empty() {
        return Ok(see_other(&format!("/{}/register/", edition.slug)));
    }
    state.limits.registration(&ip.0).await?;
    let (mailer, e, f, locale) = (
        state.mailer.clone(),
        edition.clone(),
        form.clone(),
        page.locale,
    );
    match state
        .db(move |c| register::register(c, &mailer, &e, &f, locale))
        .await
    {
        Ok(outcome) => {
            // What happens next, for this person at this event, and where the mail went.
            let mut ctx = page.context();
            let (title, text, position) = match outcome {
                Outcome::Held { .. } | Outcome::Confirmed { .. } => {
                    ("registration-held-title", "registration-held-text", 0)
                }
                Outcome::AlreadyRegistered => {
                    ("registration-held-title", "registration-again-text", 0)
                }
                Outcome::Waitlisted { position } => (
                    "registration-waitlisted-title",
                    "registration-waitlisted-text",
                    position,
                ),
            };
            ctx.insert("title_key", title);
            ctx.insert("message_key", text);
            ctx.insert("name", form.name.trim());
            ctx.insert("email", form.email.trim());
            ctx.insert("position", &position);
            ctx.insert("edition", &edition);
            page.render("registration/sent.html", &ctx)
        }
        Err(AppError::Invalid(errors)) => {
            render(
                &state,
                &page,
                edition,
                &form,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(AppError::Refused(refusal)) => {
            let mut errors = FieldErrors::new();
            let text = register::form_message(&refusal)
                .map_or_else(|| page.refusal(&refusal), |key| page.tr(key));
            errors.add("form", text);
            render(&state, &page, edition, &form, &errors, StatusCode::CONFLICT).await
        }
        Err(e) => Err(e),
    }
}
