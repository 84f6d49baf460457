//! The arithmetic every scorer shares: ratios that are 0 on an empty denominator, and F1.

/// `num / den`, or 0 when `den` is 0 (a metric over nothing is reported as 0, never NaN).
pub fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

/// Harmonic mean of precision and recall, 0 when both are 0.
pub fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Precision, recall and F1 from counts: `tp_pred` of `pred` predictions are right and `tp_gold` of
/// `gold` gold items are found (the two differ when matching is not one to one).
pub fn prf(tp_pred: usize, pred: usize, tp_gold: usize, gold: usize) -> (f64, f64, f64) {
    let (p, r) = (ratio(tp_pred, pred), ratio(tp_gold, gold));
    (p, r, f1(p, r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_denominators_give_zero() {
        assert_eq!(ratio(3, 0), 0.0);
        assert_eq!(f1(0.0, 0.0), 0.0);
        assert_eq!(prf(0, 0, 0, 0), (0.0, 0.0, 0.0));
    }

    #[test]
    fn values() {
        assert_eq!(ratio(1, 4), 0.25);
        assert!((f1(0.5, 1.0) - 2.0 / 3.0).abs() < 1e-12);
        let (p, r, f) = prf(3, 4, 3, 6);
        assert_eq!((p, r), (0.75, 0.5));
        assert!((f - 0.6).abs() < 1e-12);
    }
}
