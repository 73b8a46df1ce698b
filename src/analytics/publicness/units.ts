/**
 * The data every publicness component is computed from: units (residents, organisations) observed at
 * two dates, each with a numerator and a denominator per component, so that a component at a date is
 * Σ num / Σ den over the units present then. A resident's share components have den 1 (the resident)
 * and num 0 or 1; the crossing share has the resident's grouped ties as den and the crossing ones as
 * num (each tie is counted at both its ends, which leaves the ratio that of the ties themselves).
 * Keeping the units — not only the totals — is what lets the bootstrap and the permutation test
 * resample them (bootstrap.ts, permutation.ts).
 */

export interface ShareColumns {
  num0: Float64Array;
  den0: Float64Array;
  num1: Float64Array;
  den1: Float64Array;
}

export interface UnitSet {
  /** 1 where the unit is present at t0 / at t1. */
  present0: Uint8Array;
  present1: Uint8Array;
  /** Component name → its columns, all of the set's length. */
  components: Record<string, ShareColumns>;
}

/** The units present at both dates, at t0 only and at t1 only: the strata of the paired resampling. */
export interface Strata {
  both: Int32Array;
  only0: Int32Array;
  only1: Int32Array;
}

export function strataOf(set: UnitSet): Strata {
  const both: number[] = [];
  const only0: number[] = [];
  const only1: number[] = [];
  for (let i = 0; i < set.present0.length; i += 1) {
    const a = set.present0[i] === 1;
    const b = set.present1[i] === 1;
    if (a && b) both.push(i);
    else if (a) only0.push(i);
    else if (b) only1.push(i);
  }
  return { both: Int32Array.from(both), only0: Int32Array.from(only0), only1: Int32Array.from(only1) };
}

/** Σ num / Σ den at a date over the units present, or null when Σ den is 0 (no data). */
export function shareAt(set: UnitSet, component: string, at: 0 | 1): number | null {
  const c = set.components[component]!;
  const present = at === 0 ? set.present0 : set.present1;
  const num = at === 0 ? c.num0 : c.num1;
  const den = at === 0 ? c.den0 : c.den1;
  let n = 0;
  let d = 0;
  for (let i = 0; i < present.length; i += 1) {
    if (present[i] !== 1) continue;
    n += num[i]!;
    d += den[i]!;
  }
  return d > 0 ? n / d : null;
}

/** A unit set from rows keyed by id: the union of the ids seen at t0 and t1, in order of first sight. */
export function unitSetOf<R extends { id: string }>(rows0: readonly R[], rows1: readonly R[], components: Record<string, (row: R) => { num: number; den: number }>): UnitSet & { ids: string[] } {
  const index = new Map<string, number>();
  for (const row of [...rows0, ...rows1]) if (!index.has(row.id)) index.set(row.id, index.size);
  const n = index.size;
  const set: UnitSet & { ids: string[] } = { ids: [...index.keys()], present0: new Uint8Array(n), present1: new Uint8Array(n), components: {} };
  for (const name of Object.keys(components)) {
    set.components[name] = { num0: new Float64Array(n), den0: new Float64Array(n), num1: new Float64Array(n), den1: new Float64Array(n) };
  }
  const fill = (rows: readonly R[], at: 0 | 1) => {
    for (const row of rows) {
      const i = index.get(row.id)!;
      (at === 0 ? set.present0 : set.present1)[i] = 1;
      for (const [name, value] of Object.entries(components)) {
        const { num, den } = value(row);
        const c = set.components[name]!;
        (at === 0 ? c.num0 : c.num1)[i] = num;
        (at === 0 ? c.den0 : c.den1)[i] = den;
      }
    }
  };
  fill(rows0, 0);
  fill(rows1, 1);
  return set;
}
