//! Print-ready badges: single A6 badges, or A4 sheets of four with crop marks. Each badge
//! has the edition's name, the holder's name as large as fits (shrunk, or set on two lines,
//! never cut), the company, the QR ticket, and a colour band for the role. The font is
//! embedded (a subset of DejaVu Sans Bold), so the badge prints the same everywhere.

use std::collections::BTreeMap;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str};
use subsetter::GlyphRemapper;

static FONT: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// A6 in points; four of them tile A4 exactly.
const W: f32 = 297.64;
const H: f32 = 420.94;
const MARGIN: f32 = 16.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Role {
    Attendee,
    Speaker,
    Team,
}

impl Role {
    fn colour(self) -> (f32, f32, f32) {
        match self {
            Role::Attendee => (0.18, 0.55, 0.27),
            Role::Speaker => (0.85, 0.30, 0.06),
            Role::Team => (0.10, 0.40, 0.75),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Badge {
    pub name: String,
    pub company: String,
    pub role: Role,
    /// The role as printed in the band, in the edition's language.
    pub role_label: String,
    pub edition: String,
    pub code: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One A6 badge per page.
    Single,
    /// Four badges per A4 page, with crop marks.
    Sheet,
}

/// The glyphs used so far, renumbered for the subset.
struct Font {
    face: ttf_parser::Face<'static>,
    remapper: GlyphRemapper,
    /// new glyph id → (old glyph id, the character), for widths and copy-paste.
    used: BTreeMap<u16, (u16, char)>,
    per_em: f32,
}

impl Font {
    fn new() -> anyhow::Result<Font> {
        let face = ttf_parser::Face::parse(FONT, 0)?;
        let per_em = f32::from(face.units_per_em());
        Ok(Font {
            face,
            remapper: GlyphRemapper::new(),
            used: BTreeMap::new(),
            per_em,
        })
    }

    fn glyph(&self, c: char) -> u16 {
        self.face.glyph_index(c).map(|g| g.0).unwrap_or(0)
    }

    /// Advance of a glyph in thousandths of the font size.
    fn advance(&self, gid: u16) -> f32 {
        self.face
            .glyph_hor_advance(ttf_parser::GlyphId(gid))
            .map(|a| f32::from(a) * 1000.0 / self.per_em)
            .unwrap_or(0.0)
    }

    fn width(&self, text: &str, size: f32) -> f32 {
        text.chars()
            .map(|c| self.advance(self.glyph(c)))
            .sum::<f32>()
            * size
            / 1000.0
    }

    /// The text as two-byte glyph ids of the subset (Identity-H).
    fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let old = self.glyph(c);
            let new = self.remapper.remap(old);
            self.used.entry(new).or_insert((old, c));
            out.extend_from_slice(&new.to_be_bytes());
        }
        out
    }
}

struct Page<'a> {
    content: Content,
    font: &'a mut Font,
}

