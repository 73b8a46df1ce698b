/** The side panel of a clicked resident: place, housing, stage, Party membership, stage history, memberships. */
import { gql } from './api.ts';
import { analyticsTerm, t, term } from './i18n.ts';
import { el } from './ui.ts';

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
export async function residentPanel(id: string, measure: [string, string], close: () => void): Promise<HTMLElement[] | null> {
  const { resident } = await gql<{ resident: ResidentDetail | null }>(RESIDENT, { id });
  if (!resident) return null;
  const button = el('button', { type: 'button', class: 'close', 'aria-label': t('close') }, ['×']);
  button.addEventListener('click', close);
  return [
    button,
    el('h3', { 'data-testid': 'panel-name' }, [resident.label]),
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
  ];
}
