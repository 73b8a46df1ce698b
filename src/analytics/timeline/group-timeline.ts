/**
 * The tie network's history collapsed by group (a housing area, or a building within one area): per
 * group the number of residents present, per group the ties inside it, and per pair of groups the
 * ties between them, each as a step function of time. It answers, at every instant t, what collapsing
 * the network as of t gives (the dashboard's collapse of the timeline filtered at t), so a page can
 * draw the collapsed map of any date without holding every resident and tie.
 *
 * The rules are the timeline's: a resident is present when start ≤ t < end (null bounds are open);
 * a tie is in force when both ends are present and t is in one of its spans [start, end). So a tie
 * counts on the intersection of its spans with both residents' lifetimes, and each piece of that
 * intersection is a +1 at its start and a −1 at its end; a group's residents likewise. A resident
 * whose group is null falls in the group "?", as in the dashboard's collapse.
 *
 * A step function is sent as its change points: for series k, `counts[k]` changes follow series
 * k − 1's in `times` and `deltas`, times ascending, no two equal, no delta 0; a time of null is "from
 * the beginning" (before every finite time). Its value at t is the sum of the deltas at times ≤ t.
 */
import { mergeSpans } from './spans.ts';

/** One resident: present from `start` (null: always) until `end` (null: still), in `group`. */
export interface GroupedResident {
  start: number | null;
  end: number | null;
  group: string | null;
}

/** Ties as the timeline's columns: ends as indices into residents, each tie's spans after the previous ties'. */
export interface TieColumns {
  a: ArrayLike<number>;
  b: ArrayLike<number>;
  spanCounts: ArrayLike<number>;
  /** start, end of each span; null is an open bound. */
  spans: ArrayLike<number | null>;
}

export interface StepFunctions {
  counts: number[];
  times: (number | null)[];
  deltas: number[];
}

export interface GroupTimeline {
  /** The groups' keys, sorted, "?" (no group) last. */
  groups: string[];
  /** Series g: residents of group g present. */
  residents: StepFunctions;
  /** Series g: ties in force with both ends in group g. */
  inside: StepFunctions;
  /** Pairs of groups joined by some tie at some time: a[k] < b[k], sorted; series k counts the ties between them. */
  between: { a: number[]; b: number[]; ties: StepFunctions };
}

export const UNGROUPED = '?';
const MODULE = 'groupTimeline';

/** Change points of one series, by time (−∞ for "from the beginning"). */
type Changes = Map<number, number>;

function bump(changes: Changes, at: number, delta: number): void {
  changes.set(at, (changes.get(at) ?? 0) + delta);
}

function append(out: StepFunctions, changes: Changes | undefined): void {
  const times = changes ? [...changes.keys()].filter((t) => changes.get(t) !== 0).sort((x, y) => x - y) : [];
  out.counts.push(times.length);
  for (const t of times) {
    out.times.push(t === -Infinity ? null : t);
    out.deltas.push(changes!.get(t)!);
  }
}

const lower = (t: number | null | undefined) => (t === null || t === undefined ? -Infinity : t);
const upper = (t: number | null | undefined) => (t === null || t === undefined ? Infinity : t);

/** Pieces [lo, hi) of a tie's spans clipped to [from, to), overlapping ones merged, flat. */
function clipped(spans: ArrayLike<number | null>, first: number, count: number, from: number, to: number): number[] {
  const pieces: number[] = [];
  for (let s = 0; s < count; s += 1) {
    const lo = Math.max(lower(spans[first + 2 * s]), from);
    const hi = Math.min(upper(spans[first + 2 * s + 1]), to);
    if (lo < hi) pieces.push(lo, hi);
  }
  return pieces.length <= 2 ? pieces : mergeSpans(pieces);
}

export function groupTimeline(residents: readonly GroupedResident[], ties: TieColumns): GroupTimeline {
  const n = residents.length;
  if (ties.a.length !== ties.b.length || ties.a.length !== ties.spanCounts.length) throw new Error(`${MODULE}: the tie columns a, b and spanCounts differ in length`);
  const keys = [...new Set(residents.map((r) => r.group ?? UNGROUPED))].sort((x, y) => (x === UNGROUPED ? 1 : y === UNGROUPED ? -1 : x < y ? -1 : x > y ? 1 : 0));
  const index = new Map(keys.map((k, g) => [k, g]));
  const g = keys.length;
  const groupOf = Int32Array.from(residents, (r) => index.get(r.group ?? UNGROUPED)!);
  const from = Float64Array.from(residents, (r) => lower(r.start));
  const to = Float64Array.from(residents, (r) => upper(r.end));

  const present: Changes[] = keys.map(() => new Map());
  for (let i = 0; i < n; i += 1) {
    if (!(from[i]! < to[i]!)) continue;
    bump(present[groupOf[i]!]!, from[i]!, 1);
    if (to[i]! !== Infinity) bump(present[groupOf[i]!]!, to[i]!, -1);
  }

  // Series by pair: lo · g + hi (g is at most the number of residents, so the key is exact).
  const series = new Map<number, Changes>();
  let first = 0;
  for (let k = 0; k < ties.a.length; k += 1) {
    const i = ties.a[k]!;
    const j = ties.b[k]!;
    const count = ties.spanCounts[k]!;
    const at = first;
    first += 2 * count;
    if (!(i >= 0 && i < n && j >= 0 && j < n)) throw new Error(`${MODULE}: tie ${k} names a resident outside the list`);
    const pieces = clipped(ties.spans, at, count, Math.max(from[i]!, from[j]!), Math.min(to[i]!, to[j]!));
    if (pieces.length === 0) continue;
    const gi = groupOf[i]!;
    const gj = groupOf[j]!;
    const key = gi < gj ? gi * g + gj : gj * g + gi;
    let changes = series.get(key);
    if (!changes) series.set(key, (changes = new Map()));
    for (let p = 0; p < pieces.length; p += 2) {
      bump(changes, pieces[p]!, 1);
      if (pieces[p + 1]! !== Infinity) bump(changes, pieces[p + 1]!, -1);
    }
  }

  const empty = (): StepFunctions => ({ counts: [], times: [], deltas: [] });
  const out: GroupTimeline = { groups: keys, residents: empty(), inside: empty(), between: { a: [], b: [], ties: empty() } };
  for (let x = 0; x < g; x += 1) {
    append(out.residents, present[x]);
    append(out.inside, series.get(x * g + x));
  }
  for (const key of [...series.keys()].sort((x, y) => x - y)) {
    const lo = Math.floor(key / g);
    const hi = key % g;
    if (lo === hi) continue;
    out.between.a.push(lo);
    out.between.b.push(hi);
    append(out.between.ties, series.get(key));
  }
  return out;
}

/** The value of every series of `fn` at instant t (the sum of its deltas at times ≤ t). */
export function stepValuesAt(fn: StepFunctions, t: number): number[] {
  const values: number[] = [];
  let at = 0;
  for (const count of fn.counts) {
    let value = 0;
    for (let c = 0; c < count; c += 1) {
      const time = fn.times[at + c];
      if (time === null || time === undefined || time <= t) value += fn.deltas[at + c]!;
      else break;
    }
    at += count;
    values.push(value);
  }
  return values;
}