impl Page<'_> {
    fn text(&mut self, text: &str, size: f32, x: f32, y: f32, rgb: (f32, f32, f32)) {
        let encoded = self.font.encode(text);
        self.content
            .set_fill_rgb(rgb.0, rgb.1, rgb.2)
            .begin_text()
            .set_font(Name(b"F1"), size)
            .next_line(x, y)
            .show(Str(&encoded))
            .end_text();
    }

    /// Centred in the badge whose left edge is `left`.
    fn centred(&mut self, text: &str, size: f32, left: f32, y: f32, rgb: (f32, f32, f32)) {
        let x = left + (W - self.font.width(text, size)) / 2.0;
        self.text(text, size, x, y, rgb);
    }

    /// The largest size up to `max` at which every line fits the badge's width.
    fn fitting(&self, lines: &[&str], max: f32) -> f32 {
        let widest = lines
            .iter()
            .map(|l| self.font.width(l, 1.0))
            .fold(0.0_f32, f32::max);
        if widest <= 0.0 {
            max
        } else {
            max.min((W - 2.0 * MARGIN) / widest)
        }
    }

    fn badge(&mut self, badge: &Badge, left: f32, bottom: f32) -> anyhow::Result<()> {
        let black = (0.0, 0.0, 0.0);
        let top = bottom + H;
        self.centred(
            &badge.edition,
            12.0,
            left,
            top - MARGIN - 12.0,
            (0.35, 0.35, 0.35),
        );

        // The name: one line as large as fits; a long name with a space may do better on two.
        let name = badge.name.trim();
        let one = self.fitting(&[name], 34.0);
        let split = name
            .char_indices()
            .filter(|(_, c)| *c == ' ')
            .min_by_key(|(i, _)| i.abs_diff(name.len() / 2))
            .map(|(i, _)| (name[..i].trim(), name[i..].trim()));
        let name_y = top - 105.0;
        match split {
            Some((a, b)) if one < 20.0 && self.fitting(&[a, b], 34.0) > one * 1.2 => {
                let size = self.fitting(&[a, b], 34.0);
                self.centred(a, size, left, name_y + size * 0.55, black);
                self.centred(b, size, left, name_y - size * 0.65, black);
            }
            _ => self.centred(name, one, left, name_y - one * 0.35, black),
        }
        let company = badge.company.trim();
        if !company.is_empty() {
            let size = self.fitting(&[company], 14.0);
            self.centred(company, size, left, top - 165.0, (0.25, 0.25, 0.25));
        }

        // The QR ticket, with its quiet zone.
        let (modules, dark) = crate::qr::modules(&badge.code)?;
        let side = 150.0;
        let unit = side / modules as f32;
        let (qx, qy) = (left + (W - side) / 2.0, bottom + 62.0);
        self.content.set_fill_rgb(0.0, 0.0, 0.0);
        for (i, is_dark) in dark.iter().enumerate() {
            if *is_dark {
                let (col, row) = ((i % modules) as f32, (i / modules) as f32);
                self.content
                    .rect(qx + col * unit, qy + side - (row + 1.0) * unit, unit, unit);
            }
        }
        self.content.fill_nonzero();

        // The role band.
        let (r, g, b) = badge.role.colour();
        self.content
            .set_fill_rgb(r, g, b)
            .rect(left, bottom, W, 46.0)
            .fill_nonzero();
        let label = badge.role_label.to_uppercase();
        let size = self.fitting(&[&label], 20.0);
        self.centred(&label, size, left, bottom + 16.0, (1.0, 1.0, 1.0));
        Ok(())
    }

    /// Cut lines between the four badges of a sheet, outside the printed area.
    fn crop_marks(&mut self) {
        let c = &mut self.content;
        c.set_line_width(0.5).set_stroke_rgb(0.0, 0.0, 0.0);
        for (x0, y0, x1, y1) in [
            (W, 2.0 * H, W, 2.0 * H - 10.0),
            (W, 0.0, W, 10.0),
            (0.0, H, 10.0, H),
            (2.0 * W, H, 2.0 * W - 10.0, H),
            (W - 6.0, H, W + 6.0, H),
            (W, H - 6.0, W, H + 6.0),
        ] {
            c.move_to(x0, y0).line_to(x1, y1);
        }
        c.stroke();
    }
}

fn compressed(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}

