//! A speaker's own proposal: its page, withdrawal, and co-speaker invitations.

use crate::model::CoSpeakerInvitationId;
use crate::model::ProposalId;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use devday_shared::accounts::EmailAddress;
use devday_shared::bilingual::pick;
use devday_shared::vocabulary::UserId;
use devday_shared::web::{see_other, Confirmation, CsrfForm, CurrentUser, Flash, NoFields, Page};
use devday_shared::{AppError, AppResult, AppState, FieldErrors};
use serde::Deserialize;

use super::own_proposal;
use super::respond::AnswerForm;
use crate::catalogue::Loaded;
use crate::confirming::{self, ConfirmForm};
use crate::invitations::{self, Invite, Kind};
use crate::model::{HistoryEvent, ProposalState, SpeakerSummary};
use crate::proposals::{self, service, HistoryView};
use crate::review::decide;
use crate::{profiles, rules};

/// History entries speakers see: their own doing; the organisers' deliberations stay
/// with the organisers.
const SPEAKER_EVENTS: [HistoryEvent; 6] = [
    HistoryEvent::Created,
    HistoryEvent::Submitted,
    HistoryEvent::Edited,
    HistoryEvent::SpeakerJoined,
    HistoryEvent::WithdrawnBySpeaker,
    HistoryEvent::AnsweredBySpeaker,
];

async fn render(
    state: &AppState,
    page: &Page,
    user_id: UserId,
    slug: String,
    id: ProposalId,
    errors: FieldErrors,
    sent: Option<ConfirmForm>,
) -> AppResult<HttpResponse> {
    // A page shown again with errors says so in its status.
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let (edition, mut proposal) = own_proposal(state, slug, id, user_id.clone()).await?;
    let speaker = user_id.clone();
    let viewer_id = user_id.clone();
    let (eid, pid, viewer) = (edition.id.clone(), proposal.id.clone(), user_id);
    let p2 = proposal.clone();
    type Details = (
        Loaded,
        Vec<SpeakerSummary>,
        Vec<crate::model::CoSpeakerInvitation>,
        Vec<HistoryView>,
        Vec<proposals::Answer>,
        ProposalState,
        bool,
    );
    let (loaded, speakers, invites, history, answers, told, awaits_answer): Details = state
        .db(move |c| {
            let speakers = proposals::speakers(c, &pid)?;
            // Each speaker sees their own answers to speaker questions, not the others'.
            let ids: Vec<UserId> = vec![viewer.clone()];
            Ok((
                Loaded::load(c, &eid)?,
                speakers,
                invitations::of_proposal(c, &pid)?,
                proposals::history(c, &pid)?
                    .into_iter()
                    .filter(|h| h.event.is_some_and(|e| SPEAKER_EVENTS.contains(&e)))
                    .collect(),
                proposals::answers(c, &p2, &ids)?,
                crate::review::decide::state_for_speakers(c, &p2)?,
                crate::review::decide::awaits_answer(c, &p2)?,
            ))
        })
        .await?;
    // Decisions count for speakers once they have been mailed.
    proposal.state = told;
    // Confirming asks for what the programme needs: the answers so far, or those just sent.
    let needs = if awaits_answer {
        let (e, p) = (edition.clone(), proposal.clone());
        let mut needs = state
            .db(move |c| Ok(confirming::needs(c, &e, &p, &speaker)?))
            .await?;
        if let Some(sent) = sent {
            needs.biography_md = sent.biography_md;
            for day in &mut needs.days {
                day.available = sent.days.contains(&day.date.to_string());
            }
            needs.may_stream = Some(sent.may_stream);
            needs.may_record = Some(sent.may_record);
        }
        Some(needs)
    } else {
        None
    };
    // Just sent, without a photo: ask for one where the eye is.
    let ask_photo = proposal.state.editable_by_speaker() && {
        let uid = viewer_id.clone();
        !state
            .db(move |c| Ok(profiles::get(c, &uid)?))
            .await?
            .has_photo
    };
    // A confirmed session's place in the released programme (the timetable answers).
    let slot = if proposal.state == ProposalState::Confirmed {
        let (slot_of, e, pid) = (state.slot_of, edition.clone(), proposal.id.clone());
        state.db(move |c| slot_of(c, &e, &pid)).await?
    } else {
        None
    };
    let now = devday_db::now();
    let session_type = loaded.session_type(&proposal.session_type_id);
    let deadline = session_type.and_then(|t| rules::deadline(&edition, t));
    let editable = proposal.state.editable_by_speaker()
        && deadline.is_none_or(|d| now < d)
        && edition.cfp_opens_at.is_some_and(|o| now >= o);
    let invites: Vec<_> = invites.iter().map(|i| i.view(now)).collect();
    let mut ctx = page.context();
    ctx.insert("edition", &edition);
    ctx.insert("proposal", &proposal);
    ctx.insert(
        "session_type",
        &session_type.map(|t| pick(page.locale, &t.name, &t.name_de)),
    );
    ctx.insert(
        "track",
        &proposal
            .track_id
            .as_ref()
            .and_then(|id| loaded.tracks.iter().find(|t| t.id == id))
            .map(|t| pick(page.locale, &t.name, &t.name_de)),
    );
    ctx.insert(
        "deadline",
        &deadline.map(|d| edition.say_day_time(d, page.locale)),
    );
    ctx.insert(
        "slot",
        &slot.map(|s| {
            serde_json::json!({"when": s.when(&edition, page.locale), "room": s.room, "url": s.url})
        }),
    );
    ctx.insert("editable", &editable);
    ctx.insert("awaits_answer", &awaits_answer);
    ctx.insert("needs", &needs);
    ctx.insert("ask_photo", &ask_photo);
    ctx.insert("speaker_id", &viewer_id);
    ctx.insert("speakers", &speakers);
    ctx.insert("invitations", &invites);
    ctx.insert("history", &history);
    ctx.insert("answers", &proposals::shown(&answers, page.locale));
    ctx.insert("errors", &errors);
    page.render_status(status, "cfp/proposal.html", &ctx)
}

