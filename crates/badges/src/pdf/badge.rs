//! Print-ready badges: single A6 badges, or A4 sheets of four with crop marks. Each badge
//! has the edition's name, the holder's name as large as fits (shrunk, or set on two lines,
//! never cut), the company, the QR ticket, and a colour band for the role.

use super::{document, Font, Page, BLACK};

/// A6 in points; four of them tile A4 exactly.
const W: f32 = 297.64;
const H: f32 = 420.94;
const MARGIN: f32 = 16.0;
/// The width text may take inside a badge's margins.
const INNER: f32 = W - 2.0 * MARGIN;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Role {
    Attendee,
    Speaker,
    Team,
}

impl Role {
    /// A role as a form or the command line names it.
    pub fn parse(word: &str) -> Option<Role> {
        match word {
            "attendee" => Some(Role::Attendee),
            "speaker" => Some(Role::Speaker),
            "team" => Some(Role::Team),
            _ => None,
        }
    }

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

impl Layout {
    /// A layout as a form or the command line names it.
    pub fn parse(word: &str) -> Option<Layout> {
        match word {
            "single" => Some(Layout::Single),
            "sheet" => Some(Layout::Sheet),
            _ => None,
        }
    }
}

impl Page<'_> {
    fn badge(&mut self, badge: &Badge, left: f32, bottom: f32) -> anyhow::Result<()> {
        let column = (left, W);
        let top = bottom + H;
        self.centred(
            &badge.edition,
            12.0,
            column,
            top - MARGIN - 12.0,
            (0.35, 0.35, 0.35),
        );

        // The name: one line as large as fits; a long name with a space may do better on two.
        let name = badge.name.trim();
        let one = self.fitting(&[name], 34.0, INNER);
        let split = name
            .char_indices()
            .filter(|(_, c)| *c == ' ')
            .min_by_key(|(i, _)| i.abs_diff(name.len() / 2))
            .map(|(i, _)| (name[..i].trim(), name[i..].trim()));
        let name_y = top - 105.0;
        match split {
            Some((a, b)) if one < 20.0 && self.fitting(&[a, b], 34.0, INNER) > one * 1.2 => {
                let size = self.fitting(&[a, b], 34.0, INNER);
                self.centred(a, size, column, name_y + size * 0.55, BLACK);
                self.centred(b, size, column, name_y - size * 0.65, BLACK);
            }
            _ => self.centred(name, one, column, name_y - one * 0.35, BLACK),
        }
        let company = badge.company.trim();
        if !company.is_empty() {
            let size = self.fitting(&[company], 14.0, INNER);
            self.centred(company, size, column, top - 165.0, (0.25, 0.25, 0.25));
        }

        // The QR ticket, with its quiet zone.
        let side = 150.0;
        self.qr(&badge.code, left + (W - side) / 2.0, bottom + 62.0, side)?;

        // The role band.
        self.band((left, bottom, W, 46.0), badge.role.colour());
        let label = badge.role_label.to_uppercase();
        let size = self.fitting(&[&label], 20.0, INNER);
        self.centred(&label, size, column, bottom + 16.0, (1.0, 1.0, 1.0));
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

/// The badges as one PDF.
pub fn render(badges: &[Badge], layout: Layout) -> anyhow::Result<Vec<u8>> {
    let mut font = Font::new()?;
    let per_page = match layout {
        Layout::Single => 1,
        Layout::Sheet => 4,
    };
    let size = match layout {
        Layout::Single => (W, H),
        Layout::Sheet => (2.0 * W, 2.0 * H),
    };
    let mut contents = Vec::new();
    for chunk in badges.chunks(per_page) {
        let mut page = Page::new(&mut font);
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
    document(&contents, size, font)
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
        let mut other = Font::new()?;
        let page = Page::new(&mut other);
        let long = "Maximiliane Theodora von Hohenzollern-Sigmaringen";
        let size = page.fitting(&[long], 34.0, INNER);
        assert!(size < 34.0);
        assert!(font.width(long, size) <= W - 2.0 * MARGIN + 0.01);
        assert_eq!(page.fitting(&["Ann"], 34.0, INNER), 34.0);
        Ok(())
    }
}