/// The badges as one PDF.
pub fn render(badges: &[Badge], layout: Layout) -> anyhow::Result<Vec<u8>> {
    let mut font = Font::new()?;
    let per_page = match layout {
        Layout::Single => 1,
        Layout::Sheet => 4,
    };
    let (page_w, page_h) = match layout {
        Layout::Single => (W, H),
        Layout::Sheet => (2.0 * W, 2.0 * H),
    };
    let mut contents = Vec::new();
    for chunk in badges.chunks(per_page) {
        let mut page = Page {
            content: Content::new(),
            font: &mut font,
        };
        for (i, badge) in chunk.iter().enumerate() {
            let (left, bottom) = match layout {
                Layout::Single => (0.0, 0.0),
                // Reading order: top left, top right, bottom left, bottom right.
                Layout::Sheet => ((i % 2) as f32 * W, if i < 2 { H } else { 0.0 }),
            };
            page.badge(badge, left, bottom)?;
        }
        if layout == Layout::Sheet {
            page.crop_marks();
        }
        contents.push(page.content.finish());
    }

    let mut pdf = Pdf::new();
    let mut next = 1;
    let mut alloc = || {
        next += 1;
        Ref::new(next - 1)
    };
    let (catalog, tree) = (alloc(), alloc());
    let (type0, cid, descriptor, file, cmap) = (alloc(), alloc(), alloc(), alloc(), alloc());
    let pages: Vec<(Ref, Ref)> = contents.iter().map(|_| (alloc(), alloc())).collect();

    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(pages.iter().map(|(p, _)| *p))
        .count(i32::try_from(pages.len())?);
    for ((page_id, content_id), content) in pages.iter().zip(&contents) {
        let mut page = pdf.page(*page_id);
        page.media_box(Rect::new(0.0, 0.0, page_w, page_h))
            .parent(tree)
            .contents(*content_id);
        page.resources().fonts().pair(Name(b"F1"), type0);
        page.finish();
        pdf.stream(*content_id, &compressed(content))
            .filter(Filter::FlateDecode);
    }

    // The font: only the glyphs used, as a CID font with two-byte glyph ids.
    let base = Name(b"DVSUBS+DejaVuSans-Bold");
    let system = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    pdf.type0_font(type0)
        .base_font(base)
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid)
        .to_unicode(cmap);
    let mut cid_font = pdf.cid_font(cid);
    cid_font
        .subtype(CidFontType::Type2)
        .base_font(base)
        .system_info(system)
        .font_descriptor(descriptor)
        .cid_to_gid_map_predefined(Name(b"Identity"));
    let widths: Vec<(u16, f32)> = font
        .used
        .iter()
        .map(|(new, (old, _))| (*new, font.advance(*old)))
        .collect();
    {
        let mut w = cid_font.widths();
        for (gid, width) in widths {
            w.consecutive(gid, [width]);
        }
    }
    cid_font.finish();
    let bbox = font.face.global_bounding_box();
    let scale = 1000.0 / font.per_em;
    pdf.font_descriptor(descriptor)
        .name(base)
        .flags(FontFlags::NON_SYMBOLIC)
        .bbox(Rect::new(
            f32::from(bbox.x_min) * scale,
            f32::from(bbox.y_min) * scale,
            f32::from(bbox.x_max) * scale,
            f32::from(bbox.y_max) * scale,
        ))
        .italic_angle(0.0)
        .ascent(f32::from(font.face.ascender()) * scale)
        .descent(f32::from(font.face.descender()) * scale)
        .cap_height(f32::from(font.face.capital_height().unwrap_or(700)) * scale)
        .stem_v(120.0)
        .font_file2(file);
    let subset = subsetter::subset(FONT, 0, &font.remapper)
        .map_err(|e| anyhow::anyhow!("font subset: {e}"))?;
    pdf.stream(file, &compressed(&subset))
        .filter(Filter::FlateDecode);
    let mut unicode = pdf_writer::types::UnicodeCmap::new(Name(b"Custom"), system);
    for (new, (_, c)) in &font.used {
        unicode.pair(*new, *c);
    }
    pdf.cmap(cmap, &unicode.finish());
    Ok(pdf.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn badge(name: &str) -> Badge {
        Badge {
            name: name.into(),
            company: "Kühne & Söhne GmbH".into(),
            role: Role::Speaker,
            role_label: "Speaker".into(),
            edition: "DevDay 2030".into(),
            code: "devday:1:dd-2030:0b9d6a8e-5b8f-4a63-9d0c-6f3c1f1e2a7b:0:sig".into(),
        }
    }

    #[test]
    fn a_sheet_has_one_page_per_four_badges_and_embeds_a_small_font() -> anyhow::Result<()> {
        let badges: Vec<Badge> = (0..5).map(|i| badge(&format!("Person {i}"))).collect();
        let pdf = render(&badges, Layout::Sheet)?;
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.starts_with("%PDF-"));
        let pages = text.matches("/Type /Page").count() - text.matches("/Type /Pages").count();
        assert_eq!(pages, 2);
        assert!(text.contains("/FontFile2"));
        assert!(
            pdf.len() < 60_000,
            "the font was not subset: {} bytes",
            pdf.len()
        );
        Ok(())
    }

    #[test]
    fn long_names_shrink_to_fit_the_badge() -> anyhow::Result<()> {
        let font = Font::new()?;
        let page = Page {
            content: Content::new(),
            font: &mut Font::new()?,
        };
        let long = "Maximiliane Theodora von Hohenzollern-Sigmaringen";
        let size = page.fitting(&[long], 34.0);
        assert!(size < 34.0);
        assert!(font.width(long, size) <= W - 2.0 * MARGIN + 0.01);
        assert_eq!(page.fitting(&["Ann"], 34.0), 34.0);
        Ok(())
    }
}
