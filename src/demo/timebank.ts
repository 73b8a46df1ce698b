/**
 * The time bank (共享会) of seeds/003: members share time and skills for points ("我为人人，人人为我").
 * Every member gives or receives at least once; then the more active members give more, until the
 * preset's total hours are reached. Exchanges are mostly between neighbours of the same estate and
 * grow after the intervention. Points are hours × 10.
 */
import { TIMEBANK_SERVICES } from './names.ts';
import type { Output } from './output.ts';
import { TIMEBANK, type Population } from './people.ts';
import type { Preset } from './presets.ts';
import { Rng } from './random.ts';

const HOURS = [1, 1.5, 2, 2.5, 3, 3.5, 4];
const HOUR_WEIGHTS = [0.22, 0.12, 0.25, 0.1, 0.15, 0.06, 0.1];

export async function emitExchanges(out: Output, pop: Population, preset: Preset, seed: number): Promise<{ members: number; hours: number }> {
  const rng = new Rng(seed, 'timebank');
  const r = pop.residents;
  const { lastDay, interventionDay } = pop.calendar;
  const members: number[] = [];
  for (let i = 0; i < r.n; i++) if (r.has(i, TIMEBANK)) members.push(i);
  if (members.length < 2) return { members: 0, hours: 0 };
  const byArea: number[][] = pop.areas.map(() => []);
  for (const i of members) byArea[r.area[i]!]!.push(i);
  const cum = new Float64Array(members.length + 1);
  members.forEach((i, k) => (cum[k + 1] = cum[k]! + r.weight[i]!));
  const weightedMember = () => {
    const x = rng.next() * cum[members.length]!;
    let lo = 0;
    let hi = members.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid + 1]! > x) hi = mid;
      else lo = mid + 1;
    }
    return members[lo]!;
  };

  let hours = 0;
  const exchange = async (giver: number, receiver: number) => {
    const lo = Math.max(r.created[giver]!, r.created[receiver]!) + 1;
    let day = rng.day(lo, lastDay);
    if (day < interventionDay && rng.chance(0.4)) day = rng.day(Math.max(lo, interventionDay), lastDay);
    const h = rng.weighted(HOURS, HOUR_WEIGHTS);
    hours += h;
    await out.rel('EXCHANGE', r.id(giver), r.id(receiver), { at: pop.calendar.dateOf(day, rng.int(9, 20)) }, { hours: h, points: h * 10, service: rng.pick(TIMEBANK_SERVICES) });
  };
  const other = (i: number) => {
    const near = byArea[r.area[i]!]!;
    let j = near.length > 1 && rng.chance(0.6) ? rng.pick(near) : rng.pick(members);
    while (j === i) j = rng.pick(members);
    return j;
  };

  for (const i of rng.shuffle([...members])) {
    const j = other(i);
    if (rng.chance(0.5)) await exchange(i, j);
    else await exchange(j, i);
  }
  while (hours < preset.timebank.hours) {
    const giver = weightedMember();
    await exchange(giver, other(giver));
  }
  return { members: members.length, hours };
}
