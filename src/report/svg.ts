/**
 * Inline SVG charts of the report: no script, no external file, so the page opens anywhere and
 * prints as it shows. Every number is escaped text; sizes are in user units scaled by viewBox.
 */
export const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const W = 720;
const LABEL = 190;
const PLOT = W - LABEL - 70;

export interface IntervalRow {
  label: string;
  t0: number | null;
  t1: number | null;
  /** Interval of t1 implied by the delta's interval: t0 + [lower, upper]. */
  lower: number | null;
  upper: number | null;
}

const x = (v: number) => LABEL + Math.max(0, Math.min(1, v)) * PLOT;
const num = (v: number) => v.toFixed(3);

/** Each component at t0 (grey) and t1 (blue) on [0, 1], t1 with its interval bar. */
export function componentChart(rows: readonly IntervalRow[], legend: { t0: string; t1: string }): string {
  const rowH = 34;
  const h = 30 + rows.length * rowH + 20;
  const parts: string[] = [];
  for (const [i, tick] of [0, 0.25, 0.5, 0.75, 1].entries()) {
    parts.push(`<line x1="${x(tick)}" y1="22" x2="${x(tick)}" y2="${h - 18}" stroke="#ddd"/>`, `<text x="${x(tick)}" y="${h - 4}" font-size="10" text-anchor="middle" fill="#666">${tick}</text>`);
    void i;
  }
  rows.forEach((r, i) => {
    const y = 30 + i * rowH;
    parts.push(`<text x="${LABEL - 8}" y="${y + 15}" font-size="12" text-anchor="end">${escape(r.label)}</text>`);
    if (r.t0 !== null) parts.push(`<rect x="${LABEL}" y="${y + 2}" width="${x(r.t0) - LABEL}" height="10" fill="#b8b8b8"><title>t0 ${num(r.t0)}</title></rect>`);
    if (r.t1 !== null) parts.push(`<rect x="${LABEL}" y="${y + 14}" width="${x(r.t1) - LABEL}" height="10" fill="#2f6db5"><title>t1 ${num(r.t1)}</title></rect>`);
    if (r.lower !== null && r.upper !== null) {
      const yy = y + 19;
      parts.push(`<line x1="${x(r.lower)}" y1="${yy}" x2="${x(r.upper)}" y2="${yy}" stroke="#111" stroke-width="1.5"/>`,
        `<line x1="${x(r.lower)}" y1="${yy - 5}" x2="${x(r.lower)}" y2="${yy + 5}" stroke="#111"/>`, `<line x1="${x(r.upper)}" y1="${yy - 5}" x2="${x(r.upper)}" y2="${yy + 5}" stroke="#111"/>`);
    }
    const value = r.t1 === null ? '' : num(r.t1);
    parts.push(`<text x="${W - 60}" y="${y + 23}" font-size="11" fill="#2f6db5">${value}</text>`);
  });
  parts.push(`<rect x="${LABEL}" y="4" width="10" height="10" fill="#b8b8b8"/><text x="${LABEL + 14}" y="13" font-size="11">${escape(legend.t0)}</text>`,
    `<rect x="${LABEL + 200}" y="4" width="10" height="10" fill="#2f6db5"/><text x="${LABEL + 214}" y="13" font-size="11">${escape(legend.t1)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${h}" width="100%" role="img">${parts.join('')}</svg>`;
}

export interface RangeRow {
  label: string;
  min: number;
  max: number;
  lower: number;
  upper: number;
  /** The index at the chosen weights. */
  at: number | null;
}

/** Ranges of the index under random weights: min–max thin, 2.5–97.5 % thick, the chosen weights a dot. */
export function rangeChart(rows: readonly RangeRow[]): string {
  const rowH = 30;
  const h = 20 + rows.length * rowH + 20;
  const parts: string[] = [];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line x1="${x(tick)}" y1="10" x2="${x(tick)}" y2="${h - 18}" stroke="#ddd"/>`, `<text x="${x(tick)}" y="${h - 4}" font-size="10" text-anchor="middle" fill="#666">${tick}</text>`);
  }
  rows.forEach((r, i) => {
    const y = 20 + i * rowH;
    parts.push(`<text x="${LABEL - 8}" y="${y + 5}" font-size="12" text-anchor="end">${escape(r.label)}</text>`,
      `<line x1="${x(r.min)}" y1="${y}" x2="${x(r.max)}" y2="${y}" stroke="#7a9cc6" stroke-width="2"/>`,
      `<line x1="${x(r.lower)}" y1="${y}" x2="${x(r.upper)}" y2="${y}" stroke="#2f6db5" stroke-width="8"/>`);
    if (r.at !== null) parts.push(`<circle cx="${x(r.at)}" cy="${y}" r="5" fill="#d9822b"><title>${num(r.at)}</title></circle>`);
    parts.push(`<text x="${LABEL + PLOT + 6}" y="${y + 4}" font-size="10">${num(r.min)}–${num(r.max)}</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${h}" width="100%" role="img">${parts.join('')}</svg>`;
}

export interface BarRow {
  label: string;
  value: number;
  colour?: string;
  note?: string;
}

/** Horizontal bars scaled to the largest |value| (or to `max`). */
export function barChart(rows: readonly BarRow[], max?: number): string {
  const rowH = 20;
  const h = 10 + rows.length * rowH + 10;
  const top = max ?? Math.max(1e-12, ...rows.map((r) => Math.abs(r.value)));
  const parts = rows.map((r, i) => {
    const y = 10 + i * rowH;
    const width = (Math.abs(r.value) / top) * PLOT;
    return `<text x="${LABEL - 8}" y="${y + 12}" font-size="11" text-anchor="end">${escape(r.label)}</text>`
      + `<rect x="${LABEL}" y="${y + 2}" width="${width.toFixed(1)}" height="13" fill="${r.colour ?? '#2f6db5'}"/>`
      + `<text x="${LABEL + width + 4}" y="${y + 12}" font-size="10">${escape(r.note ?? String(r.value))}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${h}" width="100%" role="img">${parts.join('')}</svg>`;
}
