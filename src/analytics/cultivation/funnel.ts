/**
 * The stage funnel of one staged field over a window [from, to): how many were at each stage at the
 * start and the end, every transition, the conversion of each forward step with its Wilson
 * interval (./wilson.ts), the Kaplan–Meier time in each stage (./kaplan-meier.ts), yearly cohorts,
 * and the conversions and medians per group. Definitions:
 *
 * - atStart / atEnd: nodes at the stage as of `from` / as of `to` (./histories.ts: changes before
 *   the instant); entered / left: changes into / out of it at from ≤ at < to.
 * - conversion s → s+1: eligible = nodes at s as of `from` plus those who entered s in the window
 *   (a node created in the window enters its first stage then; each node once); converted = those of them who reached s+1 or a later stage of the path after
 *   first being at s in the window and before `to`.
 * - time in stage: the spells of the stage that began in the window (a node's first spell begins at
 *   its creation; a spell whose start is unknown is left out), followed until `to`. The event is a
 *   move up the path before `to`; a spell still open at `to`, one that ended by stepping back (a
 *   competing exit, treated as censoring: the estimate answers "how long until promotion for those
 *   who do not step back first", and overstates the share promoted when many step back) and one
 *   whose node ended are censored. Days, 86,400,000 ms each.
 * - cohorts: nodes whose first entry into the path's second stage (the first one above the initial
 *   stage) falls in the window, by its UTC calendar year; for every later stage, how many reached it
 *   within 365 and within 730 days of that entry and before `to`, and how many were followed that
 *   long (entry + 365 or 730 days ≤ to), so an incomplete year is visible as such.
 */
import { isUp, spellsOf, stageBefore, type HistoryArrays, type StageOrder } from './histories.ts';
import { kaplanMeier, type SurvivalSummary } from './kaplan-meier.ts';
import { wilson, type Proportion } from './wilson.ts';

export const DAY_MS = 86_400_000;

export interface StageCount {
  stage: string;
  atStart: number;
  atEnd: number;
  entered: number;
  left: number;
}

export interface TransitionCount {
  from: string;
  to: string;
  count: number;
  /** Up the path (false: a step back or a move off the path). */
  forward: boolean;
}

export interface Conversion extends Proportion {
  from: string;
  to: string;
  eligible: number;
  converted: number;
}

export interface TimeInStage extends SurvivalSummary {
  stage: string;
}

export interface CohortStage {
  stage: string;
  within365: number;
  within730: number;
}

export interface Cohort {
  year: number;
  size: number;
  followed365: number;
  followed730: number;
  reached: CohortStage[];
}

export interface GroupFunnel {
  group: string;
  nodes: number;
  conversions: Conversion[];
  timeInStage: TimeInStage[];
}

export interface FunnelResult {
  /** Nodes with a history present at some time in the window. */
  nodes: number;
  stages: StageCount[];
  transitions: TransitionCount[];
  conversions: Conversion[];
  timeInStage: TimeInStage[];
  cohorts: Cohort[];
  groups: GroupFunnel[] | null;
}

export interface FunnelOptions {
  from: number;
  to: number;
  /** Group number of each node (−1: no value, left out of the groups), with the groups' names. */
  groups?: { of: Int32Array; names: readonly string[] } | null;
}

const MODULE = 'cultivation/funnel';

function checkWindow(from: number, to: number): void {
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new Error(`${MODULE}: from and to must be instants`);
  if (!(to > from)) throw new Error(`${MODULE}: to must be after from`);
}

/** Conversions of each forward step among the given nodes. */
export function conversions(h: HistoryArrays, order: StageOrder, nodes: Iterable<number>, from: number, to: number): Conversion[] {
  const steps = Math.max(0, order.path - 1);
  const eligible = new Int32Array(steps);
  const converted = new Int32Array(steps);
  const firstAt = new Float64Array(steps);
  for (const i of nodes) {
    firstAt.fill(Number.NaN);
    const start = stageBefore(h, i, from);
    if (start >= 0 && start < steps) firstAt[start] = from;
    // Created in the window: it entered its first stage then.
    const created = h.createdAt[i]!;
    if (start < 0 && created >= from && created < to && h.initial[i]! < steps) firstAt[h.initial[i]!] = created;
    const counted = new Uint8Array(steps);
    for (let k = h.offsets[i]!; k < h.offsets[i + 1]!; k += 1) {
      const at = h.changeAt[k]!;
      if (at >= to) break;
      const next = h.changeTo[k]!;
      if (at >= from) {
        // Reaching a stage above s converts every s first seen earlier in the window.
        if (next < order.path) for (let s = 0; s < Math.min(next, steps); s += 1) if (!Number.isNaN(firstAt[s]!) && !counted[s]) counted[s] = 1;
        if (next < steps && Number.isNaN(firstAt[next]!)) firstAt[next] = at;
      }
    }
    for (let s = 0; s < steps; s += 1) {
      if (Number.isNaN(firstAt[s]!)) continue;
      eligible[s] = eligible[s]! + 1;
      if (counted[s]) converted[s] = converted[s]! + 1;
    }
  }
  return Array.from({ length: steps }, (_, s) => ({
    from: order.stages[s]!, to: order.stages[s + 1]!, eligible: eligible[s]!, converted: converted[s]!, ...wilson(converted[s]!, eligible[s]!),
  }));
}

