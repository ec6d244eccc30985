//! Static assets (CSS, icons, scripts), embedded in the binary.

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use include_dir::{include_dir, Dir};

use crate::error::{AppError, AppResult};

static ASSETS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../../static");

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/static/{path:.*}", web::get().to(serve));
}

async fn serve(path: web::Path<String>) -> AppResult<HttpResponse> {
    let path = path.into_inner();
    let file = ASSETS.get_file(&path).ok_or(AppError::NotFound)?;
    let content_type = match path.rsplit('.').next() {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("woff2") => "font/woff2",
        Some("wasm") => "application/wasm",
        _ => "application/octet-stream",
    };
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, content_type))
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(file.contents()))
}
