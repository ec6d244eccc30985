//! Reading a multipart form with one file: its CSRF token is checked, and the file is read
//! only up to a limit, so an upload can never fill the memory.

use actix_multipart::Multipart;
use actix_web::{web, HttpRequest};
use futures_util::StreamExt;

use super::csrf;
use crate::state::AppState;
use crate::AppError;

/// What a file form sent.
pub enum Upload {
    /// The file's bytes (empty if none was chosen).
    File(Vec<u8>),
    /// Larger than the limit; reading stopped there.
    TooLarge,
}

/// Reads the form: the field named `file_field` as the file, `csrf_token` as the token
/// (checked; 403 otherwise), other fields ignored.
pub async fn read(
    req: &HttpRequest,
    mut body: Multipart,
    file_field: &str,
    max_bytes: usize,
) -> Result<Upload, AppError> {
    let mut token = String::new();
    let mut file = Vec::new();
    while let Some(field) = body.next().await {
        let mut field = field.map_err(|e| {
            AppError::Refused(crate::Refusal::MalformedUpload {
                reason: e.to_string(),
            })
        })?;
        let name = field.name().unwrap_or_default().to_owned();
        let mut data = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|e| {
                AppError::Refused(crate::Refusal::MalformedUpload {
                    reason: e.to_string(),
                })
            })?;
            if data.len() + chunk.len() > max_bytes {
                return Ok(Upload::TooLarge);
            }
            data.extend_from_slice(&chunk);
        }
        if name == "csrf_token" {
            token = String::from_utf8_lossy(&data).into_owned();
        } else if name == file_field {
            file = data;
        }
    }
    let state = req
        .app_data::<web::Data<AppState>>()
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("no app state")))?;
    if !csrf::verify(req, &state.secret, &token) {
        return Err(AppError::Csrf);
    }
    Ok(Upload::File(file))
}

/// A list saved by a spreadsheet (the form's field `file`): its text, decoded whatever
/// encoding the program chose, or the error to show beside the field when no file was
/// chosen or it is larger than a list devday reads.
pub async fn read_list(
    req: &HttpRequest,
    body: Multipart,
) -> Result<Result<String, crate::FieldErrors>, AppError> {
    let refused = |key: &str| {
        let mut errors = crate::FieldErrors::new();
        errors.add("file", key);
        Err(errors)
    };
    Ok(
        match read(req, body, "file", crate::spreadsheet::IMPORT_MAX_BYTES).await? {
            Upload::File(bytes) if !bytes.is_empty() => Ok(crate::spreadsheet::decode(&bytes)),
            Upload::File(_) => refused("import-file-missing"),
            Upload::TooLarge => refused("import-file-too-large"),
        },
    )
}
