//! Operations: `/healthz` for load balancers, `/metrics` for Prometheus, and the middleware
//! that measures every request.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{web, HttpResponse};
use diesel::connection::SimpleConnection;

use crate::error::{AppError, AppResult};
use crate::mail::outbox;
use crate::metrics::RequestLabels;
use crate::state::AppState;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/healthz", web::get().to(healthz))
        .route("/metrics", web::get().to(metrics));
}

/// 200 when the database answers, else 503.
async fn healthz(state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let backend = state
        .db(|c| {
            c.batch_execute("SELECT 1").map_err(|e| {
                tracing::warn!(error = %e, "health check failed");
                AppError::Unavailable
            })?;
            Ok(c.backend())
        })
        .await?;
    Ok(HttpResponse::Ok()
        .json(serde_json::json!({ "status": "ok", "database": backend.to_string() })))
}

async fn metrics(state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let pending = state.db(|c| Ok(outbox::pending_count(c)?)).await?;
    state.metrics.outbox_pending.set(pending);
    Ok(HttpResponse::Ok()
        .content_type("application/openmetrics-text; version=1.0.0; charset=utf-8")
        .body(state.metrics.render()))
}

pub async fn record_metrics(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    // Any token is a valid method; unknown ones share one label to bound the series.
    let method = match req.method().as_str() {
        m @ ("GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS") => m.to_owned(),
        _ => "OTHER".to_owned(),
    };
    let route = req
        .match_pattern()
        .unwrap_or_else(|| "unmatched".to_owned());
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let res = next.call(req).await?;
    if let Some(state) = state {
        state.metrics.observe(
            RequestLabels {
                method,
                route,
                status: res.status().as_u16(),
            },
            started.elapsed().as_secs_f64(),
        );
    }
    Ok(res)
}
