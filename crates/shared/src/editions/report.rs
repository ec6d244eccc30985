//! What last year teaches: the edition report. Each domain says what its part shows (a
//! [`ReportSource`]: key numbers, curves over the year with past editions on the same axes,
//! bars), the binary lists the sources as it does the dashboard's panels, and the report
//! page, its CSV and the comparison of every edition are drawn from the same sections.
//! Sources count rows, never read people's details, so a privacy purge changes nothing here.

use serde::Serialize;

use super::overview::{percent, scaled, Bar, Label};
use super::Edition;
use crate::error::AppResult;
use crate::i18n::Locale;
use devday_db::DbConn;

/// A domain's part of the report on `edition`; `past` are the editions before it, newest
/// first, for the curves. An empty list when it has nothing to say.
pub type ReportSource = fn(&mut DbConn, &Edition, &[Edition], Locale) -> AppResult<Vec<Section>>;

/// A key number, perhaps out of a total ("31 of 120": a rate). Its key is a message id and
/// the comparison's column.
#[derive(Debug, Clone, Serialize)]
pub struct Number {
    pub key: &'static str,
    pub value: i64,
    pub of: Option<i64>,
    /// `value` of `of` in whole percent.
    pub percent: Option<i64>,
}

/// One edition's cumulative count over the days of its year.
#[derive(Debug, Clone, Serialize)]
pub struct Curve {
    pub edition: String,
    /// The edition the report is about (drawn solid; past ones dashed).
    pub current: bool,
    /// (day on the chart's axis, running total), in day order.
    pub points: Vec<(i64, i64)>,
}

/// Curves on the same axes: `x` counts days from a moment each edition has (its CfP's
/// opening, its first day).
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    /// Message ids: the chart's title and what its days count from.
    pub title: &'static str,
    pub axis: &'static str,
    pub curves: Vec<Curve>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Bars {
    pub title: &'static str,
    pub bars: Vec<Bar>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub title: &'static str,
    pub numbers: Vec<Number>,
    pub charts: Vec<Chart>,
    pub bars: Vec<Bars>,
}

impl Section {
    pub fn new(title: &'static str) -> Self {
        Section {
            title,
            numbers: Vec::new(),
            charts: Vec::new(),
            bars: Vec::new(),
        }
    }

    pub fn number(mut self, key: &'static str, value: i64, of: Option<i64>) -> Self {
        self.numbers.push(Number {
            key,
            value,
            of,
            percent: of.map(|of| percent(value, of)),
        });
        self
    }

    pub fn chart(mut self, chart: Chart) -> Self {
        self.charts.push(chart);
        self
    }

    /// Bars scaled to their own total where they have one, else to the largest value; a
    /// group without bars is left out.
    pub fn bars(mut self, title: &'static str, rows: Vec<(Label, i64, Option<i64>)>) -> Self {
        if rows.is_empty() {
            return self;
        }
        self.bars.push(Bars {
            title,
            bars: scaled(rows),
        });
        self
    }
}

/// A running total per day from event days: `(day, how many)` pairs in any order become
/// the cumulative count at each day that changed it.
pub fn cumulative(mut days: Vec<i64>) -> Vec<(i64, i64)> {
    days.sort_unstable();
    let mut points: Vec<(i64, i64)> = Vec::new();
    for (n, day) in days.into_iter().enumerate() {
        let total = n as i64 + 1;
        match points.last_mut() {
            Some(last) if last.0 == day => last.1 = total,
            _ => points.push((day, total)),
        }
    }
    points
}

/// Every section of `edition`'s report.
pub fn sections(
    conn: &mut DbConn,
    edition: &Edition,
    all: &[Edition],
    sources: &[ReportSource],
    locale: Locale,
) -> AppResult<Vec<Section>> {
    let past: Vec<Edition> = all
        .iter()
        .filter(|e| e.starts_on < edition.starts_on)
        .cloned()
        .collect();
    let mut out = Vec::new();
    for source in sources {
        out.extend(source(conn, edition, &past, locale)?);
    }
    Ok(out)
}

