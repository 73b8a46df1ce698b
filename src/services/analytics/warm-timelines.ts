/**
 * At start-up, once the data is in (after the demo load, when there is one), every community's tie
 * timeline with the default sources is read once, one community after another, in the background.
 * The first sign-in after a start then finds the map's history in the service's cache instead of
 * paying for it: on a database just started, Neo4j's first plans and runs of the timeline's
 * statements took 5–11 s on the `small` demo (docs/dashboard.md, "Measured"), the read itself well
 * under a second once they were compiled. A sign-in during the warm-up waits for the read in flight
 * (the cache holds the promise); an entry leaves the cache on a write or after the analytics' cache
 * age like any other, and is read again then — with the statements compiled, so much faster.
 * The timeline collapsed by housing area (./group-timeline.ts), which a large community's map asks
 * for first, is made from it then too, before the community is said to be ready.
 */
import { listCommunityIds } from '../../db/research.ts';
import type { ServiceContext } from '../context.ts';
import { groupTimelineOf } from './group-timeline.ts';
import { tieTimeline } from './tie-timeline.ts';

export interface WarmedTimeline {
  communityId: string;
  residents: number;
  ties: number;
  /** Housing areas of the collapsed timeline. */
  areas: number;
  seconds: number;
}

/** Reads each community's timeline (every community unless named) into the cache; one that fails is reported and skipped. */
export async function warmTieTimelines(ctx: ServiceContext, log: (line: string) => void, communityIds?: readonly string[]): Promise<WarmedTimeline[]> {
  const warmed: WarmedTimeline[] = [];
  for (const communityId of communityIds ?? (await listCommunityIds(ctx.db))) {
    try {
      const answer = await tieTimeline(ctx, { communityId });
      const areas = await groupTimelineOf(ctx, { communityId, groupBy: 'housingArea', housingArea: null });
      const seconds = answer.seconds + areas.seconds;
      warmed.push({ communityId, residents: answer.residents.length, ties: answer.ties.a.length, areas: areas.groups.length, seconds });
      log(`map history of ${communityId} ready: ${answer.residents.length} residents, ${answer.ties.a.length} ties, ${areas.groups.length} housing areas, ${seconds.toFixed(1)} s / 地图时间线已就绪`);
    } catch (error) {
      log(`map history of ${communityId} not warmed: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  return warmed;
}
