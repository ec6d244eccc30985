//! The numbers organisers decide by: per proposal the weighted mean, median, count and
//! spread of its reviews' scores.

use serde::Serialize;

/// A review's scores as (category weight, score); abstentions carry none.
pub type ReviewScores = Vec<(i32, i32)>;

/// One review's weighted score: Σ weight·score / Σ weight.
pub fn weighted(scores: &[(i32, i32)]) -> Option<f64> {
    let total_weight: i32 = scores.iter().map(|(w, _)| *w).sum();
    if total_weight <= 0 {
        return None;
    }
    let sum: i64 = scores
        .iter()
        .map(|(w, s)| i64::from(*w) * i64::from(*s))
        .sum();
    Some(sum as f64 / f64::from(total_weight))
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Stats {
    /// Reviews with scores (abstentions not counted).
    pub count: usize,
    pub abstentions: usize,
    pub mean: Option<f64>,
    pub median: Option<f64>,
    /// Highest minus lowest review score: a large spread means the committee disagrees.
    pub spread: Option<f64>,
}

pub fn stats(reviews: &[ReviewScores]) -> Stats {
    let mut values: Vec<f64> = reviews.iter().filter_map(|r| weighted(r)).collect();
    let abstentions = reviews.len() - values.len();
    if values.is_empty() {
        return Stats {
            abstentions,
            ..Default::default()
        };
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    let mean = values.iter().sum::<f64>() / n as f64;
    let median = if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    };
    Stats {
        count: n,
        abstentions,
        mean: Some(round(mean)),
        median: Some(round(median)),
        spread: Some(round(values[n - 1] - values[0])),
    }
}

fn round(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_count_in_each_review() {
        // Relevance weight 2 scored 3, quality weight 1 scored 0: (6 + 0) / 3 = 2.
        assert_eq!(weighted(&[(2, 3), (1, 0)]), Some(2.0));
        assert_eq!(weighted(&[]), None);
    }

    #[test]
    fn mean_median_spread_and_abstentions() {
        let reviews = vec![
            vec![(1, 3), (1, 3)],
            vec![(1, 1), (1, 2)],
            vec![],
            vec![(1, 0), (1, 1)],
        ];
        let s = stats(&reviews);
        assert_eq!(s.count, 3);
        assert_eq!(s.abstentions, 1);
        assert_eq!(s.mean, Some(1.67)); // (3 + 1.5 + 0.5) / 3
        assert_eq!(s.median, Some(1.5));
        assert_eq!(s.spread, Some(2.5));
        let even = stats(&[vec![(1, 1)], vec![(1, 2)]]);
        assert_eq!(even.median, Some(1.5));
        assert_eq!(stats(&[]), Stats::default());
    }
}
