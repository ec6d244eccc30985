//! Organisers mail the attendees (all confirmed, unconfirmed, or one ticket's holders):
//! compose, preview, send.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use devday_shared::mail::mailing::{Compose, Letter};
use devday_shared::web::{CsrfForm, Organiser, Page};
use devday_shared::{AppResult, AppState, FieldErrors};

use crate::mailing::{self, AttendeeMailForm, PLACEHOLDERS};
use crate::settings;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/{edition}/manage/registrations/mail")
            .route(web::get().to(compose))
            .route(web::post().to(submit)),
    );
}

/// The page; `letters` is the preview, `sent` how many went out.
struct Shown<'a> {
    errors: FieldErrors,
    letters: Option<&'a [Letter]>,
    sent: Option<usize>,
}

async fn render(
    state: &AppState,
    page: &Page,
    access: &Organiser,
    form: &AttendeeMailForm,
    shown: Shown<'_>,
) -> AppResult<HttpResponse> {
    let eid = access.edition.id.clone();
    let types = state.db(move |c| settings::ticket_types(c, &eid)).await?;
    let mut ctx = page.context();
    ctx.insert("edition", &access.edition);
    ctx.insert("form", form);
    ctx.insert("errors", &shown.errors);
    ctx.insert(
        "preview",
        &shown.letters.map(|p| p.iter().take(3).collect::<Vec<_>>()),
    );
    ctx.insert("count", &shown.letters.map(<[Letter]>::len));
    ctx.insert(
        "languages",
        &shown.letters.map(devday_shared::mail::mailing::by_language),
    );
    ctx.insert("sent", &shown.sent);
    ctx.insert("placeholders", &PLACEHOLDERS);
    ctx.insert("types", &types);
    let status = if shown.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    page.render_status(status, "registration/manage_mail.html", &ctx)
}

pub async fn compose(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
) -> AppResult<HttpResponse> {
    let form = AttendeeMailForm {
        text: Compose::greeting(""),
        ..Default::default()
    };
    let shown = Shown {
        errors: FieldErrors::new(),
        letters: None,
        sent: None,
    };
    render(&state, &page, &access, &form, shown).await
}

/// `action=preview` shows the first mails and how many would go; `action=send` sends.
pub async fn submit(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    CsrfForm(form): CsrfForm<AttendeeMailForm>,
) -> AppResult<HttpResponse> {
    let errors = mailing::validate(&form);
    if !errors.is_empty() {
        let shown = Shown {
            errors,
            letters: None,
            sent: None,
        };
        return render(&state, &page, &access, &form, shown).await;
    }
    let (edition, f) = (access.edition.clone(), form.clone());
    let letters = state.db(move |c| mailing::letters(c, &edition, &f)).await?;
    if form.action != "send" {
        let shown = Shown {
            errors,
            letters: Some(&letters),
            sent: None,
        };
        return render(&state, &page, &access, &form, shown).await;
    }
    let mailer = state.mailer.clone();
    let sent = state
        .db(move |c| mailing::send(c, &mailer, &letters))
        .await?;
    let shown = Shown {
        errors,
        letters: None,
        sent: Some(sent),
    };
    render(&state, &page, &access, &AttendeeMailForm::default(), shown).await
}
