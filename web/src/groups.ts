/**
 * A large community's map history collapsed by housing area, fetched once (Query.groupTimeline) and
 * read here for each date of the slider: per area its residents present, per pair of areas the ties
 * between them and per area the ties inside it, as step functions of time. At every date it says
 * what collapse() (./collapse.ts) says of the whole timeline filtered then, without the page holding
 * every resident and tie (a few hundred kilobytes instead of 45 MB on beizhan).
 */
import { gql } from './api.ts';
import type { Collapsed } from './collapse.ts';

interface Steps {
  counts: number[];
  times: (number | null)[];
  deltas: number[];
}

interface Answer {
  groupTimeline: {
    dataFrom: string | null;
    dataTo: string | null;
    seconds: number;
    groups: { key: string; label: string; housingType: string | null }[];
    residents: Steps;
    inside: Steps;
    between: { a: number[]; b: number[]; ties: Steps };
  };
}

const QUERY = `query Groups($communityId: ID!) {
  groupTimeline(communityId: $communityId, groupBy: HOUSING_AREA) {
    dataFrom dataTo seconds
    groups { key label housingType }
    residents { counts times deltas }
    inside { counts times deltas }
    between { a b ties { counts times deltas } }
  }
}`;

/** Step functions as the API sends them (TimelineSteps), read at any instant by binary search over each series' change times. */
export class Series {
  private readonly first: Int32Array;
  private readonly times: Float64Array;
  private readonly values: Float64Array;

  constructor(steps: Steps) {
    this.first = new Int32Array(steps.counts.length + 1);
    steps.counts.forEach((c, k) => (this.first[k + 1] = this.first[k]! + c));
    this.times = Float64Array.from(steps.times, (v) => (v === null ? -Infinity : v));
    this.values = new Float64Array(steps.deltas.length);
    for (let k = 0; k < steps.counts.length; k += 1) {
      let sum = 0;
      for (let c = this.first[k]!; c < this.first[k + 1]!; c += 1) this.values[c] = sum += steps.deltas[c]!;
    }
  }

  get length(): number {
    return this.first.length - 1;
  }

  /** Series k's value at t: the running value after its last change at or before t. */
  at(k: number, t: number): number {
    let lo = this.first[k]!;
    let hi = this.first[k + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.times[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo === this.first[k]! ? 0 : this.values[lo - 1]!;
  }

  /** The largest value the sum of every series takes at any time. */
  peakOfSum(): number {
    const order = Array.from(this.times.keys()).sort((x, y) => this.times[x]! - this.times[y]!);
    const deltas = new Float64Array(this.values.length);
    for (let k = 0; k < this.length; k += 1) {
      for (let c = this.first[k]!; c < this.first[k + 1]!; c += 1) deltas[c] = this.values[c]! - (c === this.first[k]! ? 0 : this.values[c - 1]!);
    }
    let sum = 0;
    let peak = 0;
    for (let i = 0; i < order.length; i += 1) {
      sum += deltas[order[i]!]!;
      // Changes at one instant take effect together.
      if (i + 1 === order.length || this.times[order[i + 1]!]! !== this.times[order[i]!]!) peak = Math.max(peak, sum);
    }
    return peak;
  }
}

export interface GroupsAt extends Collapsed {
  groups: { key: string; label: string; housingType: string | null; residents: number }[];
  /** Residents present and resident ties in force, in all. */
  residents: number;
  ties: number;
}

export class GroupTimeline {
  private readonly residents: Series;
  private readonly inside: Series;
  private readonly between: Series;
  /** The most residents present at one time: whether the community is drawn collapsed at all. */
  readonly peakResidents: number;

  private constructor(readonly dataFrom: string | null, readonly dataTo: string | null, readonly seconds: number, private readonly data: Answer['groupTimeline']) {
    this.residents = new Series(data.residents);
    this.inside = new Series(data.inside);
    this.between = new Series(data.between.ties);
    this.peakResidents = this.residents.peakOfSum();
  }

  get groupCount(): number {
    return this.data.groups.length;
  }

  static async fetch(communityId: string): Promise<GroupTimeline> {
    const { groupTimeline: r } = await gql<Answer>(QUERY, { communityId });
    return new GroupTimeline(r.dataFrom, r.dataTo, r.seconds, r);
  }

  /** The collapsed network at instant t: the groups with residents then, and the ties between and inside them. */
  at(t: number): GroupsAt {
    const index = new Map<number, number>();
    const groups: GroupsAt['groups'] = [];
    this.data.groups.forEach((g, k) => {
      const residents = this.residents.at(k, t);
      if (residents <= 0) return;
      index.set(k, groups.length);
      groups.push({ ...g, residents });
    });
    const edges: Collapsed['edges'] = [];
    let ties = 0;
    for (let k = 0; k < this.between.length; k += 1) {
      const n = this.between.at(k, t);
      const source = index.get(this.data.between.a[k]!);
      const target = index.get(this.data.between.b[k]!);
      if (n <= 0 || source === undefined || target === undefined) continue;
      edges.push({ source, target, ties: n });
      ties += n;
    }
    let inside = 0;
    for (let k = 0; k < this.inside.length; k += 1) inside += this.inside.at(k, t);
    return { groups, edges, inside, residents: groups.reduce((s, g) => s + g.residents, 0), ties: ties + inside };
  }
}
