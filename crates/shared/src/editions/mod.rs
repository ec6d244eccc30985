//! Yearly editions (`devday-2027`), the team roles in each, and invitations to the team.
//! One install serves every edition; archived ones stay online read-only.

pub mod api;
pub mod carry;
pub mod form;
pub mod hub;
pub mod ical;
pub mod invitations;
mod model;
pub mod overview;
pub mod queries;
pub mod report;
pub mod roles;
mod routes;
pub mod seeds;
pub mod slots;

pub use form::{local_to_utc, EditionForm, EditionInput};
pub use model::{Edition, EditionFormat, WindowState};
pub use roles::Role;
pub(crate) use routes::EditionView;
pub use routes::{configure, configure_public};
