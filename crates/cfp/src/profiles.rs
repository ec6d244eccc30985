//! Speakers' profiles (one per person, across editions), photos, and availability windows
//! per edition.

use devday_shared::vocabulary::EditionId;
use devday_shared::vocabulary::UserId;
use std::io::Cursor;

use chrono::NaiveDateTime;
use devday_db::schema::{speaker_availability::dsl as av, speaker_profiles::dsl as sp};
use devday_db::{now, write_transaction, DbConn};
use devday_shared::editions::Edition;
use devday_shared::{AppError, AppResult, FieldErrors};
use diesel::prelude::*;
use image::{ImageFormat, ImageReader, Limits};
use serde::{Deserialize, Serialize};

use crate::time::parse_local;

#[derive(Debug, Clone, Default, Serialize)]
pub struct Profile {
    pub biography_md: String,
    pub company: String,
    pub links: String,
    pub has_photo: bool,
}

pub fn get(conn: &mut DbConn, user_id: &UserId) -> QueryResult<Profile> {
    let row: Option<(String, String, String, Option<String>)> = sp::speaker_profiles
        .find(user_id)
        .select((sp::biography_md, sp::company, sp::links, sp::photo_type))
        .first(conn)
        .optional()?;
    Ok(row
        .map(|(biography_md, company, links, photo_type)| Profile {
            biography_md,
            company,
            links,
            has_photo: photo_type.is_some(),
        })
        .unwrap_or_default())
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfileForm {
    pub display_name: String,
    pub biography_md: String,
    pub company: String,
    pub links: String,
}

/// Saves the profile; the name is the account's.
pub fn save(conn: &mut DbConn, user_id: &UserId, form: &ProfileForm) -> AppResult<()> {
    let mut errors = FieldErrors::new();
    let name = devday_shared::accounts::service::validate_name(&form.display_name)
        .map_err(|key| errors.add("display_name", key));
    if form.biography_md.chars().count() > 5_000 {
        errors.add("biography_md", "field-too-long");
    }
    if form.company.chars().count() > 100 {
        errors.add("company", "field-too-long");
    }
    let links: Vec<&str> = form
        .links
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if links.len() > 10
        || links
            .iter()
            .any(|l| !(l.starts_with("https://") || l.starts_with("http://")) || l.len() > 300)
    {
        errors.add("links", "links-invalid");
    }
    errors.into_result()?;
    let name = name.map_err(|_| AppError::Refused(devday_shared::Refusal::InvalidName))?;
    write_transaction(conn, |conn| {
        ensure_row(conn, user_id)?;
        diesel::update(sp::speaker_profiles.find(user_id))
            .set((
                sp::biography_md.eq(form.biography_md.trim()),
                sp::company.eq(form.company.trim()),
                sp::links.eq(links.join("\n")),
                sp::updated_at.eq(now()),
            ))
            .execute(conn)?;
        devday_shared::accounts::users::update_name(conn, user_id, &name)?;
        Ok(())
    })
}

fn ensure_row(conn: &mut DbConn, user_id: &UserId) -> QueryResult<()> {
    let exists: i64 = sp::speaker_profiles
        .filter(sp::user_id.eq(user_id))
        .count()
        .get_result(conn)?;
    if exists == 0 {
        diesel::insert_into(sp::speaker_profiles)
            .values((
                sp::user_id.eq(user_id),
                sp::biography_md.eq(""),
                sp::company.eq(""),
                sp::links.eq(""),
                sp::updated_at.eq(now()),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The largest upload accepted, and the largest picture decoded.
pub const PHOTO_MAX_BYTES: usize = 5 * 1024 * 1024;
const PHOTO_MAX_PIXELS: u32 = 6000;
const PHOTO_SIZE: u32 = 600;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PhotoError {
    #[error("photo-too-large")]
    TooLarge,
    #[error("photo-format")]
    Format,
    #[error("photo-corrupt")]
    Corrupt,
}

/// Checks and re-encodes an uploaded photo: JPEG, PNG or WebP in, at most 6000 px a side
/// (checked before decoding, so a "decompression bomb" is refused cheaply), a JPEG of at
/// most 600 px a side out. Re-encoding drops metadata such as GPS positions.
pub fn process_photo(bytes: &[u8]) -> Result<Vec<u8>, PhotoError> {
    if bytes.len() > PHOTO_MAX_BYTES {
        return Err(PhotoError::TooLarge);
    }
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| PhotoError::Format)?;
    match reader.format() {
        Some(ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP) => {}
        _ => return Err(PhotoError::Format),
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(PHOTO_MAX_PIXELS);
    limits.max_image_height = Some(PHOTO_MAX_PIXELS);
    limits.max_alloc = Some(256 * 1024 * 1024);
    reader.limits(limits);
    let image = reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => PhotoError::TooLarge,
        _ => PhotoError::Corrupt,
    })?;
    let image = image.thumbnail(PHOTO_SIZE, PHOTO_SIZE).into_rgb8();
    let mut out = Cursor::new(Vec::new());
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
        .encode_image(&image)
        .map_err(|_| PhotoError::Corrupt)?;
    Ok(out.into_inner())
}

/// Sets the biography alone (the confirm form asks for it).
pub fn set_biography(conn: &mut DbConn, user_id: &UserId, biography_md: &str) -> QueryResult<()> {
    write_transaction(conn, |conn| {
        ensure_row(conn, user_id)?;
        diesel::update(sp::speaker_profiles.find(user_id))
            .set((sp::biography_md.eq(biography_md), sp::updated_at.eq(now())))
            .execute(conn)
            .map(drop)
    })
}

pub fn set_photo(conn: &mut DbConn, user_id: &UserId, jpeg: Option<&[u8]>) -> QueryResult<()> {
    write_transaction(conn, |conn| {
        ensure_row(conn, user_id)?;
        diesel::update(sp::speaker_profiles.find(user_id))
            .set((
                sp::photo.eq(jpeg),
                sp::photo_type.eq(jpeg.map(|_| "image/jpeg")),
                sp::updated_at.eq(now()),
            ))
            .execute(conn)
            .map(drop)
    })
}

pub fn photo(conn: &mut DbConn, user_id: &UserId) -> QueryResult<Option<(Vec<u8>, String)>> {
    let row: Option<(Option<Vec<u8>>, Option<String>)> = sp::speaker_profiles
        .find(user_id)
        .select((sp::photo, sp::photo_type))
        .first(conn)
        .optional()?;
    Ok(match row {
        Some((Some(bytes), Some(kind))) => Some((bytes, kind)),
        _ => None,
    })
}

devday_db::id_type!(
    /// A time a speaker can be at the conference.
    #[derive(Serialize, Deserialize)]
    #[serde(transparent)]
    pub struct WindowId;
);

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = devday_db::schema::speaker_availability)]
pub struct Window {
    pub id: WindowId,
    pub user_id: UserId,
    pub edition_id: EditionId,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
}

pub fn availability(
    conn: &mut DbConn,
    user_id: &UserId,
    edition_id: &EditionId,
) -> QueryResult<Vec<Window>> {
    av::speaker_availability
        .filter(av::user_id.eq(user_id))
        .filter(av::edition_id.eq(edition_id))
        .order(av::starts_at.asc())
        .select(Window::as_select())
        .load(conn)
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct WindowForm {
    /// A conference day, YYYY-MM-DD.
    pub day: String,
    /// HH:MM local to the edition.
    pub from: String,
    pub until: String,
}

/// Adds a time on a conference day when the speaker can speak.
pub fn add_window(
    conn: &mut DbConn,
    user_id: &UserId,
    edition: &Edition,
    form: &WindowForm,
) -> AppResult<()> {
    let mut errors = FieldErrors::new();
    let day = chrono::NaiveDate::parse_from_str(form.day.trim(), "%Y-%m-%d").ok();
    if !day.is_some_and(|d| d >= edition.starts_on && d <= edition.ends_on) {
        errors.add("day", "availability-day-invalid");
    }
    let at = |time: &str| parse_local(edition, &format!("{}T{}", form.day.trim(), time.trim()));
    let (starts, ends) = (at(&form.from), at(&form.until));
    if starts.is_none() {
        errors.add("from", "time-invalid");
    }
    if ends.is_none() {
        errors.add("until", "time-invalid");
    }
    if let (Some(s), Some(e)) = (starts, ends) {
        if e <= s {
            errors.add("until", "window-closes-before-opening");
        }
    }
    errors.into_result()?;
    let (Some(starts_at), Some(ends_at)) = (starts, ends) else {
        return Err(AppError::Refused(devday_shared::Refusal::InvalidWindow));
    };
    insert_window(conn, user_id, &edition.id, starts_at, ends_at)?;
    Ok(())
}

/// Stores a checked window (UTC).
pub(crate) fn insert_window(
    conn: &mut DbConn,
    user_id: &UserId,
    edition_id: &EditionId,
    starts_at: NaiveDateTime,
    ends_at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(av::speaker_availability)
        .values((
            av::id.eq(uuid::Uuid::new_v4().to_string()),
            av::user_id.eq(user_id),
            av::edition_id.eq(edition_id),
            av::starts_at.eq(starts_at),
            av::ends_at.eq(ends_at),
        ))
        .execute(conn)
        .map(drop)
}

/// Removes every window of the speaker in an edition: available throughout again.
pub(crate) fn clear_windows(
    conn: &mut DbConn,
    user_id: &UserId,
    edition_id: &EditionId,
) -> QueryResult<()> {
    diesel::delete(
        av::speaker_availability
            .filter(av::user_id.eq(user_id))
            .filter(av::edition_id.eq(edition_id)),
    )
    .execute(conn)
    .map(drop)
}

pub fn delete_window(conn: &mut DbConn, user_id: &UserId, id: &WindowId) -> AppResult<()> {
    let n = diesel::delete(
        av::speaker_availability
            .filter(av::id.eq(id))
            .filter(av::user_id.eq(user_id)),
    )
    .execute(conn)?;
    if n == 0 {
        Err(AppError::NotFound)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let image = image::RgbImage::new(width, height);
        let mut out = Cursor::new(Vec::new());
        image
            .write_to(&mut out, ImageFormat::Png)
            .map(|_| out.into_inner())
            .unwrap_or_default()
    }

    #[test]
    fn photos_are_resized_and_re_encoded_as_jpeg() {
        let jpeg = process_photo(&png(1200, 900)).unwrap_or_default();
        assert_eq!(&jpeg[..2], &[0xff, 0xd8]);
        let decoded = image::load_from_memory(&jpeg)
            .map(|i| (i.width(), i.height()))
            .ok();
        assert_eq!(decoded, Some((600, 450)));
    }

    #[test]
    fn corrupt_foreign_and_huge_pictures_are_refused() {
        assert_eq!(
            process_photo(b"GIF89a not a photo"),
            Err(PhotoError::Format)
        );
        let mut broken = png(100, 100);
        broken.truncate(60);
        assert_eq!(process_photo(&broken), Err(PhotoError::Corrupt));
        // A picture declaring 20000 x 20000 pixels is refused before decoding.
        assert_eq!(process_photo(&png(20_000, 1)), Err(PhotoError::TooLarge));
        assert_eq!(
            process_photo(&vec![0u8; PHOTO_MAX_BYTES + 1]),
            Err(PhotoError::TooLarge)
        );
    }
}
