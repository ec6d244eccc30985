//! The edition's dashboard: where the year stands, one panel per domain, and the warnings
//! that need someone. Each domain says what its panel shows (a [`PanelSource`]); the binary
//! lists the sources, as it does the seeds, so this crate knows none of them.

use serde::Serialize;

use super::Edition;
use crate::error::AppResult;
use crate::i18n::Locale;
use devday_db::DbConn;

/// A domain's panel for an edition; `None` when it has nothing to say yet.
pub type PanelSource = fn(&mut DbConn, &Edition, Locale) -> AppResult<Option<Panel>>;

/// What a panel is about: a message id, or a name organisers gave (already in the reader's
/// language).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Label {
    Key(&'static str),
    Name(String),
}

/// A headline number, perhaps out of a total ("412 of 450").
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    pub label: Label,
    pub value: i64,
    pub of: Option<i64>,
}

/// One row of a bar chart; `percent` is of the chart's largest value (or of `of`).
#[derive(Debug, Clone, Serialize)]
pub struct Bar {
    pub label: Label,
    pub value: i64,
    pub of: Option<i64>,
    pub percent: i64,
}

/// Something that needs someone, with where to fix it.
#[derive(Debug, Clone, Serialize)]
pub struct Warning {
    /// A message id taking `$n`.
    pub key: &'static str,
    pub n: i64,
    pub link: String,
}

/// Columns over days (registrations per day); heights in percent of the highest.
#[derive(Debug, Clone, Serialize)]
pub struct Series {
    pub label: &'static str,
    /// (ISO date, value, height in percent)
    pub points: Vec<(String, i64, i64)>,
    pub total: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Panel {
    /// A message id.
    pub title: &'static str,
    /// The page where this work is done.
    pub link: String,
    pub figures: Vec<Figure>,
    pub bars: Vec<Bar>,
    pub series: Option<Series>,
    pub warnings: Vec<Warning>,
}

impl Panel {
    pub fn new(title: &'static str, link: String) -> Self {
        Panel {
            title,
            link,
            figures: Vec::new(),
            bars: Vec::new(),
            series: None,
            warnings: Vec::new(),
        }
    }

    pub fn figure(mut self, label: Label, value: i64, of: Option<i64>) -> Self {
        self.figures.push(Figure { label, value, of });
        self
    }

    /// Bars, each scaled to its own total where it has one, else to the largest value.
    pub fn bars(mut self, rows: Vec<(Label, i64, Option<i64>)>) -> Self {
        self.bars = scaled(rows);
        self
    }

    /// A warning when `n` is more than nothing.
    pub fn warn(mut self, key: &'static str, n: i64, link: String) -> Self {
        if n > 0 {
            self.warnings.push(Warning { key, n, link });
        }
        self
    }

    pub fn series(mut self, label: &'static str, points: Vec<(String, i64)>) -> Self {
        let max = points.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1);
        let total = points.iter().map(|(_, v)| v).sum();
        self.series = Some(Series {
            label,
            points: points
                .into_iter()
                .map(|(day, v)| (day, v, percent(v, max)))
                .collect(),
            total,
        });
        self
    }
}

/// Bar chart rows, each scaled to its own total where it has one, else to the largest value.
pub fn scaled(rows: Vec<(Label, i64, Option<i64>)>) -> Vec<Bar> {
    let max = rows.iter().map(|(_, v, _)| *v).max().unwrap_or(0).max(1);
    rows.into_iter()
        .map(|(label, value, of)| Bar {
            percent: percent(value, of.unwrap_or(max)),
            label,
            value,
            of,
        })
        .collect()
}

/// `value` of `whole` in whole percent, 0 to 100.
pub fn percent(value: i64, whole: i64) -> i64 {
    if whole <= 0 {
        return 0;
    }
    (value.max(0).saturating_mul(100) / whole).min(100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_their_total_or_the_largest() {
        let panel = Panel::new("t", String::new()).bars(vec![
            (Label::Key("a"), 45, Some(90)),
            (Label::Key("b"), 10, None),
            (Label::Key("c"), 40, None),
        ]);
        let got: Vec<i64> = panel.bars.iter().map(|b| b.percent).collect();
        assert_eq!(got, vec![50, 22, 88]);
        assert_eq!(percent(5, 0), 0);
        assert_eq!(percent(120, 100), 100);
    }

    #[test]
    fn only_warnings_with_something_to_do_are_shown() {
        let panel = Panel::new("t", String::new())
            .warn("none", 0, "/a".into())
            .warn("some", 3, "/b".into());
        assert_eq!(panel.warnings.len(), 1);
        assert_eq!(panel.warnings[0].key, "some");
    }
}
