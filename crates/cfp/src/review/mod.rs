//! Review: the programme committee scores proposals, organisers decide, speakers confirm.
//!
//! `settings` (window, anonymity, score categories), `assign` (who reviews what, conflicts),
//! `digest` (one mail to each reviewer per round of new assignments),
//! `reviews` (scores and comments), `aggregate` (the numbers organisers decide by) and
//! `decide` (accept, reject, waiting list, mails, confirmations).

pub mod aggregate;
pub mod assign;
pub mod decide;
pub mod digest;
pub mod reviews;
pub mod settings;