/** Durations (days) and events of the spells of each stage that began in [from, to), followed until `to`. */
export function stageSpells(h: HistoryArrays, order: StageOrder, nodes: Iterable<number>, from: number, to: number): { durations: number[]; events: number[] }[] {
  const out = Array.from({ length: Math.max(0, order.path - 1) }, () => ({ durations: [] as number[], events: [] as number[] }));
  for (const i of nodes) {
    for (const spell of spellsOf(h, i, order)) {
      if (spell.stage >= out.length || Number.isNaN(spell.start) || spell.start < from || spell.start >= to) continue;
      const end = Number.isNaN(spell.end) || spell.end > to ? to : spell.end;
      const event = spell.exit === 'up' && spell.end < to ? 1 : 0;
      out[spell.stage]!.durations.push((end - spell.start) / DAY_MS);
      out[spell.stage]!.events.push(event);
    }
  }
  return out;
}

function timeInStage(h: HistoryArrays, order: StageOrder, nodes: Iterable<number>, from: number, to: number): TimeInStage[] {
  return stageSpells(h, order, nodes, from, to).map((s, stage) => ({ stage: order.stages[stage]!, ...kaplanMeier(s.durations, s.events) }));
}

function cohorts(h: HistoryArrays, order: StageOrder, from: number, to: number): Cohort[] {
  const byYear = new Map<number, Cohort>();
  if (order.path < 2) return [];
  for (let i = 0; i < h.ids.length; i += 1) {
    let entry = Number.NaN;
    const firstReach = new Float64Array(order.path).fill(Number.NaN);
    for (let k = h.offsets[i]!; k < h.offsets[i + 1]!; k += 1) {
      const stage = h.changeTo[k]!;
      const at = h.changeAt[k]!;
      if (stage >= order.path || stage < 1) continue;
      if (Number.isNaN(entry)) {
        if (h.initial[i]! >= 1) break; // started above the initial stage: it never entered stage 1 from below
        entry = at;
      }
      for (let s = 1; s <= stage; s += 1) if (Number.isNaN(firstReach[s]!)) firstReach[s] = at;
    }
    if (Number.isNaN(entry) || entry < from || entry >= to) continue;
    const year = new Date(entry).getUTCFullYear();
    let cohort = byYear.get(year);
    if (!cohort) {
      cohort = { year, size: 0, followed365: 0, followed730: 0, reached: order.stages.slice(2, order.path).map((stage) => ({ stage, within365: 0, within730: 0 })) };
      byYear.set(year, cohort);
    }
    cohort.size += 1;
    if (entry + 365 * DAY_MS <= to) cohort.followed365 += 1;
    if (entry + 730 * DAY_MS <= to) cohort.followed730 += 1;
    for (let s = 2; s < order.path; s += 1) {
      const at = firstReach[s]!;
      if (Number.isNaN(at) || at >= to) continue;
      const r = cohort.reached[s - 2]!;
      if (at - entry <= 365 * DAY_MS) r.within365 += 1;
      if (at - entry <= 730 * DAY_MS) r.within730 += 1;
    }
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** Nodes present at some time in [from, to). */
function presentInWindow(h: HistoryArrays, i: number, from: number, to: number): boolean {
  const created = h.createdAt[i]!;
  const ended = h.endedAt[i]!;
  return (Number.isNaN(created) || created < to) && (Number.isNaN(ended) || ended >= from);
}

export function stageFunnel(h: HistoryArrays, order: StageOrder, options: FunnelOptions): FunnelResult {
  const { from, to } = options;
  checkWindow(from, to);
  const k = order.stages.length;
  const atStart = new Int32Array(k);
  const atEnd = new Int32Array(k);
  const entered = new Int32Array(k);
  const left = new Int32Array(k);
  const pairs = new Int32Array(k * k);
  const nodes: number[] = [];
  for (let i = 0; i < h.ids.length; i += 1) {
    if (!presentInWindow(h, i, from, to)) continue;
    nodes.push(i);
    const s0 = stageBefore(h, i, from);
    if (s0 >= 0) atStart[s0] = atStart[s0]! + 1;
    const s1 = stageBefore(h, i, to);
    if (s1 >= 0) atEnd[s1] = atEnd[s1]! + 1;
    let stage = h.initial[i]!;
    for (let c = h.offsets[i]!; c < h.offsets[i + 1]!; c += 1) {
      const next = h.changeTo[c]!;
      const at = h.changeAt[c]!;
      if (at >= to) break;
      if (at >= from && next !== stage) {
        entered[next] = entered[next]! + 1;
        left[stage] = left[stage]! + 1;
        pairs[stage * k + next] = pairs[stage * k + next]! + 1;
      }
      stage = next;
    }
  }
  const transitions: TransitionCount[] = [];
  for (let a = 0; a < k; a += 1) {
    for (let b = 0; b < k; b += 1) {
      if (pairs[a * k + b]! > 0) transitions.push({ from: order.stages[a]!, to: order.stages[b]!, count: pairs[a * k + b]!, forward: isUp(order, a, b) });
    }
  }
  let groups: GroupFunnel[] | null = null;
  if (options.groups) {
    const { of, names } = options.groups;
    const members: number[][] = names.map(() => []);
    for (const i of nodes) if (of[i]! >= 0) members[of[i]!]!.push(i);
    groups = names.map((group, g) => ({
      group, nodes: members[g]!.length, conversions: conversions(h, order, members[g]!, from, to), timeInStage: timeInStage(h, order, members[g]!, from, to),
    })).filter((g) => g.nodes > 0);
  }
  return {
    nodes: nodes.length,
    stages: order.stages.map((stage, s) => ({ stage, atStart: atStart[s]!, atEnd: atEnd[s]!, entered: entered[s]!, left: left[s]! })),
    transitions,
    conversions: conversions(h, order, nodes, from, to),
    timeInStage: timeInStage(h, order, nodes, from, to),
    cohorts: cohorts(h, order, from, to),
    groups,
  };
}
