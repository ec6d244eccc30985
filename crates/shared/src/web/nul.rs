//! The NUL character (U+0000) is refused wherever text enters: in the URL, in JSON bodies,
//! in forms and in imported files. PostgreSQL cannot store it in text and SQLite would, so
//! refusing it at the door is the one rule that behaves the same on both databases.

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::ResponseError;

use crate::error::{AppError, AppResult};

/// Refuses a request whose path or query string carries an encoded NUL (`%00`), before any
/// route sees it: every path segment and query parameter is text that may reach the
/// database.
pub async fn refuse_in_url(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let uri = req.uri();
    let field = if has_encoded_nul(uri.path()) {
        Some("path")
    } else if uri.query().is_some_and(has_encoded_nul) {
        Some("query")
    } else {
        None
    };
    match field {
        Some(field) => {
            let response = AppError::nul(field).error_response();
            Ok(req.into_response(response).map_into_right_body())
        }
        None => Ok(next.call(req).await?.map_into_left_body()),
    }
}

fn has_encoded_nul(text: &str) -> bool {
    text.as_bytes()
        .windows(3)
        .any(|w| w[0] == b'%' && w[1] == b'0' && w[2] == b'0')
        || text.contains('\0')
}

/// Form fields (names and values) as decoded from the body.
pub fn check_fields(fields: &[(String, String)]) -> AppResult<()> {
    match fields
        .iter()
        .find(|(name, value)| name.contains('\0') || value.contains('\0'))
    {
        Some((name, _)) => Err(AppError::nul(&name.replace('\0', ""))),
        None => Ok(()),
    }
}

/// A JSON body. Inside a JSON string NUL can only be written as the escape `\u0000`, so
/// the raw bytes are scanned for it (cheap, no second parse on the hot path); only when
/// one is found is the document parsed to name the field that holds it.
pub fn check_json(body: &[u8]) -> AppResult<()> {
    if !has_nul_escape(body) {
        return Ok(());
    }
    let field = serde_json::from_slice::<serde_json::Value>(body)
        .ok()
        .and_then(|value| path_to_nul(&value))
        .unwrap_or_else(|| "body".to_owned());
    Err(AppError::nul(&field))
}

/// Whether the text has a `\u0000` escape that is not itself an escaped backslash
/// followed by `u0000`.
fn has_nul_escape(body: &[u8]) -> bool {
    let mut i = 0;
    while i < body.len() {
        if body[i] == b'\\' {
            if body[i + 1..].starts_with(b"u0000") {
                return true;
            }
            // Skip the escaped character, so `\\u0000` (a backslash, then text) is no NUL.
            i += 2;
        } else {
            i += 1;
        }
    }
    false
}

/// The dotted path of the first string or key holding NUL (`scans.0.code`).
fn path_to_nul(value: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    match value {
        Value::String(s) if s.contains('\0') => Some(String::new()),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, item)| path_to_nul(item).map(|rest| join(&i.to_string(), &rest))),
        Value::Object(map) => map.iter().find_map(|(key, item)| {
            if key.contains('\0') {
                return Some(key.replace('\0', ""));
            }
            path_to_nul(item).map(|rest| join(key, &rest))
        }),
        _ => None,
    }
}

fn join(head: &str, rest: &str) -> String {
    if rest.is_empty() {
        head.to_owned()
    } else {
        format!("{head}.{rest}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_nul_escapes_are_found_and_named() {
        assert!(check_json(br#"{"name":"ab"}"#).is_ok());
        // An escaped backslash followed by the letters u0000 is text, not NUL.
        assert!(check_json(br#"{"name":"a\\u0000b"}"#).is_ok());
        let err = check_json(br#"{"name":"a\u0000b","email":"x"}"#);
        assert!(matches!(err, Err(AppError::NulCharacter { ref field }) if field == "name"));
        let err = check_json(br#"{"scans":[{"code":"ok"},{"code":"\u0000"}]}"#);
        assert!(
            matches!(err, Err(AppError::NulCharacter { ref field }) if field == "scans.1.code")
        );
        let err = check_json(br#"{"\u0000":1}"#);
        assert!(matches!(err, Err(AppError::NulCharacter { .. })));
        // Broken JSON with the escape still counts as NUL (the parse error would follow).
        assert!(check_json(br#"{"name":"\u0000"#).is_err());
    }

    #[test]
    fn urls_and_fields_with_nul_are_found() {
        assert!(has_encoded_nul("/api/x?q=%00"));
        assert!(has_encoded_nul("/a%00b/"));
        assert!(!has_encoded_nul("/api/x?q=%20%10"));
        assert!(!has_encoded_nul("/api/x?q=100"));
        assert!(check_fields(&[("name".into(), "Ada".into())]).is_ok());
        assert!(check_fields(&[("name".into(), "A\0da".into())]).is_err());
        assert!(check_fields(&[("na\0me".into(), "Ada".into())]).is_err());
    }
}
