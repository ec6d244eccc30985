//! Organisers mail all speakers or a filtered set: compose, preview, send.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use devday_shared::web::{CsrfForm, Organiser, Page};
use devday_shared::{AppResult, AppState, FieldErrors};

use crate::catalogue::Loaded;
use crate::mailing::{self, Letter, MailForm, PLACEHOLDERS};
use crate::model::ProposalState;
use devday_shared::mail::mailing::Compose;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/{edition}/manage/cfp/mail")
            .route(web::get().to(compose))
            .route(web::post().to(submit)),
    );
}

/// What the page shows below the form.
enum Shown<'a> {
    Nothing,
    Preview(&'a [Letter]),
    Sent(usize),
}

async fn render(
    state: &AppState,
    page: &Page,
    access: &Organiser,
    form: &MailForm,
    errors: &FieldErrors,
    shown: Shown<'_>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let (preview, sent) = match shown {
        Shown::Nothing => (None, None),
        Shown::Preview(letters) => (Some(letters), None),
        Shown::Sent(n) => (None, Some(n)),
    };
    let eid = access.edition.id.clone();
    let loaded = state.db(move |c| Loaded::load(c, &eid)).await?;
    let mut ctx = page.context();
    ctx.insert("edition", &access.edition);
    ctx.insert("form", form);
    ctx.insert("errors", errors);
    ctx.insert(
        "preview",
        &preview.map(|p| p.iter().take(3).collect::<Vec<_>>()),
    );
    ctx.insert("count", &preview.map(<[Letter]>::len));
    ctx.insert(
        "languages",
        &preview.map(devday_shared::mail::mailing::by_language),
    );
    ctx.insert("sent", &sent);
    ctx.insert("placeholders", &PLACEHOLDERS);
    ctx.insert("types", &loaded.types);
    ctx.insert("tracks", &loaded.tracks);
    ctx.insert(
        "states",
        &ProposalState::ALL
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>(),
    );
    page.render_status(status, "cfp/manage_mail.html", &ctx)
}

pub async fn compose(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
) -> AppResult<HttpResponse> {
    let form = MailForm {
        text: Compose::greeting("\n{title}: {link}\n"),
        ..Default::default()
    };
    render(
        &state,
        &page,
        &access,
        &form,
        &FieldErrors::new(),
        Shown::Nothing,
        StatusCode::OK,
    )
    .await
}

/// `action=preview` shows the first mails and how many would go; `action=send` sends.
pub async fn submit(
    state: web::Data<AppState>,
    page: Page,
    access: Organiser,
    CsrfForm(form): CsrfForm<MailForm>,
) -> AppResult<HttpResponse> {
    let errors = mailing::validate(&form);
    if !errors.is_empty() {
        return render(
            &state,
            &page,
            &access,
            &form,
            &errors,
            Shown::Nothing,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let mailer = state.mailer.clone();
    let (e, f) = (access.edition.clone(), form.clone());
    let letters = state
        .db(move |c| mailing::letters(c, &mailer, &e, &f))
        .await?;
    if form.action != "send" {
        return render(
            &state,
            &page,
            &access,
            &form,
            &errors,
            Shown::Preview(&letters),
            StatusCode::OK,
        )
        .await;
    }
    let mailer = state.mailer.clone();
    let sent = state
        .db(move |c| mailing::send(c, &mailer, &letters))
        .await?;
    render(
        &state,
        &page,
        &access,
        &MailForm::default(),
        &errors,
        Shown::Sent(sent),
        StatusCode::OK,
    )
    .await
}
