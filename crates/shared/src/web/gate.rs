//! Authorisation before the body: whoever may not act hears 401/403, whatever they sent.
//!
//! actix builds a handler's extractors in the order of its arguments and then polls them
//! together, answering with the first error that completes. A body that fails to parse
//! fails at once, while the role check waits for the database, so a stranger with a bad
//! body would learn 400 (and the body would be read) before being refused. Therefore each
//! authorisation extractor registers itself here when it is created, and the body
//! extractors created after it ([`super::Json`], [`super::Query`], [`super::CsrfForm`])
//! wait until every registered check has finished. A check that refuses ends the request
//! before the body is looked at; one that passes opens the gate.
//!
//! Handlers therefore name who is asking before what they send, as everywhere already.

use actix_web::{HttpMessage, HttpRequest};
use tokio::sync::oneshot;

/// The open checks of this request: each receiver completes when its check has finished.
#[derive(Default)]
struct Pending(Vec<oneshot::Receiver<()>>);

/// Held by an authorisation extractor's future; dropping it (on success or refusal)
/// opens its part of the gate.
pub struct Checking(#[allow(dead_code)] oneshot::Sender<()>);

/// Registers a check that the request's body extractors must wait for.
pub fn checking(req: &HttpRequest) -> Checking {
    let (done, finished) = oneshot::channel();
    req.extensions_mut()
        .get_or_insert_with(Pending::default)
        .0
        .push(finished);
    Checking(done)
}

/// Waits until every check registered before this call has finished. Call it from a body
/// extractor's `from_request` (not its future), so that only the checks of arguments
/// before the body count.
pub fn after_checks(req: &HttpRequest) -> impl std::future::Future<Output = ()> + 'static {
    let pending = req.extensions_mut().remove::<Pending>().unwrap_or_default();
    async move {
        for finished in pending.0 {
            // Sent or dropped: either way the check is over.
            let _ = finished.await;
        }
    }
}
