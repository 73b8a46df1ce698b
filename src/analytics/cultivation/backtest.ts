/**
 * Ranking quality of a score against what happened: precision at k (the share promoted among the k
 * highest scores; ties in the order given, which the caller makes stable) and the area under the ROC
 * curve, computed as the Mann–Whitney statistic with mid-ranks for ties (Hanley & McNeil 1982, "The
 * meaning and use of the area under a receiver operating characteristic (ROC) curve", Radiology
 * 143: 29–36): the probability that a promoted resident scores above one who was not, ties half.
 */

/** Positions sorted by score, highest first; equal scores keep their order. */
export function rankOrder(scores: ArrayLike<number>): number[] {
  return Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
}

export function precisionAt(scores: ArrayLike<number>, labels: ArrayLike<number>, k: number): number | null {
  const n = scores.length;
  if (n === 0 || k < 1) return null;
  const top = rankOrder(scores).slice(0, Math.min(k, n));
  return top.reduce((s, i) => s + (labels[i] ? 1 : 0), 0) / top.length;
}

/** 1-based ranks of the values, ascending, ties sharing the mean of their ranks. */
export function midRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Float64Array(n);
  for (let start = 0; start < n; ) {
    let end = start;
    while (end + 1 < n && values[order[end + 1]!] === values[order[start]!]) end += 1;
    for (let k = start; k <= end; k += 1) ranks[order[k]!] = (start + end) / 2 + 1;
    start = end + 1;
  }
  return ranks;
}

export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number | null {
  const n = scores.length;
  const ranks = midRanks(scores);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < n; i += 1) {
    if (labels[i]) {
      positives += 1;
      rankSum += ranks[i]!;
    }
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
