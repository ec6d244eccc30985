//! An attendee's ticket as one A4 page: the event in a band at the top, the holder, the
//! facts they need on the day (when, where, workshops), the QR code large enough to scan
//! from a crumpled print, and the short code under it. The words come in the holder's
//! language from the caller; this only lays them out.

use super::{document, Font, Page, Rgb, BLACK};

/// A4 in points.
const W: f32 = 595.28;
const H: f32 = 841.89;
const MARGIN: f32 = 56.0;
const INNER: f32 = W - 2.0 * MARGIN;
const INK: Rgb = (0.10, 0.20, 0.38);
const GREY: Rgb = (0.33, 0.33, 0.33);
const WHITE: Rgb = (1.0, 1.0, 1.0);

/// What a printed ticket says, already in the holder's language.
#[derive(Debug, Clone)]
pub struct TicketPrint {
    pub edition: String,
    /// "Ticket" in the holder's language.
    pub heading: String,
    pub name: String,
    pub ticket_types: String,
    /// Label and text: when, where, each workshop with its time.
    pub facts: Vec<(String, String)>,
    /// The signed text of the QR code.
    pub code: String,
    /// The short code as printed (`K7Q-M3X-TRZ`), with the line that says what it is for.
    pub short_code: String,
    pub short_code_label: String,
    /// A last line: how to use the ticket, where to change the registration.
    pub hint: String,
}

impl Page<'_> {
    fn ticket(&mut self, t: &TicketPrint) -> anyhow::Result<()> {
        self.band((0.0, H - 120.0, W, 120.0), INK);
        self.text(&t.heading.to_uppercase(), 11.0, MARGIN, H - 42.0, WHITE);
        let size = self.fitting(&[&t.edition], 30.0, INNER);
        self.text(&t.edition, size, MARGIN, H - 84.0, WHITE);

        let size = self.fitting(&[&t.name], 28.0, INNER);
        self.text(&t.name, size, MARGIN, H - 170.0, BLACK);
        let mut y = H - 196.0;
        for line in self.wrapped(&t.ticket_types, 13.0, INNER) {
            self.text(&line, 13.0, MARGIN, y, GREY);
            y -= 17.0;
        }

        y -= 14.0;
        for (label, text) in &t.facts {
            self.text(&label.to_uppercase(), 9.0, MARGIN, y, GREY);
            y -= 17.0;
            for line in self.wrapped(text, 13.0, INNER) {
                self.text(&line, 13.0, MARGIN, y, BLACK);
                y -= 17.0;
            }
            y -= 9.0;
        }

        // The QR code takes what is left above the short code and the hint, up to 230 pt
        // (about 8 cm: a scanner reads it from arm's length).
        let side = (y - 20.0 - 160.0).clamp(140.0, 230.0);
        let qr_bottom = y - 20.0 - side;
        self.qr(&t.code, (W - side) / 2.0, qr_bottom, side)?;
        let column = (0.0, W);
        let size = self.fitting(&[&t.short_code_label], 10.0, INNER);
        self.centred(&t.short_code_label, size, column, qr_bottom - 22.0, GREY);
        self.centred(&t.short_code, 26.0, column, qr_bottom - 54.0, BLACK);

        let mut y = 64.0;
        let lines = self.wrapped(&t.hint, 9.0, INNER);
        y += 12.0 * lines.len() as f32;
        for line in lines {
            self.text(&line, 9.0, MARGIN, y, GREY);
            y -= 12.0;
        }
        Ok(())
    }
}

/// The ticket as a one-page A4 PDF.
pub fn ticket(t: &TicketPrint) -> anyhow::Result<Vec<u8>> {
    let mut font = Font::new()?;
    let mut page = Page::new(&mut font);
    page.ticket(t)?;
    let content = page.content.finish();
    document(&[content], (W, H), font)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ticket_is_one_a4_page_carrying_its_words() -> anyhow::Result<()> {
        let pdf = ticket(&TicketPrint {
            edition: "DevDay 2030".into(),
            heading: "Ticket".into(),
            name: "Zoë Łukasiewicz".into(),
            ticket_types: "Conference, Rust workshop".into(),
            facts: vec![
                ("When".into(), "Thu 16 May 2030".into()),
                ("Where".into(), "Lingnerplatz 1, 01069 Dresden".into()),
            ],
            code: "devday:1:dd-2030:0b9d6a8e:0:sig".into(),
            short_code: "K7Q-M3X-TRZ".into(),
            short_code_label: "Type this if the QR code will not scan".into(),
            hint: "Show this page at the entrance.".into(),
        })?;
        let text = String::from_utf8_lossy(&pdf);
        let pages = text.matches("/Type /Page").count() - text.matches("/Type /Pages").count();
        assert_eq!(pages, 1);
        assert!(text.contains("/MediaBox [0 0 595.28 841.89]"), "A4");
        Ok(())
    }
}
