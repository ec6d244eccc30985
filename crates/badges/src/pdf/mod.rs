//! PDFs devday prints: badges (`badge`) and attendees' tickets (`ticket`). Both embed a
//! subset of DejaVu Sans Bold, so they print the same everywhere, and draw QR codes as
//! vector squares, sharp at any size.

use std::collections::BTreeMap;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str};
use subsetter::GlyphRemapper;

mod badge;
mod ticket;

pub use badge::{render, Badge, Layout, Role};
pub use ticket::{ticket, TicketPrint};

static FONT: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");

type Rgb = (f32, f32, f32);
const BLACK: Rgb = (0.0, 0.0, 0.0);

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

/// One page being drawn; every page of a document shares the font.
struct Page<'a> {
    content: Content,
    font: &'a mut Font,
}

impl Page<'_> {
    fn new(font: &mut Font) -> Page<'_> {
        Page {
            content: Content::new(),
            font,
        }
    }

    fn text(&mut self, text: &str, size: f32, x: f32, y: f32, rgb: Rgb) {
        let encoded = self.font.encode(text);
        self.content
            .set_fill_rgb(rgb.0, rgb.1, rgb.2)
            .begin_text()
            .set_font(Name(b"F1"), size)
            .next_line(x, y)
            .show(Str(&encoded))
            .end_text();
    }

    /// Centred in the column `width` wide whose left edge is `left`.
    fn centred(&mut self, text: &str, size: f32, (left, width): (f32, f32), y: f32, rgb: Rgb) {
        let x = left + (width - self.font.width(text, size)) / 2.0;
        self.text(text, size, x, y, rgb);
    }

    /// The largest size up to `max` at which every line fits `width`.
    fn fitting(&self, lines: &[&str], max: f32, width: f32) -> f32 {
        let widest = lines
            .iter()
            .map(|l| self.font.width(l, 1.0))
            .fold(0.0_f32, f32::max);
        if widest <= 0.0 {
            max
        } else {
            max.min(width / widest)
        }
    }

    /// `text` broken at spaces into lines no wider than `width` at `size` (a word wider than
    /// that stands on its own line).
    fn wrapped(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        for word in text.split_whitespace() {
            match lines.last_mut() {
                Some(line) if self.font.width(&format!("{line} {word}"), size) <= width => {
                    line.push(' ');
                    line.push_str(word);
                }
                _ => lines.push(word.to_owned()),
            }
        }
        lines
    }

    /// A QR code `side` points wide with its lower left corner at (x, y).
    fn qr(&mut self, code: &str, x: f32, y: f32, side: f32) -> anyhow::Result<()> {
        let (modules, dark) = crate::qr::modules(code)?;
        let unit = side / modules as f32;
        self.content.set_fill_rgb(0.0, 0.0, 0.0);
        for (i, is_dark) in dark.iter().enumerate() {
            if *is_dark {
                let (col, row) = ((i % modules) as f32, (i / modules) as f32);
                self.content
                    .rect(x + col * unit, y + side - (row + 1.0) * unit, unit, unit);
            }
        }
        self.content.fill_nonzero();
        Ok(())
    }

    fn band(&mut self, (x, y, w, h): (f32, f32, f32, f32), rgb: Rgb) {
        self.content
            .set_fill_rgb(rgb.0, rgb.1, rgb.2)
            .rect(x, y, w, h)
            .fill_nonzero();
    }
}

fn compressed(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}

/// The drawn pages, all `page_w` × `page_h` points, as one PDF with the font they used.
fn document(
    contents: &[Vec<u8>],
    (page_w, page_h): (f32, f32),
    font: Font,
) -> anyhow::Result<Vec<u8>> {
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
    for ((page_id, content_id), content) in pages.iter().zip(contents) {
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
