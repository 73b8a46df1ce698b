/**
 * The one table bench/analytics prints, and the targets summary under it (every algorithm
 * faster than NetworkX; betweenness, closeness and PageRank no slower than igraph).
 */
import { ALGORITHMS, algorithm, type Measurement, type RunReport } from './algorithms.ts';
import { agree } from './compare.ts';

export type Library = 'reweave' | 'networkx' | 'igraph';
export const OTHERS = ['networkx', 'igraph'] as const;

/** size → library → report (a library absent from a size's map did not run there) */
export type Reports = Map<number, Partial<Record<Library, RunReport>>>;

export const formatMs = (ms: number): string => {
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(1)} ms`;
  if (ms < 100_000) return `${(ms / 1000).toFixed(2)} s`;
  return `${Math.round(ms / 1000)} s`;
};

const formatSize = (n: number): string => (n % 1000 === 0 ? `${n / 1000}k` : String(n));

function cell(m: Measurement | undefined, notes: string[]): string {
  if (!m) return '–';
  if (m.status === 'ok') return formatMs(m.ms!);
  if (m.status === 'skipped') return `skipped (est. ${formatMs(m.estimateMs!)})`;
  if (m.status === 'n/a') return 'n/a';
  notes.push(m.note ?? 'error');
  return `error [${notes.length}]`;
}

/** A time to compare: measured, or the budget's estimate (flagged), or nothing. */
function comparable(m: Measurement | undefined): { ms: number; estimated: boolean } | null {
  if (m?.status === 'ok') return { ms: m.ms!, estimated: false };
  if (m?.status === 'skipped' && m.estimateMs !== undefined) return { ms: m.estimateMs, estimated: true };
  return null;
}

export interface Ratio {
  value: number;
  estimated: boolean;
  ours: number;
  theirs: number;
}

function cpuRatio(ours: Measurement | undefined, theirs: Measurement | undefined): Ratio | null {
  if (ours?.cpuMs === undefined || theirs?.cpuMs === undefined || theirs.cpuMs <= 0) return null;
  return { value: ours.cpuMs / theirs.cpuMs, estimated: false, ours: ours.cpuMs, theirs: theirs.cpuMs };
}

function ratio(ours: Measurement | undefined, theirs: Measurement | undefined): Ratio | null {
  const a = comparable(ours);
  const b = comparable(theirs);
  // Two estimates are the same extrapolation twice: not a comparison.
  if (!a || !b || (a.estimated && b.estimated)) return null;
  return { value: a.ms / b.ms, estimated: a.estimated || b.estimated, ours: a.ms, theirs: b.ms };
}

const formatRatio = (r: Ratio | null): string => {
  if (!r) return '';
  const digits = r.value < 0.01 ? 4 : r.value < 0.1 ? 3 : 2;
  return `${r.estimated ? '~' : ''}${r.value.toFixed(digits)}`;
};

function render(rows: string[][], leftColumns: number): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows
    .map((row) => row.map((text, c) => (c < leftColumns ? text.padEnd(widths[c]!) : text.padStart(widths[c]!))).join('  ').trimEnd())
    .join('\n');
}

export function table(reports: Reports, only: readonly string[]): { text: string; notes: string[] } {
  const notes: string[] = [];
  const header = ['algorithm', 'n', 'reweave', 'NetworkX', 'igraph', 'rw/nx', 'rw/ig', 'cpu rw/nx', 'cpu rw/ig', 'agrees nx', 'agrees ig'];
  const rows: string[][] = [header];
  const sizes = [...reports.keys()].sort((a, b) => a - b);
  for (const n of sizes) {
    const by = reports.get(n)!;
    const load = (library: Library): string => (by[library] ? formatMs(by[library]!.loadMs) : '–');
    const m = by.reweave?.m ?? by.networkx?.m ?? by.igraph?.m ?? 0;
    rows.push([`(graph load, ${m} ties)`, formatSize(n), load('reweave'), load('networkx'), load('igraph'), '', '', '', '', '', '']);
  }
  for (const { name, agreement } of ALGORITHMS.filter((a) => only.includes(a.name))) {
    for (const n of sizes) {
      const by = reports.get(n)!;
      const get = (library: Library): Measurement | undefined => by[library]?.results[name];
      const verdict = (library: 'networkx' | 'igraph'): string => agree(agreement, get('reweave'), get(library), library)?.text ?? '';
      rows.push([
        name, formatSize(n), cell(get('reweave'), notes), cell(get('networkx'), notes), cell(get('igraph'), notes),
        formatRatio(ratio(get('reweave'), get('networkx'))), formatRatio(ratio(get('reweave'), get('igraph'))),
        formatRatio(cpuRatio(get('reweave'), get('networkx'))), formatRatio(cpuRatio(get('reweave'), get('igraph'))),
        verdict('networkx'), verdict('igraph'),
      ]);
    }
  }
  return { text: render(rows, 2), notes };
}

/** One line per target: the ratios by size, met or missed and by how much. */
export function targets(reports: Reports, only: readonly string[]): string[] {
  const sizes = [...reports.keys()].sort((a, b) => a - b);
  const lines: string[] = [];
  const judge = (name: string, other: 'networkx' | 'igraph', limit: number, strict: boolean): string | null => {
    const parts: string[] = [];
    let met = 0;
    let missed = 0;
    for (const n of sizes) {
      const by = reports.get(n)!;
      const r = ratio(by.reweave?.results[name], by[other]?.results[name]);
      if (!r) continue;
      const c = cpuRatio(by.reweave?.results[name], by[other]?.results[name]);
      const cpu = c ? ` [cpu ${formatRatio(c)}]` : '';
      const ok = strict ? r.value < limit : r.value <= limit;
      if (ok) {
        met += 1;
        parts.push(`${formatSize(n)} ${formatRatio(r)} met${cpu}`);
      } else {
        missed += 1;
        const slower = r.ours - r.theirs;
        parts.push(`${formatSize(n)} ${formatRatio(r)} MISSED by ${((r.value / limit - 1) * 100).toFixed(0)}% (${formatMs(slower)} slower: ${formatMs(r.ours)} vs ${formatMs(r.theirs)})${cpu}`);
      }
    }
    if (met + missed === 0) return null;
    return `  ${name.padEnd(20)} ${missed === 0 ? 'met   ' : 'MISSED'}  ${parts.join('; ')}`;
  };
  lines.push(`faster than NetworkX (reweave/NetworkX < 1; "~" = against the budget's estimate):`);
  for (const name of only) {
    const line = judge(name, 'networkx', 1, true);
    lines.push(line ?? `  ${name.padEnd(20)} –       ${reports.size && hasNa(reports, name, 'networkx') ? 'NetworkX has no such algorithm' : 'no NetworkX time to compare'}`);
  }
  lines.push('no slower than igraph (reweave/igraph ≤ 1.0):');
  for (const name of only.filter((a) => algorithm(a).igraphTarget)) {
    lines.push(judge(name, 'igraph', 1, false) ?? `  ${name.padEnd(20)} –       no igraph time to compare`);
  }
  return lines;
}

function hasNa(reports: Reports, name: string, library: Library): boolean {
  for (const by of reports.values()) if (by[library]?.results[name]?.status === 'n/a') return true;
  return false;
}
