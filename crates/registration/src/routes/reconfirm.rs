//! The reconfirmation round: the organisers plan it (when to ask, remind and close, and
//! whether unanswered seats go to the waiting list) and watch it; attendees answer behind
//! the link in their mail.

use std::future::Future;
use std::pin::Pin;

use actix_web::http::StatusCode;
use actix_web::{dev::Payload, web, FromRequest, HttpRequest, HttpResponse};
use chrono::{Days, NaiveDateTime, NaiveTime};
use devday_shared::editions::form::local_to_utc;
use devday_shared::editions::Edition;
use devday_shared::web::{gate, CsrfForm, Flash, NoFields, Organiser, Page, Query};
use devday_shared::{crypto, AppError, AppResult, AppState, FieldErrors};
use serde::{Deserialize, Serialize};

use crate::model::RegistrationId;
use crate::reconfirm::{self, Reply, RoundForm};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/register/reconfirm/{registration}/{key}")
            .route(web::get().to(question))
            .route(web::post().to(reply)),
    )
    .service(
        web::resource("/{edition}/manage/registration/reconfirm")
            .route(web::get().to(show))
            .route(web::post().to(save)),
    )
    .route(
        "/{edition}/manage/registration/reconfirm/drop",
        web::post().to(drop_round),
    );
}

/// The link's registration id and signature, checked (a signature, no database) before
/// any body is read.
pub struct Signed {
    id: RegistrationId,
    key: String,
}

