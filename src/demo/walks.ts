/** Planning state walks (partner lifecycle, claiming workflow, cultivation …) that the model allows. */
import type { NodeLabel } from '../domain/model.ts';
import { allowedNext } from '../domain/transitions.ts';
import type { Walk } from './output.ts';
import type { Rng } from './random.ts';

export class WalkBuilder {
  private readonly steps: Walk['steps'] = [];
  private current: string;

  /** `calendarEnd` is the demo calendar's last day: no step falls after it. */
  constructor(private readonly label: NodeLabel, private readonly field: string, readonly initial: string, private day: number, private readonly calendarEnd: number) {
    this.current = initial;
  }

  get state(): string {
    return this.current;
  }

  is(state: string): boolean {
    return this.current === state;
  }

  get lastDay(): number {
    return this.day;
  }

  /**
   * Moves to `to` after a gap of [minGap, maxGap] days. Returns false (and stays) when that would fall
   * after the last day of the demo. Throws when the model does not allow the step: a generator bug.
   */
  step(rng: Rng, to: string, minGap: number, maxGap: number, evidence?: string): boolean {
    if (!allowedNext(this.label, this.field, this.current).includes(to)) {
      throw new Error(`demo: ${this.label}.${this.field} ${this.current} → ${to} is not an allowed transition`);
    }
    const day = this.day + rng.int(Math.max(1, minGap), Math.max(1, maxGap));
    if (day > this.calendarEnd) return false;
    this.steps.push(evidence ? { to, day, evidence } : { to, day });
    this.current = to;
    this.day = day;
    return true;
  }

  /** Moves at the given day exactly (must be after the previous step). */
  stepAt(to: string, day: number, evidence?: string): boolean {
    if (day <= this.day || day > this.calendarEnd) return false;
    if (!allowedNext(this.label, this.field, this.current).includes(to)) {
      throw new Error(`demo: ${this.label}.${this.field} ${this.current} → ${to} is not an allowed transition`);
    }
    this.steps.push(evidence ? { to, day, evidence } : { to, day });
    this.current = to;
    this.day = day;
    return true;
  }

  /** Sets the evidence of the last step (when it is known only after the step's day). */
  annotate(evidence: string): void {
    const last = this.steps.at(-1);
    if (last) last.evidence = evidence;
  }

  build(): Walk {
    return { initial: this.initial, steps: this.steps };
  }
}
