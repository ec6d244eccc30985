//! Web plumbing shared by every domain: extractors for who is asking, CSRF, forms, pages,
//! locale, rate limits, static assets and the middleware that renders errors as pages.

pub mod assets;
pub mod auth;
pub mod body;
pub mod client_ip;
pub mod cookies;
pub mod csrf;
pub mod errors;
pub mod everyones;
pub mod flash;
pub mod forms;
pub mod gate;
pub mod headers;
pub mod links;
pub mod locale;
pub mod nul;
pub mod page;
pub mod rate_limit;
pub mod redirect;
pub mod upload;

pub use auth::{
    Admin, CurrentUser, EditionAccess, InEdition, MaybeUser, Organiser, PublicEdition, Reviewer,
    Staff, TeamMember,
};
pub use body::{Deferred, Json, Query};
pub use client_ip::ClientIp;
pub use flash::Flash;
pub use forms::{CsrfForm, NoFields};
pub use links::{Link, LinkTarget};
pub use locale::RequestLocale;
pub use page::{Confirmation, Page};
pub use redirect::{local_path, see_other};