impl FromRequest for Signed {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let checking = gate::checking(req);
        let info = req.match_info();
        let id = info.get("registration").map(str::to_owned);
        let key = info.get("key").map(str::to_owned);
        let state = req.app_data::<web::Data<AppState>>().cloned();
        Box::pin(async move {
            let _checking = checking;
            let (Some(id), Some(key), Some(state)) = (id, key, state) else {
                return Err(AppError::LinkInvalid);
            };
            let id = RegistrationId::from(id);
            if !crypto::verify(&state.secret, &format!("reconfirm:{id}"), &key) {
                return Err(AppError::LinkInvalid);
            }
            Ok(Signed { id, key })
        })
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Chosen {
    /// The answer the mailed link named: that button is the first.
    answer: String,
}

async fn question(
    state: web::Data<AppState>,
    page: Page,
    signed: Signed,
    chosen: Query<Chosen>,
) -> AppResult<HttpResponse> {
    let secret = state.secret.clone();
    let (id, key) = (signed.id.clone(), signed.key.clone());
    let asked = state
        .db(move |c| reconfirm::by_link(c, &secret, &id, &key))
        .await?;
    let mut ctx = page.context();
    ctx.insert("edition", &asked.edition);
    ctx.insert("name", &asked.registration.name);
    ctx.insert("answer", &asked.answer);
    ctx.insert("state", &asked.registration.state);
    ctx.insert(
        "deadline",
        &asked
            .edition
            .say_day_time(asked.round.deadline, page.locale),
    );
    ctx.insert("release_unanswered", &asked.round.release_unanswered);
    ctx.insert("closed", &asked.round.closed_at.is_some());
    ctx.insert("chosen", &chosen.answer);
    ctx.insert(
        "action",
        &format!("/register/reconfirm/{}/{}", signed.id, signed.key),
    );
    page.render("registration/reconfirm.html", &ctx)
}

#[derive(Debug, Deserialize)]
struct ReplyForm {
    answer: Reply,
}

async fn reply(
    state: web::Data<AppState>,
    page: Page,
    signed: Signed,
    form: CsrfForm<ReplyForm>,
) -> AppResult<HttpResponse> {
    let (mailer, secret) = (state.mailer.clone(), state.secret.clone());
    let (id, key, reply) = (signed.id.clone(), signed.key.clone(), form.0.answer);
    let answer = state
        .db(move |c| reconfirm::answer(c, &mailer, &secret, &id, &key, reply))
        .await?;
    let said = match answer {
        reconfirm::Answer::Coming => "reconfirm-said-coming",
        _ => "reconfirm-said-freed",
    };
    Ok(page.done(
        &format!("/register/reconfirm/{}/{}", signed.id, signed.key),
        Flash::new(said),
    ))
}

/// A suggestion for a first round: ask ten days before, remind five days before, close
/// at the end of the fourth day before, at the venue's clock.
fn suggested(edition: &Edition) -> RoundForm {
    let before = |days: u64, time: (u32, u32)| -> String {
        let day = edition.starts_on.checked_sub_days(Days::new(days));
        let time = NaiveTime::from_hms_opt(time.0, time.1, 0).unwrap_or_default();
        day.map(|d| {
            NaiveDateTime::new(d, time)
                .format("%Y-%m-%dT%H:%M")
                .to_string()
        })
        .unwrap_or_default()
    };
    RoundForm {
        asks_at: before(10, (10, 0)),
        reminds_at: before(6, (10, 0)),
        deadline: before(4, (23, 59)),
        release_unanswered: true,
    }
}

#[derive(Serialize)]
struct Figures {
    #[serde(flatten)]
    tally: reconfirm::Tally,
    /// Would be asked now (before the round asks) or joined since (after).
    to_ask: usize,
}

async fn render(
    state: &AppState,
    page: &Page,
    access: &Organiser,
    form: Option<RoundForm>,
    errors: FieldErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let edition = access.edition.clone();
    let (round, figures, door_release) = state
        .db(move |c| {
            let round = reconfirm::round(c, &edition.id)?;
            let figures = Figures {
                tally: reconfirm::tally(c, &edition.id)?,
                to_ask: reconfirm::to_ask(c, &edition)?,
            };
            let door_release = crate::settings::get(c, &edition.id)?.door_release_at;
            Ok((round, figures, door_release))
        })
        .await?;
    let edition = &access.edition;
    let form = form.unwrap_or_else(|| match &round {
        Some(round) => RoundForm::of(round, edition),
        None => suggested(edition),
    });
    let say = |t: Option<NaiveDateTime>| t.map(|t| edition.say_day_time(t, page.locale));
    let mut ctx = page.context();
    // Before the round asks: the mail as people will read it, from the form's deadline.
    if round.as_ref().is_none_or(|r| r.asked_at.is_none()) {
        if let Some(deadline) = local_to_utc(edition, &form.deadline) {
            let sample = reconfirm::sample(
                &state.mailer,
                edition,
                deadline,
                form.release_unanswered,
                page.locale,
            )?;
            ctx.insert("sample", &sample);
        }
    }
    ctx.insert("edition", edition);
    ctx.insert("form", &form);
    ctx.insert("errors", &errors);
    ctx.insert("figures", &figures);
    ctx.insert(
        "door_release_local",
        &door_release
            .map(|t| edition.local(t).format("%Y-%m-%dT%H:%M").to_string())
            .unwrap_or_default(),
    );
    ctx.insert("stage", &round.as_ref().map(reconfirm::Round::stage));
    if let Some(round) = &round {
        ctx.insert("round", round);
        ctx.insert("asks_said", &say(Some(round.asks_at)));
        ctx.insert("reminds_said", &say(round.reminds_at));
        ctx.insert("deadline_said", &say(Some(round.deadline)));
        ctx.insert("asked_said", &say(round.asked_at));
        ctx.insert("reminded_said", &say(round.reminded_at));
        ctx.insert("closed_said", &say(round.closed_at));
    }
    page.render_status(status, "registration/manage_reconfirm.html", &ctx)
}

async fn show(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
) -> AppResult<HttpResponse> {
    render(
        &state,
        &page,
        &access,
        None,
        FieldErrors::new(),
        StatusCode::OK,
    )
    .await
}

async fn save(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    form: CsrfForm<RoundForm>,
) -> AppResult<HttpResponse> {
    let form = form.0;
    let (edition, sent) = (access.edition.clone(), form.clone());
    let result = state.db(move |c| reconfirm::save(c, &edition, &sent)).await;
    page.done_or_again(
        result,
        |round| {
            let said = Flash::new("reconfirm-saved")
                .text(
                    "asks",
                    &access.edition.say_day_time(round.asks_at, page.locale),
                )
                .text(
                    "deadline",
                    &access.edition.say_day_time(round.deadline, page.locale),
                );
            (
                format!("/{}/manage/registration/reconfirm", access.edition.slug),
                said,
            )
        },
        |errors, status| render(&state, &page, &access, Some(form), errors, status),
    )
    .await
}

async fn drop_round(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    let eid = access.edition.id.clone();
    let dropped = state
        .db(move |c| Ok(reconfirm::drop_planned(c, &eid)?))
        .await?;
    let said = if dropped {
        "reconfirm-dropped"
    } else {
        "reconfirm-not-dropped"
    };
    Ok(page.done(
        &format!("/{}/manage/registration/reconfirm", access.edition.slug),
        Flash::new(said),
    ))
}
