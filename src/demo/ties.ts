/**
 * Declared acquaintances (KNOWS). Dense inside a building (neighbours on nearby floors first, which
 * gives the clustering of a real courtyard), thinner across buildings of one estate and across estates
 * of one housing type, and rare across housing types — until the intervention, after which bridging
 * ties across housing types, made by the more active residents, grow. Ties stream out building by
 * building; only the current group's pairs are held to avoid duplicates.
 */
import type { Output } from './output.ts';
import type { Population } from './people.ts';
import { Rng } from './random.ts';

/** Mean number of ties per resident (degree) by reach. */
const DEGREE = { building: 5, estate: 1, sameType: 0.3, crossBefore: 0.15, crossAfter: 0.4 };
const SOURCES = ['SELF_REPORTED', 'SURVEY', 'OBSERVED'] as const;

export async function emitAcquaintances(out: Output, pop: Population, seed: number): Promise<void> {
  const rng = new Rng(seed, 'ties');
  const r = pop.residents;
  const { lastDay, interventionDay } = pop.calendar;

  const tie = async (a: number, b: number, window: 'any' | 'before' | 'after') => {
    const base = Math.max(r.created[a]!, r.created[b]!) + 1;
    let since: number;
    if (window === 'after' || (window === 'before' && base >= interventionDay)) since = rng.day(Math.max(base, interventionDay), lastDay);
    else if (window === 'before') since = rng.day(base, interventionDay - 1);
    else if (rng.chance(0.55)) since = base; // already neighbours when first recorded
    else {
      since = rng.day(base, lastDay);
      // Ties inside the same estate keep forming, but more slowly than early on.
      if (since >= interventionDay && rng.chance(0.45)) since = rng.day(base, lastDay);
    }
    if (since > lastDay) return;
    const ends = rng.chance(0.04) ? since + rng.int(30, 500) : 0;
    const source = window === 'after' ? rng.pick(['OBSERVED', 'SURVEY'] as const) : rng.pick(SOURCES);
    await out.rel('ACQUAINTANCE', r.id(a), r.id(b), ends > 0 && ends <= lastDay ? { since, until: ends } : { since }, { source });
  };

  /** `count` distinct unordered pairs from `pair()`, which returns [a, b] or undefined to skip. */
  const pairs = async (count: number, pair: () => [number, number] | undefined, window: 'any' | 'before' | 'after', seen: Set<number>) => {
    for (let made = 0, tries = 0; made < count && tries < count * 10; tries++) {
      const p = pair();
      if (!p || p[0] === p[1]) continue;
      const [a, b] = p[0] < p[1] ? p : [p[1], p[0]];
      const key = a * r.n + b;
      if (seen.has(key)) continue;
      seen.add(key);
      made++;
      if (rng.chance(0.5)) await tie(a, b, window);
      else await tie(b, a, window);
    }
  };

  for (const b of pop.buildings) {
    const n = b.end - b.start;
    const count = Math.min(Math.round((n * DEGREE.building) / 2), Math.floor((n * (n - 1)) / 4));
    await pairs(count, () => {
      const a = rng.int(b.start, b.end - 1);
      // Neighbours on nearby floors first; otherwise anyone in the building.
      const c = rng.chance(0.65) ? a + (rng.chance(0.5) ? 1 : -1) * rng.int(1, 8) : rng.int(b.start, b.end - 1);
      return c >= b.start && c < b.end ? [a, c] : undefined;
    }, 'any', new Set());
  }

  for (const area of pop.areas) {
    if (area.lastBuilding - area.firstBuilding < 2) continue;
    await pairs(Math.round(((area.end - area.start) * DEGREE.estate) / 2), () => {
      const a = r.pick(rng, area.start, area.end);
      const c = rng.int(area.start, area.end - 1);
      return r.building[a] !== r.building[c] ? [a, c] : undefined;
    }, 'any', new Set());
  }

  for (const t of pop.types) {
    if (pop.areas.filter((x) => x.type === t.type).length < 2) continue;
    await pairs(Math.round(((t.end - t.start) * DEGREE.sameType) / 2), () => {
      const a = rng.int(t.start, t.end - 1);
      const c = rng.int(t.start, t.end - 1);
      return r.area[a] !== r.area[c] ? [a, c] : undefined;
    }, 'any', new Set());
  }

  // Across housing types: a few before the intervention, more after, made by the more active residents.
  const cross = new Set<number>();
  const otherType = (a: number) => {
    const own = pop.types.findIndex((t) => a >= t.start && a < t.end);
    const others = pop.types.filter((_, k) => k !== own);
    return others.length > 0 ? rng.pick(others) : undefined;
  };
  for (const [window, degree] of [['before', DEGREE.crossBefore], ['after', DEGREE.crossAfter]] as const) {
    await pairs(Math.round((r.n * degree) / 2), () => {
      const a = window === 'after' ? r.pick(rng, 0, r.n) : rng.int(0, r.n - 1);
      const t = otherType(a);
      if (!t) return undefined;
      return [a, window === 'after' ? r.pick(rng, t.start, t.end) : rng.int(t.start, t.end - 1)];
    }, window, cross);
  }
}
