//! Helpers shared by the extraction evaluations: file walking, span overlap, greedy one-to-one matching, P/R/F1.

// Each example includes this module and uses only part of it; unused helpers are not dead in the others.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// Every file under `dir` (recursively) whose name ends with `.{ext}`, sorted, so runs are reproducible.
pub fn files_with_ext(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == ext) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Characters shared by two half-open ranges.
pub fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Characters of `span` that fall inside any of `frags` (gold spans may be discontinuous; fragments never overlap).
pub fn overlap_frags(span: (usize, usize), frags: &[(usize, usize)]) -> usize {
    frags.iter().map(|&f| overlap(span, f)).sum()
}

/// Total length of non-overlapping fragments.
pub fn frags_len(frags: &[(usize, usize)]) -> usize {
    frags.iter().map(|f| f.1 - f.0).sum()
}

/// One-to-one matching, best score first: every candidate pair `(gold, pred, score)` is ranked by score (ties by
/// gold then pred index, so the result is deterministic) and taken when neither side is used yet. Greedy rather than
/// optimal because with "best overlap first" scores the two almost never differ and greedy is easy to explain.
pub fn greedy_match(mut candidates: Vec<(usize, usize, f64)>) -> Vec<(usize, usize)> {
    candidates.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    let mut used_g = std::collections::HashSet::new();
    let mut used_p = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (g, p, _) in candidates {
        if !used_g.contains(&g) && !used_p.contains(&p) {
            used_g.insert(g);
            used_p.insert(p);
            out.push((g, p));
        }
    }
    out.sort_unstable();
    out
}

/// Counts behind precision, recall and F1; summed over documents (micro average).
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Prf {
    pub tp: usize,
    pub pred: usize,
    pub gold: usize,
}

impl Prf {
    pub fn add(&mut self, tp: usize, pred: usize, gold: usize) {
        self.tp += tp;
        self.pred += pred;
        self.gold += gold;
    }

    /// Precision; 0 when nothing was predicted, so an extractor that finds nothing does not score 100%.
    pub fn p(&self) -> f64 {
        ratio(self.tp, self.pred)
    }

    pub fn r(&self) -> f64 {
        ratio(self.tp, self.gold)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

pub fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        n as f64 / d as f64
    }
}

/// Percentage with one decimal, for tables.
pub fn pct(x: f64) -> String {
    format!("{:.1}", 100.0 * x)
}

/// `text`'s characters `start..end` (offsets count characters, as extraction's do).
pub fn char_slice(chars: &[char], start: usize, end: usize) -> String {
    chars[start.min(chars.len())..end.min(chars.len())].iter().collect()
}

/// One line of context around `start..end`, the span bracketed, newlines shown as `¶`.
pub fn context(chars: &[char], start: usize, end: usize, width: usize) -> String {
    let from = start.saturating_sub(width);
    let to = (end + width).min(chars.len());
    let show = |a: usize, b: usize| char_slice(chars, a, b).replace('\n', "¶");
    format!("…{}[[{}]]{}…", show(from, start), show(start, end), show(end, to))
}

/// Up to `n` items spread evenly over `items`, so verbose examples come from many documents, not the first one.
pub fn spread<T>(items: &[T], n: usize) -> Vec<&T> {
    if n == 0 || items.is_empty() {
        return Vec::new();
    }
    let step = (items.len() / n).max(1);
    items.iter().step_by(step).take(n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_counts_shared_characters() {
        assert_eq!(overlap((0, 10), (5, 20)), 5);
        assert_eq!(overlap((0, 5), (5, 10)), 0);
        assert_eq!(overlap((3, 4), (0, 10)), 1);
        assert_eq!(overlap((8, 9), (0, 5)), 0);
        assert_eq!(overlap_frags((0, 10), &[(2, 4), (8, 12)]), 4);
        assert_eq!(frags_len(&[(2, 4), (8, 12)]), 6);
    }

    #[test]
    fn greedy_takes_best_pair_first_and_is_one_to_one() {
        // Gold 0 fits pred 1 best; pred 1 is then gone, so gold 1 falls back to pred 0.
        let m = greedy_match(vec![(0, 0, 0.5), (0, 1, 0.9), (1, 1, 0.8), (1, 0, 0.4)]);
        assert_eq!(m, vec![(0, 1), (1, 0)]);
        // Two golds wanting one pred: only the better one gets it.
        let m = greedy_match(vec![(0, 0, 0.6), (1, 0, 0.7)]);
        assert_eq!(m, vec![(1, 0)]);
        assert!(greedy_match(Vec::new()).is_empty());
    }

    #[test]
    fn prf_micro_averages_and_handles_empty() {
        let mut prf = Prf::default();
        assert_eq!((prf.p(), prf.r(), prf.f1()), (0.0, 0.0, 0.0));
        prf.add(2, 4, 2);
        prf.add(1, 2, 4);
        assert_eq!((prf.tp, prf.pred, prf.gold), (3, 6, 6));
        assert!((prf.p() - 0.5).abs() < 1e-12);
        assert!((prf.f1() - 0.5).abs() < 1e-12);
        let prf = Prf { tp: 1, pred: 1, gold: 3 };
        assert!((prf.f1() - 0.5).abs() < 1e-12);
    }

    #[test]
    fn spread_picks_evenly() {
        let v: Vec<usize> = (0..10).collect();
        assert_eq!(spread(&v, 3), vec![&0, &3, &6]);
        assert_eq!(spread(&v, 20).len(), 10);
        assert!(spread(&v, 0).is_empty());
    }

    #[test]
    fn context_marks_span() {
        let c: Vec<char> = "ab\ncdé f".chars().collect();
        assert_eq!(context(&c, 3, 6, 2), "…b¶[[cdé]] f…");
    }
}
