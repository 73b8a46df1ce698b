/** The bench's printing: plain tables, a window of outcomes summarised, and the PASS/FAIL lines. */
import type { Outcome } from './clients.ts';

export interface Property {
  scenario: string;
  name: string;
  pass: boolean;
  detail: string;
}

export function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  return cells.map((r) => '  ' + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}

const count = (items: string[]) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ') || '—';
};

const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);

/** One row: requests sent in the window, answered OK, HTTP statuses, error codes, latency p50 / max (ms). */
export function windowRow(name: string, outcomes: Outcome[]): (string | number)[] {
  const ms = outcomes.map((o) => o.doneAt - o.sentAt).sort((a, b) => a - b);
  return [
    name,
    outcomes.length,
    outcomes.filter((o) => o.ok).length,
    count(outcomes.map((o) => (o.status === null ? 'none' : String(o.status)))),
    count(outcomes.flatMap((o) => o.codes)),
    ms.length ? percentile(ms, 50).toFixed(0) : '—',
    ms.length ? ms.at(-1)!.toFixed(0) : '—',
  ];
}

export const WINDOW_HEAD = ['window (by send time)', 'sent', 'ok', 'HTTP status', 'error codes', 'p50 ms', 'max ms'];

export function verdicts(properties: Property[]): string {
  return properties.map((p) => `${p.pass ? 'PASS' : 'FAIL'}  (${p.scenario}) ${p.name} — ${p.detail}`).join('\n');
}
