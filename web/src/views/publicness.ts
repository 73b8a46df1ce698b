/**
 * The evaluator's views: publicness at t0 and t1 (the year up to the community's last dated record
 * and the year before it) with the deltas' 95 % intervals and p-values, and the reweaving report of
 * the tie network at the same two dates. The HTML report is made by the command line only
 * (`npm run report`), so the view gives the command for the same community and dates.
 */
import { gql } from '../api.ts';
import { apiTerm } from '../enums.ts';
import { t } from '../i18n.ts';
import { el, fmt, table } from '../ui.ts';
import { caption, lastDay, loader, NETWORK, type Network, type View } from './common.ts';

const YEAR = 365 * 86_400_000;

const PUBLICNESS = `query Publicness($communityId: ID!, $t0: DateTime!, $t1: DateTime!) {
  publicness(scope: { communityId: $communityId }, t0: $t0, t1: $t1) {
    empty message seconds pairedUnits
    t0 { at from to residents ${NETWORK} }
    t1 { at from to residents ${NETWORK} }
    index { t0 t1 delta interval { lower upper } pValue sensitivity { risingShare delta { lower upper } } }
    components { component t0 t1 delta interval { lower upper } pValue weight }
  }
}`;

const SIDE = `at from to residents ties isolates components largestComponentShare density averageClustering modularity louvainCommunities ei crossingTies ${NETWORK}`;
const REWEAVING = `query Reweaving($communityId: ID!, $t0: DateTime!, $t1: DateTime!) {
  reweavingReport(communityId: $communityId, t0: $t0, t1: $t1) {
    groupBy added lost kept bridgesAdded bridgesLost seconds
    t0 { ${SIDE} } t1 { ${SIDE} }
  }
}`;

type Interval = { lower: number; upper: number } | null;
type DateSide = { at: string; from: string; to: string; residents: number; network: Network };

async function dates(communityId: string): Promise<{ t0: string; t1: string }> {
  const end = await lastDay(communityId);
  return { t0: new Date(end - YEAR).toISOString(), t1: new Date(end).toISOString() };
}

const interval = (i: Interval) => (i ? `[${fmt(i.lower)}, ${fmt(i.upper)}]` : '—');
const signed = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${x >= 0 ? '+' : ''}${x.toFixed(3)}`);

export const publicness: View = {
  key: 'publicness',
  async render(communityId) {
    type Result = {
      empty: boolean; message: string | null; seconds: number; pairedUnits: number; t0: DateSide; t1: DateSide;
      index: { t0: number | null; t1: number | null; delta: number | null; interval: Interval; pValue: number | null; sensitivity: { risingShare: number; delta: { lower: number; upper: number } } | null };
      components: { component: string; t0: number | null; t1: number | null; delta: number | null; interval: Interval; pValue: number | null; weight: number }[];
    };
    const { body, load } = loader(communityId, async () => {
      const when = await dates(communityId);
      const { publicness: r } = await gql<{ publicness: Result }>(PUBLICNESS, { communityId, ...when });
      const command = `npm run report -- --community ${communityId} --t0 ${when.t0.slice(0, 10)} --t1 ${when.t1.slice(0, 10)} --out report.html`;
      return el('div', {}, [
        caption(r.t1.network, r.seconds, { from: r.t0.from, to: r.t1.to }),
        el('p', { class: 'note' }, [`t0 = ${r.t0.at.slice(0, 10)} (${r.t0.from.slice(0, 10)} – ${r.t0.to.slice(0, 10)}, ${r.t0.residents} ${t('residents')}) · t1 = ${r.t1.at.slice(0, 10)} (${r.t1.from.slice(0, 10)} – ${r.t1.to.slice(0, 10)}, ${r.t1.residents} ${t('residents')})`]),
        r.message ? el('p', { class: 'note' }, [r.message]) : el('span'),
        el('p', { class: 'headline', 'data-testid': 'publicness-index', 'data-delta': String(r.index.delta) }, [
          `${t('publicnessIndex')}: ${fmt(r.index.t0)} → ${fmt(r.index.t1)} (${signed(r.index.delta)}, 95% ${interval(r.index.interval)}, p = ${fmt(r.index.pValue)})`,
          r.index.sensitivity ? ` · ${t('risingShare')}: ${(r.index.sensitivity.risingShare * 100).toFixed(1)}%` : '',
        ]),
        table(
          [t('component'), 't0', 't1', t('delta'), t('interval95'), t('pValue'), t('weight')],
          r.components.map((c) => [apiTerm('PublicnessComponent', c.component), fmt(c.t0), fmt(c.t1), signed(c.delta), interval(c.interval), fmt(c.pValue), fmt(c.weight, 2)]),
          'publicness-table',
        ),
        el('p', { class: 'note', 'data-testid': 'report-command' }, [t('reportByCli'), ' ', el('code', {}, [command])]),
      ]);
    });
    void load();
    return body;
  },
};

export const reweaving: View = {
  key: 'reweaving',
  async render(communityId) {
    type Side = DateSide & {
      ties: number; isolates: number; components: number; largestComponentShare: number | null; density: number | null; averageClustering: number | null;
      modularity: number | null; louvainCommunities: number; ei: number | null; crossingTies: number;
    };
    type Report = { groupBy: string; added: number; lost: number; kept: number; bridgesAdded: number; bridgesLost: number; seconds: number; t0: Side; t1: Side };
    const { body, load } = loader(communityId, async () => {
      const { reweavingReport: r } = await gql<{ reweavingReport: Report }>(REWEAVING, { communityId, ...(await dates(communityId)) });
      const row = (name: string, pick: (s: Side) => number | null, digits = 0): (string | number)[] => {
        const a = pick(r.t0);
        const b = pick(r.t1);
        return [name, fmt(a, digits), fmt(b, digits), a === null || b === null ? '—' : `${b - a >= 0 ? '+' : ''}${(b - a).toFixed(digits)}`];
      };
      return el('div', {}, [
        caption(r.t1.network, r.seconds, { from: r.t0.from, to: r.t1.to }),
        el('p', { class: 'headline', 'data-testid': 'reweaving-summary', 'data-added': String(r.added), 'data-lost': String(r.lost) }, [
          `${t('tiesAdded')}: ${r.added} · ${t('tiesLost')}: ${r.lost} · ${t('tiesKept')}: ${r.kept} · ${t('bridgesAdded')}: ${r.bridgesAdded} · ${t('bridgesLost')}: ${r.bridgesLost}`,
        ]),
        table(['', `t0 ${r.t0.at.slice(0, 10)}`, `t1 ${r.t1.at.slice(0, 10)}`, t('delta')], [
          row(t('residents'), (s) => s.residents), row(t('ties'), (s) => s.ties), row(t('isolates'), (s) => s.isolates),
          row(t('componentsCount'), (s) => s.components), row(t('largestShare'), (s) => s.largestComponentShare, 3), row(t('density'), (s) => s.density, 4),
          row(t('clustering'), (s) => s.averageClustering, 3), row(t('modularity'), (s) => s.modularity, 3), row(t('louvain'), (s) => s.louvainCommunities),
          row(t('ei'), (s) => s.ei, 3), row(t('crossingTies'), (s) => s.crossingTies),
        ], 'reweaving-table'),
      ]);
    });
    void load();
    return body;
  },
};
