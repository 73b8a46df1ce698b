/**
 * The side panel of a clicked resident: place, housing, stage, Party membership, stage history,
 * memberships, and — each loading on its own, from the same queries and windows as the views — the
 * components of their active-resident score and their promotion-candidate reasons.
 */
import { gql } from './api.ts';
import { apiTerm } from './enums.ts';
import { analyticsTerm, currentLang, t, term, terms } from './i18n.ts';
import { allPages, el, fmt, type Page } from './ui.ts';
import { lastDay, lastYear } from './views/common.ts';

const ACTIVE = `query PanelActive($communityId: ID!, $from: DateTime, $to: DateTime, $after: String) {
  activeResidents(communityId: $communityId, from: $from, to: $to) {
    residents(first: 1000, after: $after) { edges { node { rank residentId score components { component contribution } } } pageInfo { hasNextPage endCursor } }
  }
}`;
const PROMOTION = `query PanelPromotion($communityId: ID!, $stage: CultivationStage!, $asOf: DateTime, $after: String) {
  promotionCandidates(communityId: $communityId, stage: $stage, asOf: $asOf, first: 1000, after: $after) {
    candidates { edges { node { rank residentId score reasons { feature en zh } } } pageInfo { hasNextPage endCursor } }
  }
}`;

type ActiveRow = { rank: number; residentId: string; score: number; components: { component: string; contribution: number }[] };
type CandidateRow = { rank: number; residentId: string; score: number; reasons: { feature: string; en: string; zh: string }[] };

/** A section that fills itself when its query answers; its data-rank is the resident's rank, or "none". */
function section(testid: string, title: string, load: () => Promise<{ rank: number | null; lines: string[] }>): HTMLElement {
  const list = el('ul', {}, [el('li', {}, [t('loading')])]);
  const box = el('section', { 'data-testid': testid, 'data-state': 'loading' }, [el('h4', {}, [title]), list]);
  void load().then(
    ({ rank, lines }) => {
      box.dataset.state = 'done';
      box.dataset.rank = rank === null ? 'none' : String(rank);
      list.replaceChildren(...(lines.length === 0 ? [t('none')] : lines).map((line) => el('li', {}, [line])));
    },
    () => {
      box.dataset.state = 'error';
      list.replaceChildren(el('li', {}, ['—']));
    },
  );
  return box;
}

function activity(communityId: string, id: string): HTMLElement {
  return section('panel-activity', t('active'), async () => {
    const window = await lastYear(communityId);
    const rows = await allPages<ActiveRow>(async (after) => (await gql<{ activeResidents: { residents: Page<ActiveRow> } }>(ACTIVE, { communityId, ...window, after })).activeResidents.residents);
    const row = rows.find((r) => r.residentId === id);
    if (!row) return { rank: null, lines: [] };
    return {
      rank: row.rank,
      lines: [`${t('rank')} ${row.rank} · ${t('score')} ${fmt(row.score)}`, ...row.components.filter((c) => c.contribution > 0).sort((a, b) => b.contribution - a.contribution).map((c) => `${analyticsTerm('ActivityComponent', c.component)} ${fmt(c.contribution, 2)}`)],
    };
  });
}

function promotion(communityId: string, id: string, stage: string): HTMLElement {
  return section('panel-promotion', t('promotion'), async () => {
    // The last stage has no next step.
    if (terms('CultivationStage').indexOf(stage) >= terms('CultivationStage').length - 1) return { rank: null, lines: [] };
    const asOf = new Date(await lastDay(communityId)).toISOString();
    const rows = await allPages<CandidateRow>(async (after) => (await gql<{ promotionCandidates: { candidates: Page<CandidateRow> } }>(PROMOTION, { communityId, stage, asOf, after })).promotionCandidates.candidates);
    const row = rows.find((r) => r.residentId === id);
    if (!row) return { rank: null, lines: [] };
    return { rank: row.rank, lines: [`${t('rank')} ${row.rank} / ${rows.length} · ${t('score')} ${fmt(row.score)}`, ...row.reasons.map((r) => `${apiTerm('PromotionFeature', r.feature)}：${currentLang() === 'zh' ? r.zh : r.en}`)] };
  });
}

const RESIDENT = `query Resident($id: ID!) {
  resident(id: $id) {
    id label housingArea housingType building partyMember cultivationStage
    memberships { role since until organization { id name } }
    history { field from to at }
  }
}`;

interface ResidentDetail {
  id: string;
  label: string;
  housingArea: string | null;
  housingType: string | null;
  building: string | null;
  partyMember: boolean | null;
  cultivationStage: string;
  memberships: { role: string; since: string | null; until: string | null; organization: { id: string; name: string } | null }[];
  history: { field: string; from: string | null; to: string; at: string }[];
}

/** The panel's content for one resident, or null when the API does not know them; `measure` is the size's label and value. */
export async function residentPanel(communityId: string, id: string, measure: [string, string], close: () => void): Promise<HTMLElement[] | null> {
  const { resident } = await gql<{ resident: ResidentDetail | null }>(RESIDENT, { id });
  if (!resident) return null;
  const button = el('button', { type: 'button', class: 'close', 'aria-label': t('close') }, ['×']);
  button.addEventListener('click', close);
  return [
    button,
    el('h3', { 'data-testid': 'panel-name', 'data-id': resident.id }, [resident.label]),
    el('dl', {}, [
      el('dt', {}, [t('housingArea')]), el('dd', {}, [[resident.housingArea, resident.building].filter(Boolean).join(' · ') || t('unknown')]),
      el('dt', {}, [analyticsTerm('GroupingAttribute', 'HOUSING_TYPE')]), el('dd', {}, [term('HousingType', resident.housingType)]),
      el('dt', {}, [t('stage')]), el('dd', {}, [term('CultivationStage', resident.cultivationStage)]),
      el('dt', {}, [analyticsTerm('GroupingAttribute', 'PARTY_MEMBERSHIP')]), el('dd', {}, [resident.partyMember === null ? t('unknown') : resident.partyMember ? t('partyMember') : t('notPartyMember')]),
      el('dt', {}, [measure[0]]), el('dd', {}, [measure[1]]),
    ]),
    el('h4', {}, [t('stageHistory')]),
    el('ul', {}, resident.history.filter((h) => h.field === 'cultivationStage').map((h) => el('li', {}, [`${h.at.slice(0, 10)}: ${term('CultivationStage', h.from)} → ${term('CultivationStage', h.to)}`]))),
    el('h4', {}, [t('memberships')]),
    el('ul', {}, resident.memberships.length === 0 ? [el('li', {}, [t('none')])] : resident.memberships.map((m) => el('li', {}, [`${m.organization?.name ?? '?'} · ${term('MembershipRole', m.role)} (${m.since?.slice(0, 10) ?? '…'} – ${m.until?.slice(0, 10) ?? ''})`]))),
    activity(communityId, resident.id),
    promotion(communityId, resident.id, resident.cultivationStage),
  ];
}