pub async fn show(
    state: web::Data<AppState>,
    page: Page,
    user: CurrentUser,
    path: web::Path<(String, ProposalId)>,
) -> AppResult<HttpResponse> {
    let (slug, id) = path.into_inner();
    render(&state, &page, user.0.id, slug, id, FieldErrors::new(), None).await
}

/// Confirms (with the biography, days and consent the programme needs) or declines an
/// accepted proposal from its page, as the mailed link does.
pub async fn respond(
    state: web::Data<AppState>,
    page: Page,
    user: CurrentUser,
    path: web::Path<(String, ProposalId)>,
    CsrfForm(form): CsrfForm<ConfirmForm>,
) -> AppResult<HttpResponse> {
    let (slug, id) = path.into_inner();
    // Whose proposal it is comes first: others learn nothing, not even about the form.
    let (edition, proposal) = own_proposal(&state, slug, id, user.0.id.clone()).await?;
    let confirm = AnswerForm::of(&form.answer).confirms()?;
    let back = format!("/{}/cfp/proposals/{}", edition.slug, proposal.id);
    let uid = user.0.id;
    let checked = if confirm && form.asked {
        match form.check(&edition) {
            Ok(checked) => Some(checked),
            Err(AppError::Invalid(errors)) => {
                let (slug, id) = (edition.slug, proposal.id);
                return render(&state, &page, uid, slug, id, errors, Some(form)).await;
            }
            Err(e) => return Err(e),
        }
    } else {
        None
    };
    match state
        .db(move |c| match checked {
            Some(checked) => decide::confirm_with(c, &edition, &proposal, &uid, &checked),
            None => decide::respond_as_speaker(c, &proposal, &uid, confirm),
        })
        .await
    {
        Ok(_) => Ok(page.done(
            &back,
            Flash::new(if confirm {
                "flash-confirmed"
            } else {
                "flash-declined"
            }),
        )),
        Err(AppError::NotFound) => Err(AppError::Refused(devday_shared::Refusal::NoAnswerAwaited)),
        Err(e) => Err(e),
    }
}

/// The speaker's photo, given while confirming: kept on their profile, back to the page.
pub async fn upload_photo(
    state: web::Data<AppState>,
    page: Page,
    req: actix_web::HttpRequest,
    user: CurrentUser,
    path: web::Path<(String, ProposalId)>,
    body: actix_multipart::Multipart,
) -> AppResult<HttpResponse> {
    let (slug, id) = path.into_inner();
    let (edition, proposal) = own_proposal(&state, slug, id, user.0.id.clone()).await?;
    match super::profile::save_photo(&state, &req, body, &user.0.id).await? {
        Ok(()) => Ok(page.done(
            &format!("/{}/cfp/proposals/{}#photo", edition.slug, proposal.id),
            Flash::new("flash-photo-saved"),
        )),
        Err(message) => {
            let mut errors = FieldErrors::new();
            errors.add("photo", message);
            let (slug, id) = (edition.slug, proposal.id);
            render(&state, &page, user.0.id, slug, id, errors, None).await
        }
    }
}

/// Asks before declining an accepted proposal: the place goes to someone else.
pub async fn decline_form(
    state: web::Data<AppState>,
    page: Page,
    user: CurrentUser,
    path: web::Path<(String, ProposalId)>,
) -> AppResult<HttpResponse> {
    let (slug, id) = path.into_inner();
    let (edition, proposal) = own_proposal(&state, slug, id, user.0.id).await?;
    let back = format!("/{}/cfp/proposals/{}", edition.slug, proposal.id);
    let p = proposal.clone();
    if !state
        .db(move |c| Ok(crate::review::decide::awaits_answer(c, &p)?))
        .await?
    {
        return Ok(see_other(&back));
    }
    page.confirm(Confirmation {
        question: "confirm-decline",
        subject: &proposal.title,
        consequence: "confirm-decline-text",
        yes: "respond-decline",
        action: &format!("{back}/respond"),
        back: &back,
        fields: &[("answer", "decline")],
    })
}

