/**
 * The collapsed map's history (Query.groupTimeline): the community's tie timeline (./tie-timeline.ts,
 * from its cache) collapsed by housing area, or by building within one area, as step functions of
 * time (src/analytics/timeline/group-timeline.ts). A large community's map is drawn from this answer,
 * a few hundred kilobytes, instead of the whole timeline (45 MB on beizhan). Kept per data version
 * and request like the timeline it is made from; a group's name is its label as the residents'
 * labels say it (for RESEARCHER tokens the area's pseudonym, never its name).
 */
import type { Database } from '../../db/database.ts';
import { badInput } from '../../domain/errors.ts';
import { groupTimeline, UNGROUPED, type GroupTimeline } from '../../analytics/timeline/group-timeline.ts';
import { LruCache } from '../../compute/lru.ts';
import { analyticsSettingsOf } from '../../compute/settings.ts';
import type { TieTimeline } from '../../graph/timeline.ts';
import type { ServiceContext } from '../context.ts';
import { placeLabel } from '../shape.ts';
import { areaTimeline, NO_GROUP, readTieTimeline, text, type TimelineRequest } from './tie-timeline.ts';

export type MapGrouping = 'housingArea' | 'building';

export interface GroupTimelineRequest extends TimelineRequest {
  groupBy: MapGrouping;
  /** Only this area's residents ("?": those with no area); required for buildings. */
  housingArea: string | null;
}

export interface TimelineGroupOut {
  key: string;
  label: string;
  /** The housing type most of the group's residents have. */
  housingType: string | null;
}

export interface GroupTimelineResult {
  communityId: string;
  groupBy: MapGrouping;
  housingArea: string | null;
  dataFrom: Date | null;
  dataTo: Date | null;
  sources: Record<string, number>;
  maxActivitySize: number;
  groups: TimelineGroupOut[];
  residents: GroupTimeline['residents'];
  inside: GroupTimeline['inside'];
  between: GroupTimeline['between'];
  seconds: number;
}

interface Collapsed {
  steps: GroupTimeline;
  housingTypes: (string | null)[];
}

const caches = new WeakMap<Database, LruCache<Collapsed>>();

function cacheOf(ctx: ServiceContext): LruCache<Collapsed> {
  let cache = caches.get(ctx.db);
  if (!cache) caches.set(ctx.db, (cache = new LruCache(32, analyticsSettingsOf(ctx).cacheSeconds * 1000)));
  return cache;
}

function collapseTimeline(timeline: TieTimeline, groupBy: MapGrouping): Collapsed {
  const residents = timeline.residents.map((r) => ({ start: r.start, end: r.end, group: text(r.attributes[groupBy]) }));
  const steps = groupTimeline(residents, timeline.ties);
  const index = new Map(steps.groups.map((key, g) => [key, g]));
  const tallies = steps.groups.map(() => new Map<string, number>());
  timeline.residents.forEach((r, i) => {
    const type = text(r.attributes.housingType);
    if (type === null) return;
    const tally = tallies[index.get(residents[i]!.group ?? UNGROUPED)!]!;
    tally.set(type, (tally.get(type) ?? 0) + 1);
  });
  const housingTypes = tallies.map((tally) => [...tally].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]?.[0] ?? null);
  return { steps, housingTypes };
}

export async function groupTimelineOf(ctx: ServiceContext, request: GroupTimelineRequest): Promise<GroupTimelineResult> {
  const started = performance.now();
  if (request.groupBy === 'building' && request.housingArea === null) {
    throw badInput('housingArea: buildings are grouped within one housing area: name it / 按楼栋分组须指定院落或小区', ['housingArea']);
  }
  const { prepared, timeline } = await readTieTimeline(ctx, request);
  const communityId = prepared.spec.communityId;
  const cache = cacheOf(ctx);
  const key = `${prepared.key}|${request.groupBy}|${request.housingArea ?? ''}`;
  let collapsed = cache.get(key);
  if (!collapsed) {
    collapsed = collapseTimeline(request.housingArea === null ? timeline : areaTimeline(timeline, request.housingArea, ['housingArea']), request.groupBy);
    cache.set(key, collapsed);
  }
  const { steps, housingTypes } = collapsed;
  const area = request.housingArea === NO_GROUP ? null : request.housingArea;
  const label = (k: string) => {
    if (k === UNGROUPED) return NO_GROUP;
    return request.groupBy === 'housingArea' ? placeLabel(ctx, communityId, k, null) : placeLabel(ctx, communityId, area, k);
  };
  return {
    communityId,
    groupBy: request.groupBy,
    housingArea: request.housingArea,
    dataFrom: prepared.range.first,
    dataTo: prepared.range.last,
    sources: { ...prepared.spec.sources },
    maxActivitySize: prepared.spec.maxActivitySize,
    groups: steps.groups.map((k, g) => ({ key: k, label: label(k), housingType: housingTypes[g]! })),
    residents: steps.residents,
    inside: steps.inside,
    between: steps.between,
    seconds: Math.round(performance.now() - started) / 1000,
  };
}
