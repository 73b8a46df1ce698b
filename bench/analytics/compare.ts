/**
 * Do reweave and the other library give the same answer? A benchmark of different answers would
 * compare different work, so every cell with both results gets a verdict.
 */
import type { Agreement, Measurement } from './algorithms.ts';

export interface Verdict {
  ok: boolean;
  /** what is printed: "✓ 2e-16", "✗ count 12≠13", "✓ Q .851/.849" */
  text: string;
}

const short = (x: number): string => (x === 0 ? '0' : x.toExponential(0));

function compareVectors(ours: (number | null)[], theirs: (number | null)[], tolerance: number): Verdict {
  if (ours.length !== theirs.length) return { ok: false, text: `✗ length ${ours.length}≠${theirs.length}` };
  let scale = 0;
  for (const x of theirs) if (x !== null) scale = Math.max(scale, Math.abs(x));
  let diff = 0;
  let undefinedMismatch = 0;
  for (let i = 0; i < ours.length; i += 1) {
    const a = ours[i];
    const b = theirs[i];
    if (a === null || a === undefined || b === null || b === undefined) {
      if ((a ?? null) !== (b ?? null)) undefinedMismatch += 1;
      continue;
    }
    diff = Math.max(diff, Math.abs(a - b));
  }
  // Relative to the largest value: PageRank values are ~1/n, betweenness ~1e-2; one absolute
  // tolerance would be meaningless across algorithms and sizes.
  const relative = scale > 0 ? diff / scale : diff;
  if (undefinedMismatch > 0) return { ok: false, text: `✗ ${undefinedMismatch} undefined≠defined` };
  return { ok: relative <= tolerance, text: `${relative <= tolerance ? '✓' : '✗'} ${short(relative)}` };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function agree(rule: Agreement, ours: Measurement | undefined, theirs: Measurement | undefined, library: 'networkx' | 'igraph'): Verdict | null {
  if (rule.kind === 'none' || ours?.status !== 'ok' || theirs?.status !== 'ok') return null;
  if (rule.kind === 'vector') {
    if (!ours.values || !theirs.values) return null; // e.g. NetworkX's own-pivot sample, not checked at this size
    return compareVectors(ours.values, theirs.values, library === 'igraph' ? rule.igraph ?? rule.tolerance : rule.tolerance);
  }
  const a = ours.summary ?? {};
  const b = theirs.summary ?? {};
  if (rule.kind === 'exact') {
    const differing = rule.fields.filter((field) => !same(a[field], b[field]));
    if (differing.length === 0) return { ok: true, text: `✓ ${rule.fields.map((f) => (f === 'edges' ? '' : `${a[f]}`)).filter(Boolean).join('/')}` };
    const field = differing[0]!;
    const show = (x: unknown): string => (Array.isArray(x) ? `${x.length} items` : String(x));
    return { ok: false, text: `✗ ${field} ${show(a[field])}≠${show(b[field])}` };
  }
  const x = Number(a[rule.field]);
  const y = Number(b[rule.field]);
  if (rule.kind === 'scalar') {
    const ok = Math.abs(x - y) <= rule.tolerance;
    return { ok, text: `${ok ? '✓' : '✗'} ${short(Math.abs(x - y))}` };
  }
  // A heuristic's partition may differ; only reaching a clearly worse score is a failure.
  const ok = x >= y - rule.tolerance;
  return { ok, text: `${ok ? '✓' : '✗'} Q ${x.toFixed(3)}/${y.toFixed(3)}` };
}