/// Asks before withdrawing: a withdrawn proposal cannot come back.
pub async fn withdraw_form(
    state: web::Data<AppState>,
    page: Page,
    user: CurrentUser,
    path: web::Path<(String, ProposalId)>,
) -> AppResult<HttpResponse> {
    let (slug, id) = path.into_inner();
    let (edition, proposal) = own_proposal(&state, slug, id, user.0.id).await?;
    let back = format!("/{}/cfp/proposals/{}", edition.slug, proposal.id);
    if !proposal.state.editable_by_speaker() {
        return Ok(see_other(&back));
    }
    page.confirm(Confirmation {
        question: "confirm-withdraw",
        subject: &proposal.title,
        consequence: "confirm-withdraw-text",
        yes: "proposal-withdraw",
        action: &format!("{back}/withdraw"),
        back: &back,
        fields: &[],
    })
}

/// Withdraws a draft or submitted proposal (the speakers' own decision; it stays visible
/// to them, marked withdrawn).
pub async fn withdraw(
    state: web::Data<AppState>,
    page: Page,
    user: CurrentUser,
    path: web::Path<(String, ProposalId)>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    let (slug, id) = path.into_inner();
    let (edition, proposal) = own_proposal(&state, slug, id, user.0.id.clone()).await?;
    if !proposal.state.editable_by_speaker() {
        return Err(AppError::Refused(devday_shared::Refusal::WithdrawOpenOnly));
    }
    let uid = user.0.id;
    let p = proposal.clone();
    state
        .db(move |c| {
            service::transition(
                c,
                &p,
                ProposalState::Withdrawn,
                &uid,
                HistoryEvent::WithdrawnBySpeaker.into(),
            )
        })
        .await?;
    Ok(page.done(
        &format!("/{}/cfp/proposals/{}", edition.slug, proposal.id),
        Flash::new("flash-withdrawn"),
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct InviteForm {
    email: String,
}

pub async fn invite(
    state: web::Data<AppState>,
    page: Page,
    user: CurrentUser,
    path: web::Path<(String, ProposalId)>,
    CsrfForm(form): CsrfForm<InviteForm>,
) -> AppResult<HttpResponse> {
    let (slug, id) = path.into_inner();
    let (edition, proposal) =
        own_proposal(&state, slug.clone(), id.clone(), user.0.id.clone()).await?;
    if !proposal.state.editable_by_speaker() {
        return Err(AppError::Refused(
            devday_shared::Refusal::CoSpeakersDraftsOnly,
        ));
    }
    let email = match EmailAddress::parse(&form.email) {
        Ok(email) if email.as_str() != user.0.email => email,
        Ok(_) => {
            let mut errors = FieldErrors::new();
            errors.add("email", "cospeaker-self");
            return render(&state, &page, user.0.id, slug, id, errors, None).await;
        }
        Err(e) => {
            let mut errors = FieldErrors::new();
            errors.add("email", e.message_key());
            return render(&state, &page, user.0.id, slug, id, errors, None).await;
        }
    };
    state.limits.signup(&user.0.id).await?;
    let mailer = state.mailer.clone();
    let (e, p, u) = (edition.clone(), proposal.clone(), user.0.clone());
    state
        .db(move |c| {
            invitations::invite(
                c,
                &mailer,
                Invite {
                    edition: &e,
                    proposal: &p,
                    email: &email,
                    inviter_id: &u.id,
                    inviter_name: &u.display_name,
                    locale: u.locale,
                    kind: Kind::CoSpeaker,
                },
            )
        })
        .await?;
    Ok(page.done(
        &format!("/{}/cfp/proposals/{}", edition.slug, proposal.id),
        Flash::new("flash-co-speaker-invited"),
    ))
}

pub async fn resend(
    state: web::Data<AppState>,
    page: Page,
    user: CurrentUser,
    path: web::Path<(String, ProposalId, CoSpeakerInvitationId)>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    let (slug, id, invitation) = path.into_inner();
    let (edition, proposal) = own_proposal(&state, slug, id, user.0.id.clone()).await?;
    state.limits.signup(&user.0.id).await?;
    let mailer = state.mailer.clone();
    let (e, p, u) = (edition.clone(), proposal.clone(), user.0);
    state
        .db(move |c| {
            invitations::resend(
                c,
                &mailer,
                &e,
                &p,
                &invitation,
                (&u.id, &u.display_name),
                u.locale,
            )
        })
        .await?;
    Ok(page.done(
        &format!("/{}/cfp/proposals/{}", edition.slug, proposal.id),
        Flash::new("flash-invitation-resent"),
    ))
}

pub async fn revoke(
    state: web::Data<AppState>,
    page: Page,
    user: CurrentUser,
    path: web::Path<(String, ProposalId, CoSpeakerInvitationId)>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    let (slug, id, invitation) = path.into_inner();
    let (edition, proposal) = own_proposal(&state, slug, id, user.0.id.clone()).await?;
    let pid = proposal.id.clone();
    state
        .db(move |c| invitations::revoke(c, &pid, &invitation))
        .await?;
    Ok(page.done(
        &format!("/{}/cfp/proposals/{}", edition.slug, proposal.id),
        Flash::new("flash-invitation-revoked"),
    ))
}
