/**
 * The evaluator's report as one self-contained HTML file: styles inline, charts inline SVG
 * (svg.ts), no script and no request to any server, so it opens from a USB stick and prints to PDF.
 * The figures are also embedded as JSON (`<script type="application/json" id="report-data">`, not
 * executed) so a reader's tool — and the tests — can read the exact numbers shown.
 */
import type { ReportData } from '../services/publicness/report.ts';
import { VOCABULARIES } from '../domain/vocabulary.ts';
import { analyticsLabel } from '../domain/vocabulary.ts';
import { barChart, componentChart, escape, rangeChart } from './svg.ts';
import { say, WORDS, type Lang, type Word } from './words.ts';

const day = (d: Date) => d.toISOString().slice(0, 10);
const f3 = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v.toFixed(3));
const signed = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${v > 0 ? '+' : ''}${v.toFixed(3)}`);
const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
const p = (v: number | null) => (v === null ? '–' : v < 0.001 ? '< 0.001' : v.toFixed(3));
const interval = (i: { lower: number; upper: number } | null) => (i === null ? '–' : `[${signed(i.lower)}, ${signed(i.upper)}]`);

function componentLabel(lang: Lang, name: string): string {
  return name in WORDS ? say(lang, name as Word) : name;
}

function table(head: string[], rows: string[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

const STYLE = `body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;max-width:820px;margin:24px auto;padding:0 16px;color:#222;line-height:1.5}
h1{font-size:22px;margin-bottom:4px}h2{font-size:17px;border-bottom:1px solid #ccc;padding-bottom:2px;margin-top:28px}
table{border-collapse:collapse;width:100%;font-size:12px;margin:8px 0}th,td{border:1px solid #ddd;padding:3px 6px;text-align:right}th:first-child,td:first-child{text-align:left}
.meta{color:#555;font-size:13px}.note{color:#555;font-size:12px}.big{font-size:28px;font-weight:600}.flag{color:#b3261e}
@media print{body{margin:0}h2{break-after:avoid}svg,table{break-inside:avoid}}`;

/** The figures as the report shows them (and as the API returns them), for the embedded JSON. */
export function reportFigures(data: ReportData) {
  const { publicness: pub, reweaving: rw, partners } = data;
  return {
    communityId: data.communityId, t0: data.t0.toISOString(), t1: data.t1.toISOString(), pseudonymised: data.pseudonymised,
    index: { t0: pub.index.t0, t1: pub.index.t1, delta: pub.index.delta, interval: pub.index.interval, pValue: pub.index.pValue, sensitivity: pub.index.sensitivity },
    components: pub.components.map((c) => ({ component: c.component, t0: c.t0, t1: c.t1, delta: c.delta, interval: c.interval, pValue: c.pValue, weight: c.weight })),
    reweaving: {
      added: rw.added, lost: rw.lost, kept: rw.kept, bridgesAdded: rw.bridgesAdded, bridgesLost: rw.bridgesLost,
      t0: { ...rw.t0, window: undefined, network: undefined, at: undefined }, t1: { ...rw.t1, window: undefined, network: undefined, at: undefined },
    },
    partners: partners.partners,
  };
}

export function renderReport(data: ReportData, lang: Lang = 'zh'): string {
  const { publicness: pub, reweaving: rw, partners } = data;
  const s = (w: Word, v: Record<string, string | number> = {}) => say(lang, w, v);
  const t0 = day(data.t0);
  const t1 = day(data.t1);
  const groupLabel = analyticsLabel('GroupingAttribute', rw.groupBy)[lang];
  // A group is a stored value: a housing type or a stage reads as its term, anything else as itself.
  const groupName = (g: string) => (VOCABULARIES.HousingType.terms as Record<string, { zh: string; en: string }>)[g]?.[lang] ?? (VOCABULARIES.CultivationStage.terms as Record<string, { zh: string; en: string }>)[g]?.[lang] ?? g;
  const statusLabel = (status: string | null) => (status === null ? '–' : (VOCABULARIES.PartnerStatus.terms as Record<string, { zh: string; en: string }>)[status]?.[lang] ?? status);

  const indexBlock = pub.empty
    ? `<p class="flag">${escape(s('empty'))}${escape(pub.message ?? '')}</p>`
    : `<p><span class="big">${f3(pub.index.t0)} → ${f3(pub.index.t1)}</span> &nbsp; ${escape(s('delta'))} ${signed(pub.index.delta)} ${escape(s('interval'))} ${interval(pub.index.interval)}, ${escape(s('pValue'))} ${p(pub.index.pValue)}</p>`;

  const rows = pub.components.map((c) => ({
    label: componentLabel(lang, c.component), t0: c.t0, t1: c.t1,
    lower: c.interval && c.t0 !== null ? c.t0 + c.interval.lower : null, upper: c.interval && c.t0 !== null ? c.t0 + c.interval.upper : null,
  }));
  const componentTable = table(
    [s('component'), `t0 (${t0})`, `t1 (${t1})`, s('delta'), s('interval'), s('pValue'), s('weight')],
    pub.components.map((c) => [componentLabel(lang, c.component), f3(c.t0), f3(c.t1), signed(c.delta), interval(c.interval), p(c.pValue), f3(c.weight)]),
  );

  const sens = pub.index.sensitivity;
  const sensitivity = sens
    ? `<h2>${escape(s('sensitivity'))}</h2><p class="note">${escape(s('sensitivityNote', { n: sens.draws, share: pct(sens.risingShare) }))}</p>`
      + rangeChart([{ label: `t0 ${t0}`, ...sens.t0, at: pub.index.t0 }, { label: `t1 ${t1}`, ...sens.t1, at: pub.index.t1 }])
      + table([s('figure'), 'min', '2.5 %', '97.5 %', 'max'], (['t0', 't1', 'delta'] as const).map((k) => [k === 'delta' ? s('delta') : k, f3(sens[k].min), f3(sens[k].lower), f3(sens[k].upper), f3(sens[k].max)]))
    : '';

  const figures: [Word, (side: typeof rw.t0) => string][] = [
    ['residents', (x) => String(x.residents)], ['ties', (x) => String(x.ties)], ['crossingTies', (x) => String(x.crossingTies)], ['isolates', (x) => String(x.isolates)],
    ['componentsCount', (x) => String(x.components)], ['largestShare', (x) => f3(x.largestComponentShare)], ['density', (x) => (x.density === null ? '–' : x.density.toExponential(3))],
    ['clustering', (x) => f3(x.averageClustering)], ['modularity', (x) => f3(x.modularity)], ['ei', (x) => f3(x.ei)],
  ];
  const reweaving = `<h2>${escape(s('reweaving'))}</h2><p class="note">${escape(s('reweavingNote', { group: groupLabel }))}</p>`
    + barChart([
      { label: s('kept'), value: rw.kept, colour: '#9aa' }, { label: s('added'), value: rw.added, colour: '#2f6db5' }, { label: s('lost'), value: rw.lost, colour: '#c77' },
      { label: s('bridgesAdded'), value: rw.bridgesAdded, colour: '#2a8a4a' }, { label: s('bridgesLost'), value: rw.bridgesLost, colour: '#b3261e' },
    ])
    + table([s('figure'), `t0 (${t0})`, `t1 (${t1})`], figures.map(([w, get]) => [s(w), get(rw.t0), get(rw.t1)]))
    + `<h2>${escape(s('groups'))}</h2>`
    + table([s('group'), s('residents'), s('tiesInside'), s('tiesOut'), `${s('ei')} t0`, `${s('ei')} t1`, s('isolates')],
      rw.t1.groups.map((g) => {
        const before = rw.t0.groups.find((x) => x.group === g.group);
        return [groupName(g.group), String(g.residents), String(g.tiesInside), String(g.tiesOut), f3(before?.ei ?? null), f3(g.ei), String(g.isolates)];
      }));

  const ranked = partners.partners;
  const partnerBlock = `<h2>${escape(s('partners'))}</h2><p class="note">${escape(s('partnersNote'))}</p>`
    + barChart(ranked.map((x) => ({ label: `${x.rank}. ${x.name}`, value: x.t1 ?? 0, colour: x.exitFlag ? '#b3261e' : '#2f6db5', note: f3(x.t1) })), 1)
    + table([s('rank'), s('partner'), s('status'), 't0', 't1', s('delta'), s('reached'), s('exit')],
      ranked.map((x) => [String(x.rank), x.name, statusLabel(x.status), f3(x.t0), f3(x.t1), signed(x.delta), String(x.residentsReached), x.exitReasons.map((r) => s(r)).join(', ')]));

  const json = JSON.stringify(reportFigures(data)).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${escape(`${s('title')} · ${data.communityName}`)}</title><style>${STYLE}</style></head>
<body>
<h1>${escape(s('title'))}</h1>
<p class="meta">${escape(s('community'))}: ${escape(data.communityName)} (${escape(data.communityId)}) · ${escape(s('period'))}: t0 = ${t0}, t1 = ${t1} (${escape(s('window', { days: pub.options.lookbackDays }))}) · ${escape(s('generated'))}: ${escape(data.generatedAt.toISOString().slice(0, 16).replace('T', ' '))} UTC</p>
${data.pseudonymised ? `<p class="note">${escape(s('pseudonymised'))}</p>` : ''}
<h2>${escape(s('index'))}</h2>
${indexBlock}
<p class="note">${escape(s('indexNote', { b: pub.replicates, p: pub.permutations }))}</p>
<h2>${escape(s('components'))}</h2>
${componentChart(rows, { t0: `t0 ${t0}`, t1: `t1 ${t1} (± ${s('interval')})` })}
${componentTable}
${sensitivity}
${reweaving}
${partnerBlock}
<p class="note">${escape(s('method'))}</p>
<script type="application/json" id="report-data">${json}</script>
</body></html>
`;
}
