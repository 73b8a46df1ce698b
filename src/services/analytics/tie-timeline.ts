/**
 * The tie network's history for the dashboard's map (src/graph/timeline.ts): every resident with their
 * lifetime, every tie with the spans in which it is in force, so the page draws the network as of any
 * date by filtering one answer instead of asking for a projection per date. Scope, community and
 * spec are checked as for any analysis (prepareNetwork). Labels are the rankings' own (residentLabel:
 * display name · area and building, so namesakes are told apart; for RESEARCHER tokens the pseudonym
 * and a pseudonym of the area, and no display name). Kept per data version, like
 * the projections. With a housing area, only that area's residents and the ties among them: the
 * collapsed map's drill-down, which would otherwise fetch the whole community to draw one area.
 */
import type { Database } from '../../db/database.ts';
import { projectTieTimeline } from '../../graph/project.ts';
import { keepResidents, type TieTimeline, type TimelineResident } from '../../graph/timeline.ts';
import { notFound, type FieldPath } from '../../domain/errors.ts';
import { LruCache } from '../../compute/lru.ts';
import { analyticsSettingsOf } from '../../compute/settings.ts';
import type { ServiceContext } from '../context.ts';
import { residentLabel } from '../shape.ts';
import { prepareNetwork, type NetworkRequest, type PreparedNetwork } from './network.ts';

export interface TimelineResidentOut {
  id: string;
  label: string;
  housingArea: string | null;
  housingType: string | null;
  building: string | null;
  partyMember: boolean | null;
  cultivationStage: string | null;
  start: Date | null;
  end: Date | null;
}

export interface TieTimelineResult {
  communityId: string;
  housingArea: string | null;
  dataFrom: Date | null;
  dataTo: Date | null;
  sources: Record<string, number>;
  maxActivitySize: number;
  residents: TimelineResidentOut[];
  ties: TieTimeline['ties'];
  seconds: number;
}

const caches = new WeakMap<Database, LruCache<Promise<TieTimeline>>>();

function cacheOf(ctx: ServiceContext): LruCache<Promise<TieTimeline>> {
  let cache = caches.get(ctx.db);
  if (!cache) caches.set(ctx.db, (cache = new LruCache(8, analyticsSettingsOf(ctx).cacheSeconds * 1000)));
  return cache;
}

export const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

/** The group key of a resident without a housing area (or a building), as the collapsed map names it. */
export const NO_GROUP = '?';

export type TimelineRequest = Pick<NetworkRequest, 'communityId' | 'sources' | 'maxActivitySize'>;

/** The community's whole timeline with the request's spec, from the cache or read once. */
export async function readTieTimeline(ctx: ServiceContext, request: TimelineRequest): Promise<{ prepared: PreparedNetwork; timeline: TieTimeline }> {
  // The community and the sources are arguments of the field itself: errors name them from the top.
  const prepared = await prepareNetwork(ctx, { ...request, network: 'TIES' }, []);
  const cache = cacheOf(ctx);
  let timeline = cache.get(prepared.key);
  if (!timeline) {
    const { communityId, sources, maxActivitySize } = prepared.spec;
    timeline = projectTieTimeline(ctx.db, { communityId, network: 'TIES', sources, maxActivitySize });
    cache.set(prepared.key, timeline);
    timeline.catch(() => cache.delete(prepared.key));
  }
  return { prepared, timeline: await timeline };
}

/** Whether the resident lives in the area ("?" stands for no housing area). */
export const inArea = (area: string) => (r: TimelineResident) => (text(r.attributes.housingArea) ?? NO_GROUP) === area;

/** The timeline of one housing area; NOT_FOUND at `path` when no resident of the community lives there. */
export function areaTimeline(timeline: TieTimeline, area: string, path: FieldPath): TieTimeline {
  const kept = keepResidents(timeline, inArea(area));
  if (kept.residents.length === 0) throw notFound('Housing area', area, path);
  return kept;
}

export async function tieTimeline(ctx: ServiceContext, request: TimelineRequest & { housingArea?: string | null }): Promise<TieTimelineResult> {
  const started = performance.now();
  const read = await readTieTimeline(ctx, request);
  const { prepared } = read;
  const { residents, ties } = request.housingArea === undefined || request.housingArea === null ? read.timeline : areaTimeline(read.timeline, request.housingArea, ['housingArea']);
  return {
    communityId: prepared.spec.communityId,
    housingArea: request.housingArea ?? null,
    dataFrom: prepared.range.first,
    dataTo: prepared.range.last,
    sources: { ...prepared.spec.sources },
    maxActivitySize: prepared.spec.maxActivitySize,
    residents: residents.map((r) => ({
      id: r.id,
      label: residentLabel(ctx, { _label: 'Resident', id: r.id, communityId: prepared.spec.communityId, displayName: r.attributes.displayName ?? r.id, housingArea: text(r.attributes.housingArea), building: text(r.attributes.building) }),
      housingArea: text(r.attributes.housingArea),
      housingType: text(r.attributes.housingType),
      building: text(r.attributes.building),
      partyMember: typeof r.attributes.partyMember === 'boolean' ? r.attributes.partyMember : null,
      cultivationStage: text(r.attributes.cultivationStage),
      start: r.start === null ? null : new Date(r.start),
      end: r.end === null ? null : new Date(r.end),
    })),
    ties,
    seconds: Math.round(performance.now() - started) / 1000,
  };
}
