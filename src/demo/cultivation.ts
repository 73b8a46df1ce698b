/**
 * The cultivation pipeline of seeds/002: find good people (好人), grow them into capable people (能人),
 * guide them into community-group leaders (社群领头人). The more active a resident (participation
 * weight, time-bank membership, Party membership, building head), the likelier and further they move;
 * promotions quicken after the intervention. A few step back one stage. Each step becomes a
 * STATE_CHANGE row on Resident.cultivationStage with evidence text.
 */
import { EVIDENCE } from './names.ts';
import type { Output } from './output.ts';
import { HEAD, PARTY, STAGES, TIMEBANK, weightedTop, type Population } from './people.ts';
import type { Preset } from './presets.ts';
import { Rng } from './random.ts';

const MIN_GAP = 40;

export function planCultivation(pop: Population, preset: Preset, seed: number): void {
  const rng = new Rng(seed, 'cultivation');
  const r = pop.residents;
  const { lastDay, interventionDay } = pop.calendar;
  const score = (i: number) =>
    r.weight[i]! * (r.has(i, TIMEBANK) ? 1.5 : 1) * (r.has(i, PARTY) ? 1.3 : 1) * (r.has(i, HEAD) ? 2 : 1);
  const good = Math.round(r.n * preset.cultivation.good);
  const capable = Math.round(r.n * preset.cultivation.capable);
  const leader = Math.round(r.n * preset.cultivation.leader);
  const ranked = weightedTop(rng, (i) => (r.created[i]! < lastDay - 90 ? score(i) : 0), r.n, good);

  ranked.forEach((i, rank) => {
    const target = rank < leader ? 3 : rank < capable ? 2 : 1;
    // Leave room for the later steps; promotions are likelier after the intervention.
    const lo = r.created[i]! + 14;
    const hi = lastDay - MIN_GAP * (target - 1) - 5;
    if (lo > hi) return;
    let day = rng.day(lo, hi);
    if (day < interventionDay && rng.chance(0.35)) day = rng.day(Math.max(lo, interventionDay), hi);
    let reached = 0;
    for (let s = 1; s <= target; s++) {
      if (s > 1) {
        const room = Math.floor((lastDay - day) / (target - s + 1));
        if (room < MIN_GAP) break;
        day += rng.int(MIN_GAP, Math.min(room, 280));
      }
      r.stageDay[i * 3 + s - 1] = day;
      reached = s;
    }
    r.maxStage[i] = reached;
    if (reached >= 2 && rng.chance(0.04)) {
      const back = day + rng.int(30, 240);
      if (back <= lastDay) r.backDay[i] = back;
    }
  });
}

export async function emitCultivationChanges(out: Output, pop: Population, seed: number): Promise<void> {
  const rng = new Rng(seed, 'cultivation-evidence');
  const r = pop.residents;
  for (let i = 0; i < r.n; i++) {
    const max = r.maxStage[i]!;
    for (let s = 1; s <= max; s++) {
      const to = STAGES[s]!;
      const evidence = rng.pick(EVIDENCE[to as keyof typeof EVIDENCE]);
      await out.change('Resident', r.id(i), 'cultivationStage', STAGES[s - 1]!, to, r.stageDay[i * 3 + s - 1]!, evidence);
    }
    if (r.backDay[i]! > 0) {
      await out.change('Resident', r.id(i), 'cultivationStage', STAGES[max]!, STAGES[max - 1]!, r.backDay[i]!, rng.pick(EVIDENCE.STEP_BACK));
    }
  }
}
