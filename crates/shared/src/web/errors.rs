//! Turns error responses of pages into HTML: the problem document stays for `/api/`, a
//! browser gets a translated page, or the login form when it must sign in first.

use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{header, Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{web, HttpResponse};

use super::{locale, redirect};
use crate::error::{ErrorInfo, Problem};
use crate::i18n::Locale;
use crate::state::AppState;

pub async fn render_html(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody, BoxBody>>, actix_web::Error> {
    let res = next.call(req).await?;
    let path = res.request().path();
    if path.starts_with("/api/") {
        return Ok(in_readers_language(res));
    }
    if path == "/healthz" || path == "/metrics" {
        return Ok(res.map_into_left_body());
    }
    let info = res.response().extensions().get::<ErrorInfo>().cloned();
    let Some(info) = info else {
        return Ok(res.map_into_left_body());
    };
    let status = res.status();
    let retry_after = res.headers().get(header::RETRY_AFTER).cloned();
    let (req, _) = res.into_parts();
    let mut response = if status == StatusCode::UNAUTHORIZED && req.method() == Method::GET {
        let here = match req.query_string() {
            "" => req.path().to_owned(),
            q => format!("{}?{q}", req.path()),
        };
        let query = serde_urlencoded::to_string([("next", here)]).unwrap_or_default();
        redirect::see_other(&format!("/account/login?{query}"))
    } else {
        page(&req, status, &info)
    };
    if let Some(value) = retry_after {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    Ok(ServiceResponse::new(req, response).map_into_right_body())
}

fn page(req: &actix_web::HttpRequest, status: StatusCode, info: &ErrorInfo) -> HttpResponse {
    let Some(state) = req.app_data::<web::Data<AppState>>() else {
        return HttpResponse::build(status).body(info.detail.clone());
    };
    let locale = locale::of(req);
    let detail = match &info.refusal {
        Some(refusal) => state.i18n.refusal(locale, refusal),
        None => state.i18n.tr(locale, &format!("error-{}", info.kind), &[]),
    };
    let mut ctx = tera::Context::new();
    ctx.insert("lang", locale.code());
    ctx.insert("status", &status.as_u16());
    let heading = info.heading.map(|key| state.i18n.tr(locale, key, &[]));
    ctx.insert("heading", &heading);
    ctx.insert("detail", &detail);
    ctx.insert("user", &None::<()>);
    ctx.insert("csrf_token", "");
    ctx.insert("path", req.path());
    match state.templates.render("error.html", &ctx) {
        Ok(html) => HttpResponse::build(status)
            .insert_header((header::CONTENT_TYPE, "text/html; charset=utf-8"))
            .body(html),
        Err(_) => HttpResponse::build(status).body(detail),
    }
}

/// A refusal's problem document says it in the language the client asks for
/// (`Accept-Language`); English, as built, otherwise.
fn in_readers_language<B: MessageBody + 'static>(
    res: ServiceResponse<B>,
) -> ServiceResponse<EitherBody<B, BoxBody>> {
    let refused = res
        .response()
        .extensions()
        .get::<ErrorInfo>()
        .and_then(|info| Some((info.refusal.clone()?, info.kind, info.errors.clone())));
    let asked = res
        .request()
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Locale::from_accept_language)
        .unwrap_or_default();
    let state = res.request().app_data::<web::Data<AppState>>().cloned();
    let (Some((refusal, kind, errors)), Some(state), false) = (refused, state, asked == Locale::En)
    else {
        return res.map_into_left_body();
    };
    let status = res.status();
    let problem = Problem {
        kind: format!("/problems/{kind}"),
        title: status.canonical_reason().unwrap_or("Error"),
        status: status.as_u16(),
        detail: state.i18n.refusal(asked, &refusal),
        errors: errors.as_ref(),
    };
    let (req, old) = res.into_parts();
    let mut response = HttpResponse::build(status);
    for (name, value) in old.headers() {
        response.insert_header((name.clone(), value.clone()));
    }
    response.insert_header((header::CONTENT_LANGUAGE, asked.code()));
    ServiceResponse::new(req, response.json(&problem)).map_into_right_body()
}
