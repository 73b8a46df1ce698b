/**
 * Spans of time [start, end) as flat arrays of bounds (start, end, start, end, …), −∞ and +∞ for
 * open bounds: the tie timeline's spans (src/graph/timeline.ts) and the pieces of a tie the
 * collapsed timeline counts (./group-timeline.ts).
 */

/** Sorted, overlapping and touching [start, end) spans merged; flat in and out. */
export function mergeSpans(bounds: readonly number[]): number[] {
  const spans: [number, number][] = [];
  for (let k = 0; k < bounds.length; k += 2) spans.push([bounds[k]!, bounds[k + 1]!]);
  spans.sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  for (const [s, e] of spans) {
    const last = out.length - 1;
    if (last > 0 && s <= out[last]!) out[last] = Math.max(out[last]!, e);
    else out.push(s, e);
  }
  return out;
}
