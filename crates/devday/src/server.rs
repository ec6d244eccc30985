//! Composes the application: state, middleware, every crate's routes, and the outbox worker.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::middleware::from_fn;
use actix_web::{error, web, App, HttpResponse, HttpServer};
use anyhow::Context;
use devday_db::Backend;
use devday_shared::accounts::password::Passwords;
use devday_shared::accounts::users;
use devday_shared::config::Settings;
use devday_shared::group_commit::GroupCommit;
use devday_shared::i18n::I18n;
use devday_shared::mail::{Mailer, OutboxWorker, Wakeup};
use devday_shared::metrics::Metrics;
use devday_shared::templates::Templates;
use devday_shared::web::rate_limit::{self, RateLimits};
use devday_shared::web::{assets, csrf, errors, headers, nul};
use devday_shared::Refusal;
use devday_shared::{accounts, api, editions, ops, settings_store, webhooks, AppError, AppState};
use tracing_actix_web::TracingLogger;
use utoipa::OpenApi;

use crate::commands;

/// The OpenAPI document of every crate's endpoints.
pub fn openapi() -> utoipa::openapi::OpenApi {
    let mut doc = api::ApiDoc::openapi();
    doc.merge(devday_cfp::openapi());
    doc.merge(devday_schedule::openapi());
    doc.merge(devday_registration::openapi());
    doc.merge(devday_badges::openapi());
    doc
}

/// Every route. Fixed prefixes first; the public edition page, which matches any first
/// segment, last. Routes are tried in this order, each dynamic one a regex match, so the
/// paths hit hardest (the registration rush, the public schedule) come early.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.configure(assets::configure)
        .configure(ops::configure)
        .configure(api::configure)
        .configure(devday_registration::configure)
        .configure(devday_badges::configure)
        .configure(devday_schedule::configure)
        .configure(accounts::configure)
        .configure(editions::configure)
        .configure(webhooks::configure)
        .configure(devday_cfp::configure)
        .configure(editions::configure_public);
}

/// A path or query string that does not fit the route.
fn bad_request(err: impl std::fmt::Display) -> actix_web::Error {
    AppError::Refused(Refusal::MalformedQuery {
        reason: err.to_string(),
    })
    .into()
}

fn json_error(err: error::JsonPayloadError) -> actix_web::Error {
    use error::JsonPayloadError as E;
    match err {
        E::Overflow { .. } | E::OverflowKnownLength { .. } => AppError::TooLarge.into(),
        E::ContentType => AppError::Refused(Refusal::WrongMediaType {
            expected: "application/json",
        })
        .into(),
        other => AppError::Refused(Refusal::MalformedJson {
            reason: other.to_string(),
        })
        .into(),
    }
}

fn form_error(err: error::UrlencodedError) -> actix_web::Error {
    use error::UrlencodedError as E;
    match err {
        E::Overflow { .. } => AppError::TooLarge.into(),
        E::ContentType => AppError::Refused(Refusal::WrongMediaType {
            expected: "application/x-www-form-urlencoded",
        })
        .into(),
        _ => AppError::Unreadable.into(),
    }
}

pub fn serve(settings: Settings) -> anyhow::Result<()> {
    actix_web::rt::System::new().block_on(run(settings))
}

