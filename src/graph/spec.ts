/**
 * What to project: a community, which network, and when (a window or an instant). DESIGN.md, "The
 * relationship network and the analytics". `resolveSpec` checks a spec once and fills the defaults,
 * so the builders and the queries see one settled shape.
 */
import { badInput } from '../domain/errors.ts';

/** FULL: every node kind and relationship kind of the model. TIES: the resident tie network. */
export type NetworkKind = 'FULL' | 'TIES';

/**
 * Weights of the sources of a resident–resident tie. A pair's weight is Σ raw(source) × weight(source);
 * a weight of 0 switches the source off (it is not read and its raw column stays 0).
 */
export interface TieSources {
  acquaintance: number;
  comembership: number;
  coattendance: number;
  exchange: number;
  cowork: number;
}

/**
 * The defaults, in the unit of one declared acquaintance:
 * - acquaintance 1 — a declared KNOWS tie (either direction, counted once per pair) is the direct
 *   observation of a tie and so the unit the others are measured in.
 * - comembership 1 per shared organisation — belonging to the same self-organisation at the same
 *   time is a standing, recurrent context of interaction (Feld 1981, "The focused organization of
 *   social ties"), as strong a signal as a declared tie.
 * - coattendance 1 — the raw value is already Σ 1/(k−1) over shared activities of k resident
 *   attendees (Newman 2001, "Scientific collaboration networks. II", Phys. Rev. E 64, 016132): each
 *   attendee's ties from one activity sum to 1, so one activity weighs like one declared tie however
 *   large it was; activities of more than DEFAULT_MAX_ACTIVITY_SIZE attendees add none.
 * - exchange 0.5 per hour — tie strength grows with time spent and reciprocal services (Granovetter
 *   1973, "The strength of weak ties"); a typical two-hour time-bank service then weighs one declared
 *   tie, and repeated exchanges keep adding, both directions summed.
 * - cowork 1 per shared project — claiming or volunteering for the same project is purposive joint
 *   work, the step from "good person" to "capable person" the cultivation model watches for; it is
 *   counted once per project however many activities, like co-membership.
 */
export const DEFAULT_TIE_SOURCES: TieSources = Object.freeze({
  acquaintance: 1,
  comembership: 1,
  coattendance: 1,
  exchange: 0.5,
  cowork: 1,
});

/**
 * Co-attendance of an activity with more resident attendees than this adds no tie. Σ 1/(k−1) keeps
 * a festival's weight per attendee at one tie, but not its count: a 300-person festival still adds
 * 44,850 pairs, so without a cap the tie network is mostly festival crowds and every measure of
 * openness describes who went to the festival. 15 is the "sympathy group", the largest layer of
 * people who all interact with each other (Zhou, Sornette, Hill & Dunbar 2005, "Discrete
 * hierarchical organization of social group sizes", Proc. R. Soc. B 272: 439–444): a meeting, a class
 * or a volunteer team, not a crowd. What it does to the demo's ties and crossing share is measured by
 * bench/tie-defaults.ts and quoted in docs/analytics.md ("The default tie network").
 */
export const DEFAULT_MAX_ACTIVITY_SIZE = 15;
export const MAX_ACTIVITY_SIZE_LIMIT = 1_000_000;

export const TIE_SOURCE_NAMES = ['acquaintance', 'comembership', 'coattendance', 'exchange', 'cowork'] as const satisfies readonly (keyof TieSources)[];
export type TieSourceName = (typeof TIE_SOURCE_NAMES)[number];

export interface NetworkSpec {
  communityId: string;
  network: NetworkKind;
  /** A relationship counts if it overlaps [from, to); a null bound is open. */
  window?: { from: Date | null; to: Date | null } | null;
  /** The state at this instant. Give either window or asOf, not both; neither = everything. */
  asOf?: Date | null;
  sources?: Partial<TieSources>;
  /** TIES: activities with more resident attendees add no co-attendance tie (default DEFAULT_MAX_ACTIVITY_SIZE). */
  maxActivitySize?: number | null;
}

/** A checked spec: bounds as numbers (ms since epoch, null = open), all weights filled in. */
export interface ResolvedSpec {
  communityId: string;
  network: NetworkKind;
  from: number | null;
  to: number | null;
  asOf: number | null;
  sources: TieSources;
  maxActivitySize: number;
}

function instant(value: Date | null | undefined, path: string[]): number | null {
  if (value === null || value === undefined) return null;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw badInput(`projection: ${path.join('.')} is not a valid date / 日期无效`, path);
  return value.getTime();
}

export function resolveSpec(spec: NetworkSpec): ResolvedSpec {
  if (!spec.communityId) throw badInput('projection: communityId is required / 需要社区', ['communityId']);
  if (spec.network !== 'FULL' && spec.network !== 'TIES') throw badInput(`projection: network must be FULL or TIES, not ${String(spec.network)}`, ['network']);
  const window = spec.window ?? null;
  const asOf = instant(spec.asOf, ['asOf']);
  if (window !== null && asOf !== null) {
    throw badInput('projection: give either window or asOf, not both / 时间窗口与时点只能二选一', ['asOf']);
  }
  const from = instant(window?.from, ['window', 'from']);
  const to = instant(window?.to, ['window', 'to']);
  if (from !== null && to !== null && from > to) throw badInput('projection: window.from is after window.to / 时间窗口起点晚于终点', ['window', 'from']);
  const sources = { ...DEFAULT_TIE_SOURCES };
  for (const name of TIE_SOURCE_NAMES) {
    const weight = spec.sources?.[name];
    if (weight === undefined) continue;
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      throw badInput(`projection: sources.${name} must be a finite weight ≥ 0 / 权重须为非负数`, ['sources', name]);
    }
    sources[name] = weight;
  }
  const maxActivitySize = spec.maxActivitySize ?? DEFAULT_MAX_ACTIVITY_SIZE;
  if (!Number.isInteger(maxActivitySize) || maxActivitySize < 2 || maxActivitySize > MAX_ACTIVITY_SIZE_LIMIT) {
    throw badInput(`projection: maxActivitySize must be an integer from 2 to ${MAX_ACTIVITY_SIZE_LIMIT} / 活动规模上限须为 2 到 ${MAX_ACTIVITY_SIZE_LIMIT} 的整数`, ['maxActivitySize']);
  }
  return { communityId: spec.communityId, network: spec.network, from, to, asOf, sources, maxActivitySize };
}
