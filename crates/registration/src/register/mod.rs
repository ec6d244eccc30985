//! Registering (double opt-in), confirming, managing and cancelling; expiring holds.
//!
//! Every change that takes or frees seats runs in one write transaction with its mails, so
//! a non-2xx answer always means nothing was registered, and a 2xx means it was.

mod changes;
mod confirming;
mod ending;
mod lookup;
mod registering;

pub use changes::*;
pub use confirming::*;
pub use ending::*;
pub use lookup::*;
pub use registering::*;
