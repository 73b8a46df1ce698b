/**
 * The weekly views: tables over the analytics queries, each saying which network and window it read
 * and how long the computation took (the result's own `seconds`). Every view is one query; the page
 * adds nothing to the numbers, so what it shows is what the API answers.
 */
import { gql } from './api.ts';
import { analyticsTerm, analyticsTerms, t, term } from './i18n.ts';
import { el, fmt, showError, table } from './ui.ts';

export interface View {
  readonly key: 'active' | 'brokers' | 'mixing' | 'funnel';
  render(communityId: string): Promise<HTMLElement>;
}

interface Network {
  description: string;
  from: string | null;
  to: string | null;
  asOf: string | null;
  nodeCount: number;
  edgeCount: number;
}
const NETWORK = 'network { description from to asOf nodeCount edgeCount }';

function caption(network: Network | null, seconds: number, window?: { from: string; to: string }): HTMLElement {
  const span = window ?? (network?.from && network.to ? { from: network.from, to: network.to } : undefined);
  const when = span ? `${span.from.slice(0, 10)} – ${span.to.slice(0, 10)}` : network?.asOf ? network.asOf.slice(0, 10) : '—';
  const parts = [
    network ? `${t('network')}: ${network.description} (${network.nodeCount} ${t('residents')}, ${network.edgeCount} ${t('ties')})` : '',
    `${t('window')}: ${when}`,
    `${t('seconds')} ${seconds.toFixed(2)} s`,
  ].filter(Boolean);
  const attrs: Record<string, string> = { class: 'caption', 'data-testid': 'view-caption', 'data-seconds': String(seconds) };
  if (span) Object.assign(attrs, { 'data-from': span.from, 'data-to': span.to });
  return el('p', attrs, [parts.join(' · ')]);
}

const ACTIVE = `query Active($communityId: ID!, $from: DateTime, $to: DateTime) {
  activeResidents(communityId: $communityId, from: $from, to: $to) {
    ${NETWORK} seconds
    residents(first: 50) { totalCount edges { node { rank score residentId resident { label } components { component contribution value } } } }
  }
}`;

const BROKERS = `query Brokers($network: NetworkInput!) {
  structuralHoles(network: $network) {
    ${NETWORK} seconds
    scores(first: 50) { totalCount edges { node { rank nodeId node { ... on Resident { label } } contacts constraint effectiveSize } } }
  }
}`;

const MIXING = `query Mixing($network: NetworkInput!, $groupBy: GroupingAttribute!) {
  groupMixing(network: $network, groupBy: $groupBy, permutations: 1000) {
    ${NETWORK} seconds ei crossingShare external internal
    test { pTwoSided permutations }
    groups { group size internal external ei }
  }
}`;

const FUNNEL = `query Funnel($communityId: ID!, $from: DateTime!, $to: DateTime!) {
  stageFunnel(communityId: $communityId, subject: RESIDENT_CULTIVATION, from: $from, to: $to) {
    from to nodes empty message seconds
    stages { stage atStart atEnd entered left }
    conversions { from to eligible converted rate low high }
    timeInStage { stage spells median low high reason }
  }
}`;

const RANGE = `query Range($network: NetworkInput!) { components(network: $network) { network { dataTo } } }`;
const YEAR = 365 * 86_400_000;

/**
 * The 365 days up to the end of the community's last dated record, so a view opens on data even when
 * the data stops before today (a pinned demo, an archive); today's window when it has no record.
 */
async function lastYear(communityId: string): Promise<{ from: string; to: string }> {
  const r = await gql<{ components: { network: { dataTo: string | null } } }>(RANGE, { network: { communityId } });
  const last = r.components.network.dataTo ? Date.parse(r.components.network.dataTo) : Date.now();
  const day = new Date(last);
  const to = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + 1);
  return { from: new Date(to - YEAR).toISOString(), to: new Date(to).toISOString() };
}

const label = (node: { label?: string } | null | undefined, id: string) => node?.label ?? id;