/// A chart as SVG coordinates: each curve a polyline in a `W`×`H` box, the axes' ticks.
#[derive(Debug, Clone, Serialize)]
pub struct ChartView {
    pub title: &'static str,
    pub axis: &'static str,
    pub width: i64,
    pub height: i64,
    pub lines: Vec<LineView>,
    pub x_ticks: Vec<(i64, i64)>,
    pub y_ticks: Vec<(i64, i64)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LineView {
    pub edition: String,
    pub current: bool,
    /// 0 for the edition itself, then 1, 2, 3… for the years before it (each drawn lighter).
    pub rank: usize,
    /// "x,y x,y …" for `<polyline points>`.
    pub points: String,
    pub total: i64,
    /// Where the curve ends, for its label.
    pub end: (i64, i64),
}

const W: i64 = 640;
const H: i64 = 240;

impl ChartView {
    pub fn new(chart: &Chart) -> Self {
        let xs = chart
            .curves
            .iter()
            .flat_map(|c| c.points.iter().map(|p| p.0));
        let (lo, hi) = xs.fold((0, 1), |(lo, hi), x| (lo.min(x), hi.max(x)));
        let top = chart
            .curves
            .iter()
            .flat_map(|c| c.points.iter().map(|p| p.1))
            .max()
            .unwrap_or(0)
            .max(1);
        let span = (hi - lo).max(1);
        let x = |day: i64| (day - lo) * W / span;
        let y = |n: i64| H - n * H / top;
        let lines = chart
            .curves
            .iter()
            .enumerate()
            .map(|(rank, curve)| {
                // A step line: each total holds until the next day that changed it.
                let mut at = Vec::new();
                let mut previous = 0;
                for &(day, total) in &curve.points {
                    at.push((x(day), y(previous)));
                    at.push((x(day), y(total)));
                    previous = total;
                }
                let end = at.last().copied().unwrap_or((0, H));
                LineView {
                    edition: curve.edition.clone(),
                    current: curve.current,
                    rank: rank.min(3),
                    points: at
                        .iter()
                        .map(|(x, y)| format!("{x},{y}"))
                        .collect::<Vec<_>>()
                        .join(" "),
                    total: previous,
                    end,
                }
            })
            .collect();
        let step = nice_step(span);
        let first = lo.div_euclid(step) * step;
        let x_ticks = (0..)
            .map(|i| first + i * step)
            .skip_while(|d| *d < lo)
            .take_while(|d| *d <= hi)
            .map(|d| (x(d), d))
            .collect();
        let y_step = nice_step(top);
        let y_ticks = (0..)
            .map(|i| i * y_step)
            .take_while(|n| *n <= top)
            .map(|n| (y(n), n))
            .collect();
        ChartView {
            title: chart.title,
            axis: chart.axis,
            width: W,
            height: H,
            lines,
            x_ticks,
            y_ticks,
        }
    }
}

/// A round step that divides `span` into about five parts.
fn nice_step(span: i64) -> i64 {
    let raw = (span / 5).max(1);
    let magnitude = 10_i64.pow(raw.ilog10());
    [1, 2, 5, 10]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|step| *step >= raw)
        .unwrap_or(10 * magnitude)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_totals_keep_one_point_per_day() {
        assert_eq!(cumulative(vec![3, 1, 3, 7]), vec![(1, 1), (3, 3), (7, 4)]);
        assert!(cumulative(Vec::new()).is_empty());
    }

    #[test]
    fn charts_fit_every_curve_on_the_same_axes() {
        let chart = Chart {
            title: "t",
            axis: "a",
            curves: vec![
                Curve {
                    edition: "2026".into(),
                    current: true,
                    points: vec![(0, 10), (40, 20)],
                },
                Curve {
                    edition: "2025".into(),
                    current: false,
                    points: vec![(-10, 5), (80, 40)],
                },
            ],
        };
        let view = ChartView::new(&chart);
        // The longer past curve sets the axes: it ends top right.
        assert_eq!(view.lines[1].end, (W, 0));
        assert_eq!(view.lines[0].total, 20);
        assert_eq!(view.lines[0].end, ((40 + 10) * W / 90, H - 20 * H / 40));
        assert_eq!(nice_step(90), 20);
        assert_eq!(nice_step(4), 1);
        assert!(view.x_ticks.iter().all(|(x, _)| (0..=W).contains(x)));
    }
}
