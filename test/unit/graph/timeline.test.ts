import { describe, expect, it } from 'vitest';
import { resolveSpec, type NetworkSpec } from '../../../src/graph/spec.ts';
import { buildTieGraph, feedTieRows, type TieRows } from '../../../src/graph/ties.ts';
import { mergeSpans, spanHolds, TieTimelineBuilder, type TieTimeline } from '../../../src/graph/timeline.ts';
import type { EventRow, GroupRow } from '../../../src/db/repositories/graph.ts';
import { activity, COMMUNITY, d, exchange, knows, organisation, resident, t } from './rows.ts';

const TIES: NetworkSpec = { communityId: COMMUNITY, network: 'TIES' };

function timelineOf(rows: TieRows, spec: NetworkSpec = TIES): TieTimeline {
  return feedTieRows(new TieTimelineBuilder(resolveSpec({ ...spec, network: 'TIES' })), rows).finish();
}

/** The ties in force at `at` by the timeline's rule: a span holds and both residents are present. */
function tiesAt(timeline: TieTimeline, at: number): string[] {
  const present = timeline.residents.map((r) => (r.start === null || r.start <= at) && (r.end === null || r.end > at));
  const out: string[] = [];
  let first = 0;
  const { a, b, spanCounts, spans } = timeline.ties;
  for (let k = 0; k < a.length; k += 1) {
    if (present[a[k]!] && present[b[k]!] && spanHolds(spans, first, spanCounts[k]!, at)) out.push(pairKey(timeline.residents[a[k]!]!.id, timeline.residents[b[k]!]!.id));
    first += 2 * spanCounts[k]!;
  }
  return out.sort();
}

const pairKey = (x: string, y: string) => (x < y ? `${x}-${y}` : `${y}-${x}`);

function projectedAt(rows: TieRows, at: number, spec: NetworkSpec = TIES): string[] {
  const g = buildTieGraph(rows, { ...spec, asOf: new Date(at) });
  return g.mapEdges((_, __, s, x) => pairKey(s, x)).sort();
}