async fn run(settings: Settings) -> anyhow::Result<()> {
    let mut conn = commands::connect(&settings)?;
    let secret = settings_store::signing_secret(&mut conn)?;
    let needs_admin = users::count(&mut conn)? == 0;
    drop(conn);
    let pool = settings
        .database
        .url
        .pool(settings.database.pool_size)
        .context("database.url: cannot open a connection pool")?;
    devday_db::spawn_checkpointer(&settings.database.url)?;

    let listener = TcpListener::bind(settings.server.listen)
        .with_context(|| format!("server.listen: cannot listen on {}", settings.server.listen))?;
    let addr = listener.local_addr()?;
    let public_url: Arc<str> = settings.public_url(addr).into();

    let i18n = Arc::new(I18n::load()?);
    let templates = Arc::new(Templates::load(i18n.clone()).context("loading templates")?);
    let wakeup = Wakeup::default();
    let state = AppState {
        pool: pool.clone(),
        mailer: Mailer::new(templates.clone(), public_url.clone(), wakeup.clone()),
        passwords: Passwords::new(&settings.security)
            .map_err(|e| anyhow::anyhow!("security.argon2_memory_kib: {e}"))?,
        limits: Arc::new(match settings.database.url.backend() {
            Backend::Postgres => RateLimits::shared(&settings.security, pool.clone()),
            Backend::Sqlite => RateLimits::in_memory(&settings.security),
        }),
        metrics: Arc::new(Metrics::new()),
        writes: GroupCommit::spawn(pool.clone(), settings.database.url.backend())?,
        seeds: Arc::new(crate::SEEDS),
        carries: Arc::new(crate::CARRIES),
        reports: Arc::new(crate::REPORTS),
        panels: Arc::new(crate::PANELS),
        cards: Arc::new(crate::CARDS),
        slot_of: devday_schedule::published::slot_of,
        settings: Arc::new(settings.clone()),
        public_url: public_url.clone(),
        templates,
        i18n,
        secret: secret.into(),
    };
    let worker = OutboxWorker::spawn(pool.clone(), &settings.mail, wakeup)?;
    let hooks = webhooks::WebhookWorker::spawn(pool.clone(), &settings.webhooks)?;

    let state = web::Data::new(state);
    let background = state.clone();
    let openapi = web::Data::new(openapi());
    let mut server = HttpServer::new(move || {
        App::new()
            .app_data(state.clone())
            .app_data(openapi.clone())
            .app_data(
                web::JsonConfig::default()
                    .limit(256 * 1024)
                    .error_handler(|e, _| json_error(e)),
            )
            .app_data(
                web::FormConfig::default()
                    .limit(64 * 1024)
                    .error_handler(|e, _| form_error(e)),
            )
            .app_data(web::PathConfig::default().error_handler(|e, _| bad_request(e)))
            .app_data(web::QueryConfig::default().error_handler(|e, _| bad_request(e)))
            .wrap(from_fn(nul::refuse_in_url))
            .wrap(from_fn(errors::render_html))
            .wrap(from_fn(csrf::ensure_cookie))
            .wrap(headers::security_headers())
            .wrap(from_fn(ops::record_metrics))
            .wrap(TracingLogger::default())
            .configure(routes)
            .default_service(web::to(|| async {
                Err::<HttpResponse, _>(AppError::NotFound)
            }))
    })
    .shutdown_timeout(20)
    .listen(listener)?;
    if settings.server.workers > 0 {
        server = server.workers(settings.server.workers);
    }

    let backend = settings.database.url.backend();
    println!(
        "devday {} listening on http://{addr} ({backend})",
        env!("CARGO_PKG_VERSION")
    );
    if needs_admin {
        let mut conn = pool.get()?;
        let token = settings_store::new_setup_token(&mut conn)?;
        println!("No admin yet. Create the first one at {public_url}/setup/{token}");
    }
    // Expired holds and unanswered waiting-list offers give their seats back within a
    // beat (30 s by default); the steps of reconfirmation rounds run, new recordings are
    // told to those who starred them, and editions whose data retention ran out are
    // purged, on the same beat.
    let sweeper = {
        let state = background;
        let beat = std::time::Duration::from_secs(settings.server.sweep_seconds.max(1));
        actix_web::rt::spawn(async move {
            let mut every = actix_web::rt::time::interval(beat);
            loop {
                every.tick().await;
                let (mailer, secret) = (state.mailer.clone(), state.secret.clone());
                if let Err(e) = state
                    .db(move |c| {
                        devday_registration::register::sweep(c, &mailer)?;
                        devday_registration::reconfirm::tick(c, &mailer, &secret)?;
                        devday_schedule::notices::tell_recordings(c, &mailer, &secret)?;
                        rate_limit::sweep(c)?;
                        devday_registration::privacy::purge_due(c)
                    })
                    .await
                {
                    tracing::warn!(error = %e, "registration sweep failed");
                }
            }
        })
    };
    server.run().await?;
    sweeper.abort();
    tracing::info!("server stopped; letting the outbox finish");
    worker.shutdown();
    hooks.shutdown();
    Ok(())
}
