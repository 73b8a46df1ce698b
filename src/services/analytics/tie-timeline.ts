/**
 * The tie network's history for the dashboard's map (src/graph/timeline.ts): every resident with their
 * lifetime, every tie with the spans in which it is in force, so the page draws the network as of any
 * date by filtering one answer instead of asking for a projection per date. Scope, community and
 * spec are checked as for any analysis (prepareNetwork). Labels are the rankings' own (residentLabel:
 * display name · area and building, so namesakes are told apart; for RESEARCHER tokens the pseudonym
 * and a pseudonym of the area, and no display name). Kept per data version, like
 * the projections.
 */
import type { Database } from '../../db/database.ts';
import { projectTieTimeline } from '../../graph/project.ts';
import type { TieTimeline } from '../../graph/timeline.ts';
import { LruCache } from '../../compute/lru.ts';
import { analyticsSettingsOf } from '../../compute/settings.ts';
import type { ServiceContext } from '../context.ts';
import { residentLabel } from '../shape.ts';
import { prepareNetwork, type NetworkRequest } from './network.ts';

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

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

export async function tieTimeline(ctx: ServiceContext, request: Pick<NetworkRequest, 'communityId' | 'sources' | 'maxActivitySize'>): Promise<TieTimelineResult> {
  const started = performance.now();
  const prepared = await prepareNetwork(ctx, { ...request, network: 'TIES' });
  const cache = cacheOf(ctx);
  let timeline = cache.get(prepared.key);
  if (!timeline) {
    const { communityId, sources, maxActivitySize } = prepared.spec;
    timeline = projectTieTimeline(ctx.db, { communityId, network: 'TIES', sources, maxActivitySize });
    cache.set(prepared.key, timeline);
    timeline.catch(() => cache.delete(prepared.key));
  }
  const { residents, ties } = await timeline;
  return {
    communityId: prepared.spec.communityId,
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
