/**
 * State histories as typed arrays, and the spells (uninterrupted stays in one stage) read off them.
 *
 * A history is one node's record of a staged field (a resident's cultivation stage, an
 * organisation's development stage, …): when it was created (its first spell begins then), the
 * stage it started in, and each change (to, at), oldest first. Stages are numbered by the caller
 * (StageOrder): 0 … path−1 along the forward path in order, path … for stages off the path (a
 * partner's EXITED), so these functions know nothing of any vocabulary.
 *
 * Times are milliseconds since the epoch; NaN stands for "unknown" (a start not recorded) or
 * "none" (not ended). A change at instant t is in force from t on: "as of t" means after every
 * change before t and none at or after it, so a change at exactly `from` counts as entered in
 * [from, to) and not at the start.
 */

const MODULE = 'cultivation/histories';

/** The stages of one staged field: the forward path first, then stages off it. */
export interface StageOrder {
  readonly stages: readonly string[];
  /** stages[0 … path−1] are the forward path, in order; the rest are exits from it. */
  readonly path: number;
}

export interface HistoryArrays {
  readonly ids: readonly string[];
  /** Creation time (ms), NaN when unknown. */
  readonly createdAt: Float64Array;
  /** End time (ms), NaN while the node exists. */
  readonly endedAt: Float64Array;
  /** Stage number the node started in. */
  readonly initial: Int16Array;
  /** Changes of node i are changeAt/changeTo[offsets[i] … offsets[i+1]), oldest first. */
  readonly offsets: Int32Array;
  readonly changeAt: Float64Array;
  readonly changeTo: Int16Array;
}

export interface HistoryInput {
  id: string;
  createdAt: number | null;
  endedAt: number | null;
  initial: number;
  changes: readonly { to: number; at: number }[];
}

/** Packs plain histories into HistoryArrays (changes sorted by time, stably). */
export function packHistories(histories: readonly HistoryInput[], order: StageOrder): HistoryArrays {
  const n = histories.length;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i += 1) offsets[i + 1] = offsets[i]! + histories[i]!.changes.length;
  const changeAt = new Float64Array(offsets[n]!);
  const changeTo = new Int16Array(offsets[n]!);
  const createdAt = new Float64Array(n);
  const endedAt = new Float64Array(n);
  const initial = new Int16Array(n);
  const stageCount = order.stages.length;
  histories.forEach((h, i) => {
    createdAt[i] = h.createdAt ?? Number.NaN;
    endedAt[i] = h.endedAt ?? Number.NaN;
    if (!(h.initial >= 0 && h.initial < stageCount)) throw new Error(`${MODULE}: ${h.id} starts in unknown stage ${h.initial}`);
    initial[i] = h.initial;
    const sorted = [...h.changes].sort((a, b) => a.at - b.at);
    sorted.forEach((c, k) => {
      if (!(c.to >= 0 && c.to < stageCount)) throw new Error(`${MODULE}: ${h.id} changes to unknown stage ${c.to}`);
      changeAt[offsets[i]! + k] = c.at;
      changeTo[offsets[i]! + k] = c.to;
    });
  });
  return { ids: histories.map((h) => h.id), createdAt, endedAt, initial, offsets, changeAt, changeTo };
}

/** Is node i there just before instant t (created before t, or at an unknown time, and not ended by t)? */
export function presentBefore(h: HistoryArrays, i: number, t: number): boolean {
  const created = h.createdAt[i]!;
  const ended = h.endedAt[i]!;
  return (Number.isNaN(created) || created < t) && (Number.isNaN(ended) || ended >= t);
}

/** The stage of node i as of t (changes before t applied), or −1 when it is not there. */
export function stageBefore(h: HistoryArrays, i: number, t: number): number {
  if (!presentBefore(h, i, t)) return -1;
  let stage = h.initial[i]!;
  for (let k = h.offsets[i]!; k < h.offsets[i + 1]!; k += 1) {
    if (h.changeAt[k]! >= t) break;
    stage = h.changeTo[k]!;
  }
  return stage;
}

/** How a spell ended: moved up the path, stepped back or left it, the node ended, or still open. */
export type SpellExit = 'up' | 'down' | 'ended' | 'open';

export interface Spell {
  stage: number;
  /** NaN when the node's creation time is unknown (its first spell's start is then unknown too). */
  start: number;
  /** NaN while open. */
  end: number;
  exit: SpellExit;
}

/** Is moving from stage a to stage b a step up the forward path (any number of steps)? */
export const isUp = (order: StageOrder, a: number, b: number) => a < order.path && b < order.path && b > a;

/** Node i's spells, oldest first. A change to the stage it is already in continues the spell. */
export function spellsOf(h: HistoryArrays, i: number, order: StageOrder): Spell[] {
  const out: Spell[] = [];
  let stage = h.initial[i]!;
  let start = h.createdAt[i]!;
  for (let k = h.offsets[i]!; k < h.offsets[i + 1]!; k += 1) {
    const to = h.changeTo[k]!;
    if (to === stage) continue;
    const at = h.changeAt[k]!;
    out.push({ stage, start, end: at, exit: isUp(order, stage, to) ? 'up' : 'down' });
    stage = to;
    start = at;
  }
  const ended = h.endedAt[i]!;
  out.push({ stage, start, end: Number.isNaN(ended) ? Number.NaN : ended, exit: Number.isNaN(ended) ? 'open' : 'ended' });
  return out;
}