/** A small deterministic generator (mulberry32), so a failure repeats. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const START = t('2024-01-01');
const day = (n: number) => new Date(START + n * DAY).toISOString().slice(0, 10);

function randomRows(seed: number): TieRows {
  const rnd = random(seed);
  const pick = (n: number) => Math.floor(rnd() * n);
  const ids = Array.from({ length: 30 }, (_, i) => `r${String(i).padStart(2, '0')}`);
  const residents = ids.map((id) => {
    const from = rnd() < 0.3 ? 20 + pick(200) : null;
    const until = rnd() < 0.2 ? 250 + pick(200) : null;
    return resident(id, { ...(from === null ? { startUnknown: true } : { createdAt: d(day(from)) }), ...(until === null ? {} : { endedAt: d(day(until)) }) });
  });
  const acquaintances = Array.from({ length: 25 }, () => {
    const since = rnd() < 0.2 ? null : day(pick(300));
    return knows(ids[pick(30)]!, ids[pick(30)]!, since, rnd() < 0.4 ? day(300 + pick(200)) : null);
  });
  const memberships = Array.from({ length: 5 }, (_, g) => organisation(`org${g}`, Array.from({ length: 2 + pick(5) }, () => {
    const since = pick(300);
    return [ids[pick(30)]!, rnd() < 0.1 ? null : day(since), rnd() < 0.5 ? day(since + 1 + pick(200)) : null] as [string, string | null, string | null];
  })));
  // Activities stay under the crowd limit; their attendees sign in on different days.
  const attendances: GroupRow<EventRow>[] = Array.from({ length: 20 }, (_, g) => ({
    group: `act${g}`,
    members: Array.from({ length: 2 + pick(6) }, () => ({ id: ids[pick(30)]!, at: t(day(pick(450))) })),
  }));
  const exchanges = Array.from({ length: 15 }, () => exchange(ids[pick(30)]!, ids[pick(30)]!, rnd() < 0.1 ? 0 : 1 + pick(3), day(pick(450))));
  const projectWork: GroupRow<EventRow>[] = Array.from({ length: 4 }, (_, g) => ({
    group: `project${g}`,
    members: Array.from({ length: 2 + pick(3) }, () => ({ id: ids[pick(30)]!, at: t(day(pick(450))) })),
  }));
  return { residents, acquaintances, memberships, attendances, exchanges, projectWork };
}

describe('the tie timeline', () => {
  it('gives, filtered at any instant, the very ties the projection as of that instant has (random histories)', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const rows = randomRows(seed);
      const timeline = timelineOf(rows);
      let nonEmpty = 0;
      for (let n = -10; n <= 480; n += 7) {
        const at = START + n * DAY + 3_600_000;
        const expected = projectedAt(rows, at);
        if (expected.length > 0) nonEmpty += 1;
        expect(tiesAt(timeline, at), `seed ${seed}, ${day(n)}`).toEqual(expected);
      }
      // The histories are not trivial: ties come and go.
      expect(nonEmpty).toBeGreaterThan(30);
    }
  });

  it('holds at the spans\' own bounds as the projection does: since ≤ t < until', () => {
    const rows: TieRows = { residents: [resident('a'), resident('b')], acquaintances: [knows('a', 'b', '2024-03-01', '2024-04-01')] };
    const timeline = timelineOf(rows);
    for (const at of [t('2024-03-01') - 1, t('2024-03-01'), t('2024-04-01') - 1, t('2024-04-01')]) expect(tiesAt(timeline, at)).toEqual(projectedAt(rows, at));
    expect(tiesAt(timeline, t('2024-03-01'))).toEqual(['a-b']);
    expect(tiesAt(timeline, t('2024-04-01'))).toEqual([]);
  });

  it('ends a co-attendance tie when the activity outgrows maxActivitySize, as the projection does', () => {
    const people = ['a', 'b', 'c', 'd'].map((id) => resident(id));
    const act: GroupRow<EventRow> = { group: 'x', members: [{ id: 'a', at: t('2024-01-01') }, { id: 'b', at: t('2024-01-01') }, { id: 'c', at: t('2024-02-01') }, { id: 'd', at: t('2024-03-01') }] };
    const rows: TieRows = { residents: people, attendances: [act] };
    const spec: NetworkSpec = { ...TIES, maxActivitySize: 3 };
    const timeline = timelineOf(rows, spec);
    for (const when of ['2024-01-15', '2024-02-15', '2024-03-15']) expect(tiesAt(timeline, t(when)), when).toEqual(projectedAt(rows, t(when), spec));
    expect(tiesAt(timeline, t('2024-02-15'))).toEqual(['a-b', 'a-c', 'b-c']);
    expect(tiesAt(timeline, t('2024-03-15'))).toEqual([]);
  });

  it('reads no source of weight 0 and sums the weighted sources over the whole history', () => {
    const rows: TieRows = { residents: [resident('a'), resident('b')], acquaintances: [knows('a', 'b')], exchanges: [exchange('a', 'b', 2), exchange('b', 'a', 1, '2024-07-01')] };
    expect(timelineOf(rows).ties.weight).toEqual([1 + 3 * 0.5]);
    const noExchange = timelineOf(rows, { ...TIES, sources: { acquaintance: 0 } });
    expect(noExchange.ties.a).toHaveLength(1);
    expect(noExchange.ties.spans).toEqual([t('2024-06-01'), null]);
    expect(timelineOf(rows, { ...TIES, sources: { acquaintance: 0, exchange: 0 } }).ties.a).toHaveLength(0);
  });

  it('merges overlapping and touching spans and keeps apart ones apart', () => {
    expect(mergeSpans([5, 8, 1, 3, 3, 4, 10, 12, 11, 20])).toEqual([1, 4, 5, 8, 10, 20]);
    expect(mergeSpans([-Infinity, 2, 1, Infinity])).toEqual([-Infinity, Infinity]);
    expect(mergeSpans([])).toEqual([]);
  });
});
