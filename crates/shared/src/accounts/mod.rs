//! People: accounts, sign-up with email confirmation, log-in sessions, password reset,
//! API tokens, and the first admin. Any account can be a speaker; roles per edition live in
//! [`crate::editions`].

pub mod api_tokens;
pub mod email;
pub mod password;
mod routes;
pub mod service;
pub mod sessions;
pub mod tokens;
pub mod users;

pub use email::EmailAddress;
pub use routes::configure;
pub use users::{AuthUser, User};