export const VIEWS: readonly View[] = [
  {
    key: 'active',
    async render(communityId) {
      type Row = { rank: number; score: number; residentId: string; resident: { label: string } | null; components: { component: string; contribution: number; value: number }[] };
      const { activeResidents: r } = await gql<{ activeResidents: { network: Network; seconds: number; residents: { totalCount: number; edges: { node: Row }[] } } }>(ACTIVE, { communityId, ...(await lastYear(communityId)) });
      return el('div', {}, [
        caption(r.network, r.seconds),
        table(
          [t('rank'), t('resident'), t('score'), t('reasons')],
          r.residents.edges.map(({ node: n }) => [
            n.rank,
            label(n.resident, n.residentId),
            fmt(n.score),
            n.components.filter((c) => c.contribution > 0).sort((a, b) => b.contribution - a.contribution)
              .map((c) => `${analyticsTerm('ActivityComponent', c.component)} ${fmt(c.contribution, 2)}`).join('；'),
          ]),
          'active-table',
        ),
      ]);
    },
  },
  {
    key: 'brokers',
    async render(communityId) {
      type Row = { rank: number; nodeId: string; node: { label?: string } | null; contacts: number; constraint: number | null; effectiveSize: number | null };
      const { structuralHoles: r } = await gql<{ structuralHoles: { network: Network; seconds: number; scores: { edges: { node: Row }[] } } }>(BROKERS, { network: { communityId } });
      return el('div', {}, [
        caption(r.network, r.seconds),
        table(
          [t('rank'), t('resident'), t('constraint'), t('effectiveSize'), t('contacts')],
          r.scores.edges.map(({ node: n }) => [n.rank, label(n.node, n.nodeId), fmt(n.constraint), fmt(n.effectiveSize, 1), n.contacts]),
          'brokers-table',
        ),
      ]);
    },
  },
  {
    key: 'mixing',
    async render(communityId) {
      const box = el('div', {});
      const select = el('select', { 'data-testid': 'mixing-group-by', 'aria-label': t('groupBy') }) as HTMLSelectElement;
      select.append(...analyticsTerms('GroupingAttribute').map((g) => el('option', { value: g }, [analyticsTerm('GroupingAttribute', g)])));
      select.value = 'HOUSING_TYPE';
      const body = el('div', {});
      const load = async () => {
        body.replaceChildren(el('p', {}, [t('loading')]));
        try {
          type Result = { network: Network; seconds: number; ei: number | null; crossingShare: number | null; test: { pTwoSided: number; permutations: number } | null; groups: { group: string; size: number; internal: number; external: number; ei: number | null }[] };
          const { groupMixing: r } = await gql<{ groupMixing: Result }>(MIXING, { network: { communityId }, groupBy: select.value });
          const groupName = (g: string) => (select.value === 'HOUSING_TYPE' ? term('HousingType', g) : select.value === 'CULTIVATION_STAGE' ? term('CultivationStage', g) : g);
          body.replaceChildren(
            caption(r.network, r.seconds),
            el('p', { 'data-testid': 'mixing-summary' }, [`${t('ei')}: ${fmt(r.ei)} · ${t('crossing')}: ${fmt(r.crossingShare)} · ${t('pValue')}: ${fmt(r.test?.pTwoSided)}`]),
            table([t('group'), t('size'), t('internal'), t('external'), t('ei')], r.groups.map((g) => [groupName(g.group), g.size, fmt(g.internal, 1), fmt(g.external, 1), fmt(g.ei)]), 'mixing-table'),
          );
        } catch (error) {
          body.replaceChildren();
          showError(error);
        }
      };
      select.addEventListener('change', () => void load());
      box.append(el('label', {}, [`${t('groupBy')} `, select]), body);
      await load();
      return box;
    },
  },
  {
    key: 'funnel',
    async render(communityId) {
      type Result = {
        from: string; to: string; nodes: number; empty: boolean; message: string | null; seconds: number;
        stages: { stage: string; atStart: number; atEnd: number; entered: number; left: number }[];
        conversions: { from: string; to: string; eligible: number; converted: number; rate: number | null; low: number | null; high: number | null }[];
        timeInStage: { stage: string; spells: number; median: number | null; low: number | null; high: number | null; reason: string | null }[];
      };
      const { stageFunnel: r } = await gql<{ stageFunnel: Result }>(FUNNEL, { communityId, ...(await lastYear(communityId)) });
      const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
      return el('div', {}, [
        caption(null, r.seconds, { from: r.from, to: r.to }),
        r.message ? el('p', { class: 'note' }, [r.message]) : el('span'),
        table(
          [t('stage'), t('atStart'), t('atEnd'), t('entered'), t('left')],
          r.stages.map((s) => [term('CultivationStage', s.stage), s.atStart, s.atEnd, s.entered, s.left]),
          'funnel-stages',
        ),
        table(
          [t('from'), t('to'), t('reached'), t('movedUp'), t('conversion')],
          r.conversions.map((c) => [term('CultivationStage', c.from), term('CultivationStage', c.to), c.eligible, c.converted, `${pct(c.rate)} [${pct(c.low)}, ${pct(c.high)}]`]),
          'funnel-conversions',
        ),
        table(
          [t('stage'), t('spells'), t('medianDays'), t('note')],
          r.timeInStage.map((s) => [term('CultivationStage', s.stage), s.spells, s.median === null ? '—' : `${fmt(s.median, 0)} [${fmt(s.low, 0)}, ${fmt(s.high, 0)}]`, s.reason ?? '']),
          'funnel-time',
        ),
      ]);
    },
  },
];
