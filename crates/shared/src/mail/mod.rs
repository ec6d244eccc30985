//! Mail: composed from templates in German or English, written to the outbox in the same
//! transaction as the change that causes it, and sent by a background worker with retries.

mod compose;
mod mailer;
pub mod mailing;
pub mod outbox;
mod transport;
mod wakeup;
mod worker;

pub use compose::{compose, Mail};
pub use mailer::Mailer;
pub use transport::{MailTransport, TransportError};
pub use wakeup::Wakeup;
pub use worker::OutboxWorker;
