/**
 * The deterministic demo community generator. Plans the whole community first — compactly: typed
 * arrays per resident, small objects for organisations, partners, projects and activities — then
 * streams rows in import order: Community, the other node files, the relationships (ties, attendance
 * and exchanges generated on the fly, never collected) and last the STATE_CHANGE history. The same
 * (preset, seed, communityId, end) always gives the same rows in the same order.
 */
import { isId } from '../domain/ids.ts';
import { DemoCalendar, PINNED_DEMO_END } from './calendar.ts';
import { emitActivityNodes, emitActivityRels } from './attendance.ts';
import { planActivities } from './activities.ts';
import { emitCultivationChanges, planCultivation } from './cultivation.ts';
import { DatasetWriter, type DatasetFormat } from '../interchange/dataset-writer.ts';
import { emitMemberships, emitOrganisationChanges, emitOrganisations, planOrganisations } from './organisations.ts';
import { Output, type Emit } from './output.ts';
import { emitPartyNodes, emitPartyRels, planParty } from './party.ts';
import { emitBackings, emitContributions, emitPartnerChanges, emitPartnerNodes, planPartners } from './partners.ts';
import { emitResidents, planPopulation, planTimebankMembers } from './people.ts';
import { activateListedSpaces, emitPoolNodes, emitPoolRels, emitSpaceChanges, planPools } from './pools.ts';
import { DEFAULT_SEED, PRESETS, type DemoPreset } from './presets.ts';
import { emitProjectChanges, emitProjectNodes, emitProjectRels, planProjects } from './projects.ts';
import { emitAcquaintances } from './ties.ts';
import { emitExchanges } from './timebank.ts';

export type { DemoPreset } from './presets.ts';

export interface DemoOptions {
  preset: DemoPreset;
  /** Default 20240601. */
  seed?: number;
  /** Default 'demo-small' / 'demo-beizhan'. */
  communityId?: string;
  /**
   * The last day of the demo's three-year calendar, YYYY-MM-DD. Default 2025-12-31 (PINNED_DEMO_END),
   * so tests, benches and README examples stay reproducible; `npm start` passes today.
   */
  end?: string;
}

/**
 * Streams every row through `emit(fileName, row)` in dependency order: Community, then other node
 * files, then relationships and STATE_CHANGE. Rows use the canonical column names of
 * src/interchange/columns.ts; dates are Date objects; string lists are arrays. Awaits emit
 * (back-pressure). Returns counts per file.
 */
export async function generateDemo(options: DemoOptions, emit: Emit): Promise<Map<string, number>> {
  const preset = PRESETS[options.preset];
  if (!preset) throw new Error(`demo: unknown preset ${String(options.preset)}; use small or beizhan`);
  const seed = options.seed ?? DEFAULT_SEED;
  const cid = options.communityId ?? `demo-${preset.key}`;
  if (!isId(cid)) throw new Error(`demo: communityId "${cid}" is not a valid id (letters, digits, _ . : -)`);
  const calendar = new DemoCalendar(options.end ?? PINNED_DEMO_END);

  const pop = planPopulation(preset, seed, cid, calendar);
  planTimebankMembers(pop, preset.timebank.members, seed);
  planCultivation(pop, preset, seed);
  pop.residents.buildParticipation();
  const orgs = planOrganisations(pop, preset, seed, cid);
  const party = planParty(pop, orgs, preset, seed, cid);
  const partners = planPartners(pop, orgs, preset, seed, cid);
  const pools = planPools(pop, orgs, partners, party, preset, seed, cid);
  const projects = planProjects(pop, orgs, partners, pools, preset, seed, cid);
  activateListedSpaces(pools, seed, calendar);
  const activities = planActivities(pop, orgs, party, partners, projects, pools, preset, seed, cid);
  const fundId = `${cid}:fund:1`;

  const out = new Output(cid, emit, calendar);
  await emit('Community', { id: cid, communityId: cid, createdAt: calendar.dateOf(0), name: preset.name, district: preset.district, population: pop.residents.n });
  out.counts.set('Community', 1);
  await emitResidents(out, pop, seed);
  await emitOrganisations(out, orgs);
  await emitPartyNodes(out, party);
  await emitPartnerNodes(out, partners, fundId, preset);
  await emitPoolNodes(out, pools);
  await emitProjectNodes(out, projects);
  await emitActivityNodes(out, activities);

  await emitPartyRels(out, party, pop, orgs);
  await emitMemberships(out, orgs, pop);
  await emitBackings(out, partners);
  await emitPoolRels(out, pools, party.conferenceId);
  await emitProjectRels(out, projects, party.conferenceId);
  await emitActivityRels(out, activities, pop, party, seed);
  await emitAcquaintances(out, pop, seed);
  await emitExchanges(out, pop, preset, seed);
  await emitContributions(out, partners, orgs, pop, fundId, seed);

  await emitCultivationChanges(out, pop, seed);
  await emitPartnerChanges(out, partners);
  await emitOrganisationChanges(out, orgs);
  await emitProjectChanges(out, projects);
  await emitSpaceChanges(out, pools);
  return out.counts;
}

/** Convenience: generate into a dataset folder via DatasetWriter. */
export async function writeDemoDataset(options: DemoOptions, dir: string, format: DatasetFormat = 'csv'): Promise<Map<string, number>> {
  const writer = new DatasetWriter(dir, format);
  try {
    return await generateDemo(options, (file, row) => writer.write(file, row));
  } finally {
    await writer.close();
  }
}
