//! The programme inside the conference's own website: a bare page for an iframe (no site
//! header, links open in a new tab), in the host's colours through a stylesheet (the CSP
//! allows no inline styles), and the one page any site may frame: it is public and
//! read-only, and it loads nothing from elsewhere.

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use devday_shared::web::{locale, Query};
use devday_shared::{AppResult, AppState};
use serde::{Deserialize, Serialize};

use super::public::current;
use crate::published;
use crate::view::{self, Filter};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/{edition}/schedule/embed", web::get().to(page))
        .route("/{edition}/schedule/embed.css", web::get().to(colours));
}

/// The host's colours, each `#rgb` or `#rrggbb`; anything else is ignored.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct Colours {
    accent: String,
    text: String,
    background: String,
}

fn hex(value: &str) -> Option<&str> {
    let digits = value.strip_prefix('#')?;
    ([3, 6].contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_hexdigit()))
        .then_some(value)
}

impl Colours {
    /// Only the valid ones, as the stylesheet's query (empty when none).
    fn query(&self) -> String {
        let valid = Colours {
            accent: hex(&self.accent).unwrap_or_default().to_owned(),
            text: hex(&self.text).unwrap_or_default().to_owned(),
            background: hex(&self.background).unwrap_or_default().to_owned(),
        };
        match serde_urlencoded::to_string(&valid) {
            Ok(q)
                if !(valid.accent.is_empty()
                    && valid.text.is_empty()
                    && valid.background.is_empty()) =>
            {
                format!("?{q}")
            }
            _ => String::new(),
        }
    }
}

#[derive(Serialize)]
struct EmbedDay<'a> {
    date: String,
    day: view::Day<'a>,
}

pub async fn page(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    colours: Query<Colours>,
) -> AppResult<HttpResponse> {
    let p = current(&state, &slug).await?;
    let lang = locale::of(&req);
    let css = colours.query();
    let body = published::rendered(
        &p.release.id,
        &format!("embed|{css}|{}", lang.code()),
        || {
            let days: Vec<EmbedDay> = view::days(&p.edition, &p.snapshot)
                .into_iter()
                .map(|d| EmbedDay {
                    date: d.to_string(),
                    day: view::day(&p.edition, &p.snapshot, d, &Filter::default(), None),
                })
                .collect();
            let mut ctx = tera::Context::new();
            ctx.insert("lang", lang.code());
            ctx.insert("edition", &p.edition);
            ctx.insert("tracks", &p.snapshot.tracks);
            ctx.insert("days", &days);
            ctx.insert("colours", &css);
            state.templates.render("schedule/embed.html", &ctx)
        },
    )?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/html; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=60"))
        .insert_header((header::VARY, "Accept-Language"))
        // Framing allowed from any site; this policy replaces the default one, and browsers
        // let `frame-ancestors` override the default X-Frame-Options.
        .insert_header((
            "Content-Security-Policy",
            "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; \
             object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors *",
        ))
        .insert_header(("X-Frame-Options", "ALLOWALL"))
        .body(body))
}

/// The host's colours as custom properties the stylesheet uses.
pub async fn colours(colours: Query<Colours>) -> HttpResponse {
    let mut css = String::from(":root{");
    for (property, value) in [
        ("--brand", hex(&colours.accent)),
        ("--brand-dark", hex(&colours.accent)),
        ("--ink", hex(&colours.text)),
        ("--bg", hex(&colours.background)),
    ] {
        if let Some(value) = value {
            css.push_str(&format!("{property}:{value};"));
        }
    }
    css.push('}');
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/css; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(css)
}
