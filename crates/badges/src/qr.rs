//! A ticket code as a QR code: PNG for mail and phones, SVG for print, and the bare module
//! matrix for the badge PDF.

use image::{ImageFormat, Luma};
use qrcode::{EcLevel, QrCode};

/// Medium error correction: a badge survives a crease or a thumb over a corner.
fn encode(code: &str) -> Result<QrCode, qrcode::types::QrError> {
    QrCode::with_error_correction_level(code.as_bytes(), EcLevel::M)
}

pub fn png(code: &str) -> anyhow::Result<Vec<u8>> {
    let image = encode(code)?
        .render::<Luma<u8>>()
        .min_dimensions(360, 360)
        .build();
    let mut out = std::io::Cursor::new(Vec::new());
    image.write_to(&mut out, ImageFormat::Png)?;
    Ok(out.into_inner())
}

pub fn svg(code: &str) -> anyhow::Result<String> {
    Ok(encode(code)?
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(240, 240)
        .build())
}

/// Dark modules, row by row, without the quiet zone (the caller leaves the margin).
pub fn modules(code: &str) -> anyhow::Result<(usize, Vec<bool>)> {
    let qr = encode(code)?;
    let width = qr.width();
    let dark = qr
        .to_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    Ok((width, dark))
}
