/**
 * The cultivation views: the stage funnel with time in stage, promotion candidates with their reasons
 * (in the language the page is in, as the API words them), and organisations that depend on one leader.
 */
import { gql } from '../api.ts';
import { apiTerm } from '../enums.ts';
import { currentLang, t, term, terms } from '../i18n.ts';
import { el, fmt, table } from '../ui.ts';
import { caption, choice, label, lastDay, lastYear, loader, type View } from './common.ts';

const FUNNEL = `query Funnel($communityId: ID!, $from: DateTime!, $to: DateTime!) {
  stageFunnel(communityId: $communityId, subject: RESIDENT_CULTIVATION, from: $from, to: $to) {
    from to nodes empty message seconds
    stages { stage atStart atEnd entered left }
    conversions { from to eligible converted rate low high }
    timeInStage { stage spells median low high reason }
  }
}`;

const PROMOTION = `query Promotion($communityId: ID!, $stage: CultivationStage!, $asOf: DateTime) {
  promotionCandidates(communityId: $communityId, stage: $stage, asOf: $asOf, first: 20) {
    stage nextStage asOf message seconds
    model { method promotions backtest { model { auc precisionAt10 } chance { auc } message } }
    candidates { totalCount edges { node { rank residentId resident { label } score reasons { feature en zh } } } }
  }
}`;

const DEPENDENCE = `query Dependence($communityId: ID!, $asOf: DateTime) {
  leaderDependence(communityId: $communityId, asOf: $asOf) {
    asOf from atRisk message seconds
    organisations(first: 50) { totalCount edges { node {
      rank organizationId organization { name } criteria reasons { criterion en zh }
      members coreTeam activities leader { label } topOrganiserShare connectedShareWithLeader connectedShareWithoutLeader
    } } }
  }
}`;

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);
const say = (r: { en: string; zh: string }) => (currentLang() === 'zh' ? r.zh : r.en);

export const funnel: View = {
  key: 'funnel',
  async render(communityId) {
    type Result = {
      from: string; to: string; nodes: number; empty: boolean; message: string | null; seconds: number;
      stages: { stage: string; atStart: number; atEnd: number; entered: number; left: number }[];
      conversions: { from: string; to: string; eligible: number; converted: number; rate: number | null; low: number | null; high: number | null }[];
      timeInStage: { stage: string; spells: number; median: number | null; low: number | null; high: number | null; reason: string | null }[];
    };
    const { body, load } = loader(communityId, async () => {
      const { stageFunnel: r } = await gql<{ stageFunnel: Result }>(FUNNEL, { communityId, ...(await lastYear(communityId)) });
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
    });
    void load();
    return body;
  },
};

export const promotion: View = {
  key: 'promotion',
  async render(communityId) {
    // The last stage has no next step to be a candidate for.
    const stages = terms('CultivationStage').slice(0, -1);
    const select = choice('promotion-stage', t('stage'), stages.map((s) => [s, term('CultivationStage', s)]), stages.includes('GOOD_PERSON') ? 'GOOD_PERSON' : stages[0]!);
    type Row = { rank: number; residentId: string; resident: { label: string } | null; score: number; reasons: { feature: string; en: string; zh: string }[] };
    type Result = {
      stage: string; nextStage: string; asOf: string; message: string | null; seconds: number;
      model: { method: string; promotions: number; backtest: { model: { auc: number | null; precisionAt10: number | null }; chance: { auc: number | null }; message: string | null } };
      candidates: { totalCount: number; edges: { node: Row }[] };
    };
    const { body, load } = loader(communityId, async () => {
      const asOf = new Date(await lastDay(communityId)).toISOString();
      const { promotionCandidates: r } = await gql<{ promotionCandidates: Result }>(PROMOTION, { communityId, stage: select.value, asOf });
      const from = new Date(Date.parse(r.asOf) - 365 * 86_400_000).toISOString();
      return el('div', {}, [
        caption(null, r.seconds, { from, to: r.asOf }),
        el('p', { class: 'note', 'data-testid': 'promotion-model', 'data-total': String(r.candidates.totalCount) }, [
          `${term('CultivationStage', r.stage)} → ${term('CultivationStage', r.nextStage)} · ${t('candidates')}: ${r.candidates.totalCount} · ${t('method')}: ${r.model.method} · ${t('pastPromotions')}: ${r.model.promotions} · ${t('backtestAuc')}: ${fmt(r.model.backtest.model.auc, 2)} (${t('chance')} ${fmt(r.model.backtest.chance.auc, 2)})`,
        ]),
        r.message ? el('p', { class: 'note' }, [r.message]) : el('span'),
        table(
          [t('rank'), t('resident'), t('score'), t('reasons')],
          r.candidates.edges.map(({ node: n }) => [n.rank, label(n.resident, n.residentId), fmt(n.score), n.reasons.map((x) => `${apiTerm('PromotionFeature', x.feature)}：${say(x)}`).join('；')]),
          'promotion-table',
        ),
      ]);
    });
    select.addEventListener('change', () => void load());
    void load();
    return el('div', {}, [el('label', { class: 'control' }, [`${t('stage')} `, select]), body]);
  },
};

export const dependence: View = {
  key: 'dependence',
  async render(communityId) {
    type Row = {
      rank: number; organizationId: string; organization: { name: string } | null; criteria: string[]; reasons: { criterion: string; en: string; zh: string }[];
      members: number; coreTeam: number; activities: number; leader: { label: string } | null;
      topOrganiserShare: number | null; connectedShareWithLeader: number | null; connectedShareWithoutLeader: number | null;
    };
    type Result = { asOf: string; from: string; atRisk: number; message: string | null; seconds: number; organisations: { totalCount: number; edges: { node: Row }[] } };
    const { body, load } = loader(communityId, async () => {
      const asOf = new Date(await lastDay(communityId)).toISOString();
      const { leaderDependence: r } = await gql<{ leaderDependence: Result }>(DEPENDENCE, { communityId, asOf });
      return el('div', {}, [
        caption(null, r.seconds, { from: r.from, to: r.asOf }),
        el('p', { class: 'note', 'data-testid': 'dependence-at-risk', 'data-at-risk': String(r.atRisk) }, [`${t('atRisk')}: ${r.atRisk} / ${r.organisations.totalCount}`]),
        r.message ? el('p', { class: 'note' }, [r.message]) : el('span'),
        table(
          [t('rank'), t('organisation'), t('reasons'), t('members'), t('coreTeam'), t('activities'), t('leader'), t('topOrganiserShare'), t('connectedWithWithout')],
          r.organisations.edges.map(({ node: n }) => [
            n.rank, label(n.organization, n.organizationId),
            n.reasons.map((x) => `${apiTerm('DependenceCriterion', x.criterion)}：${say(x)}`).join('；') || t('none'),
            n.members, n.coreTeam, n.activities, n.leader?.label ?? '—', pct(n.topOrganiserShare),
            `${pct(n.connectedShareWithLeader)} / ${pct(n.connectedShareWithoutLeader)}`,
          ]),
          'dependence-table',
        ),
      ]);
    });
    void load();
    return body;
  },
};
