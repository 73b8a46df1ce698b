/**
 * leaderDependence: which organisations hang on one person (src/analytics/cultivation/
 * leader-dependence.ts, criteria and defaults there), over the 365 days up to asOf (default
 * ./as-of.ts), with the reasons in English and Chinese.
 */
import { DEFAULTS, leaderDependence, type DependenceCriterion, type LeaderDependenceOptions, type OrganisationDependence, type OrganisationInput } from '../../analytics/cultivation/leader-dependence.ts';
import { streamOrganisations } from '../../db/repositories/cultivation.ts';
import type { ServiceContext } from '../context.ts';
import { defaultAsOf, YEAR_MS } from './as-of.ts';
import { requireCommunity } from './funnel.ts';

export interface LeaderDependenceRequest {
  communityId: string;
  asOf?: Date | null;
  options?: Partial<LeaderDependenceOptions>;
}

export interface DependenceReason {
  criterion: DependenceCriterion;
  en: string;
  zh: string;
}

export interface LeaderDependenceOutcome {
  communityId: string;
  asOf: Date;
  from: Date;
  options: LeaderDependenceOptions;
  organisations: (OrganisationDependence & { name: string; reasons: DependenceReason[] })[];
  /** Organisations with criteria met. */
  atRisk: number;
  message: string | null;
  seconds: number;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

function reasonsOf(o: OrganisationDependence, options: LeaderDependenceOptions): DependenceReason[] {
  return o.criteria.map((criterion) => {
    switch (criterion) {
      case 'CORE_TEAM':
        return { criterion, en: `only ${o.coreTeam} resident${o.coreTeam === 1 ? '' : 's'} in leader or core-team roles, fewer than ${options.minCoreTeam}`, zh: `负责人与核心团队仅 ${o.coreTeam} 人，少于 ${options.minCoreTeam} 人` };
      case 'ONE_ORGANISER':
        return { criterion, en: `one resident organised ${pct(o.topOrganiserShare!)} of its ${o.activities} activities in the last year`, zh: `过去一年 ${o.activities} 次活动中 ${pct(o.topOrganiserShare!)} 由一人组织` };
      case 'FALLS_APART':
        return { criterion, en: `without its leader only ${pct(o.connectedShareWithoutLeader!)} of the other members stay connected by attending together`, zh: `去掉负责人后，仅 ${pct(o.connectedShareWithoutLeader!)} 的其他成员仍通过共同参加活动相连` };
    }
  });
}

export async function leaderDependenceOf(ctx: ServiceContext, request: LeaderDependenceRequest): Promise<LeaderDependenceOutcome> {
  const started = performance.now();
  await requireCommunity(ctx, request.communityId);
  const asOf = request.asOf ?? (await defaultAsOf(ctx, request.communityId));
  const from = new Date(asOf.getTime() - YEAR_MS);
  const rows: (OrganisationInput & { name: string })[] = [];
  await streamOrganisations(ctx.db, request.communityId, from, asOf, (batch) => rows.push(...batch));
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const judged = leaderDependence(rows, request.options);
  const options = { ...DEFAULTS, ...request.options };
  const organisations = judged.map((o) => ({ ...o, name: names.get(o.id) ?? o.id, reasons: reasonsOf(o, options) }));
  return {
    communityId: request.communityId, asOf, from, options, organisations,
    atRisk: organisations.filter((o) => o.criteria.length > 0).length,
    message: organisations.length === 0 ? 'No organisation with members or activities at this date / 该时点没有有成员或活动的组织' : null,
    seconds: (performance.now() - started) / 1000,
  };
}
