/**
 * The generator's one way out: every row goes through `emit(file, row)`, awaited (back-pressure).
 * Ids are stable strings made from the community id, a short kind tag and a counter, so the same
 * seed gives the same ids; relationship and state-change ids are numbered per file.
 */
import type { NodeLabel, RelKind } from '../domain/model.ts';
import type { DemoCalendar } from './calendar.ts';

export type Row = Record<string, unknown>;
export type Emit = (file: string, row: Row) => Promise<void>;

/** A span (since/until as day numbers) or an event (at as a Date). */
export type RelTime = { since: number; until?: number } | { at: Date };

export class Output {
  readonly counts = new Map<string, number>();

  constructor(readonly communityId: string, private readonly emit: Emit, readonly calendar: DemoCalendar) {}

  private async write(file: string, row: Row): Promise<number> {
    const n = (this.counts.get(file) ?? 0) + 1;
    this.counts.set(file, n);
    await this.emit(file, row);
    return n;
  }

  /** A node row: common columns plus the label's own properties. */
  async node(label: NodeLabel, id: string, createdDay: number, props: Row, endedDay?: number): Promise<void> {
    await this.write(label, {
      id,
      communityId: this.communityId,
      createdAt: this.calendar.dateOf(createdDay),
      ...(endedDay !== undefined ? { endedAt: this.calendar.dateOf(endedDay) } : {}),
      ...props,
    });
  }

  async rel(kind: RelKind, from: string, to: string, time: RelTime, props: Row = {}): Promise<void> {
    const n = (this.counts.get(kind) ?? 0) + 1;
    const id = `${this.communityId}:${kind.toLowerCase()}:${n}`;
    const when = 'at' in time
      ? { at: time.at }
      : { since: this.calendar.dateOf(time.since), ...(time.until !== undefined ? { until: this.calendar.dateOf(time.until) } : {}) };
    await this.write(kind, { id, from, to, ...when, ...props });
  }

  /** One step of a state walk (STATE_CHANGE row). */
  async change(label: NodeLabel, nodeId: string, field: string, from: string, to: string, day: number, evidence?: string): Promise<void> {
    const n = (this.counts.get('STATE_CHANGE') ?? 0) + 1;
    const at = this.calendar.dateOf(day, 10);
    await this.write('STATE_CHANGE', {
      id: `${this.communityId}:change:${n}`,
      label, nodeId, field, from, to, at,
      ...(evidence ? { evidence } : {}),
      createdAt: at,
    });
  }
}

/** A planned state walk: the value at creation, then dated steps (strictly increasing days). */
export interface Walk {
  readonly initial: string;
  readonly steps: { to: string; day: number; evidence?: string }[];
}

export const finalState = (walk: Walk): string => walk.steps.at(-1)?.to ?? walk.initial;

export async function emitWalk(out: Output, label: NodeLabel, nodeId: string, field: string, walk: Walk): Promise<void> {
  let from = walk.initial;
  for (const step of walk.steps) {
    await out.change(label, nodeId, field, from, step.to, step.day, step.evidence);
    from = step.to;
  }
}
