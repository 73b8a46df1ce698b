/** The network views: active residents with their reasons, brokers (structural holes), group mixing. */
import { gql } from '../api.ts';
import { analyticsTerm, analyticsTerms, t, term } from '../i18n.ts';
import { el, fmt, table } from '../ui.ts';
import { caption, choice, label, lastYear, loader, NETWORK, type Network, type View } from './common.ts';

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

export const active: View = {
  key: 'active',
  async render(communityId) {
    type Row = { rank: number; score: number; residentId: string; resident: { label: string } | null; components: { component: string; contribution: number; value: number }[] };
    const { body, load } = loader(communityId, async () => {
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
    });
    void load();
    return body;
  },
};

export const brokers: View = {
  key: 'brokers',
  async render(communityId) {
    type Row = { rank: number; nodeId: string; node: { label?: string } | null; contacts: number; constraint: number | null; effectiveSize: number | null };
    const { body, load } = loader(communityId, async () => {
      const { structuralHoles: r } = await gql<{ structuralHoles: { network: Network; seconds: number; scores: { edges: { node: Row }[] } } }>(BROKERS, { network: { communityId } });
      return el('div', {}, [
        caption(r.network, r.seconds),
        table(
          [t('rank'), t('resident'), t('constraint'), t('effectiveSize'), t('contacts')],
          r.scores.edges.map(({ node: n }) => [n.rank, label(n.node, n.nodeId), fmt(n.constraint), fmt(n.effectiveSize, 1), n.contacts]),
          'brokers-table',
        ),
      ]);
    });
    void load();
    return body;
  },
};

export const mixing: View = {
  key: 'mixing',
  async render(communityId) {
    const select = choice('mixing-group-by', t('groupBy'), analyticsTerms('GroupingAttribute').map((g) => [g, analyticsTerm('GroupingAttribute', g)]), 'HOUSING_TYPE');
    type Result = { network: Network; seconds: number; ei: number | null; crossingShare: number | null; test: { pTwoSided: number; permutations: number } | null; groups: { group: string; size: number; internal: number; external: number; ei: number | null }[] };
    const { body, load } = loader(communityId, async () => {
      const { groupMixing: r } = await gql<{ groupMixing: Result }>(MIXING, { network: { communityId }, groupBy: select.value });
      const groupName = (g: string) => (select.value === 'HOUSING_TYPE' ? term('HousingType', g) : select.value === 'CULTIVATION_STAGE' ? term('CultivationStage', g) : g);
      return el('div', {}, [
        caption(r.network, r.seconds),
        el('p', { 'data-testid': 'mixing-summary', 'data-ei': String(r.ei) }, [`${t('ei')}: ${fmt(r.ei)} · ${t('crossing')}: ${fmt(r.crossingShare)} · ${t('pValue')}: ${fmt(r.test?.pTwoSided)}`]),
        table([t('group'), t('size'), t('internal'), t('external'), t('ei')], r.groups.map((g) => [groupName(g.group), g.size, fmt(g.internal, 1), fmt(g.external, 1), fmt(g.ei)]), 'mixing-table'),
      ]);
    });
    select.addEventListener('change', () => void load());
    void load();
    return el('div', {}, [el('label', { class: 'control' }, [`${t('groupBy')} `, select]), body]);
  },
};
