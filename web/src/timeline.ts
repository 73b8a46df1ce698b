/**
 * The community's tie network through time, fetched once (Query.tieTimeline) and filtered here for
 * each date of the slider: a resident is present at t when start ≤ t < end, a tie is in force when
 * both ends are present and t is in one of its spans [start, end) — the rule the service's
 * projection as of t follows (src/graph/timeline.ts), so the map equals exportNetwork at that date.
 * A large community's drill-down fetches one housing area's timeline only (its residents and the ties
 * among them), filtered on the server.
 */
import { gql } from './api.ts';

export interface TimelineResident {
  id: string;
  label: string;
  housingArea: string | null;
  housingType: string | null;
  building: string | null;
  partyMember: boolean | null;
  cultivationStage: string | null;
  start: string | null;
  end: string | null;
}

interface Answer {
  tieTimeline: {
    dataFrom: string | null;
    dataTo: string | null;
    seconds: number;
    residents: TimelineResident[];
    ties: { a: number[]; b: number[]; weight: number[]; spanCounts: number[]; spans: (number | null)[] };
  };
}

const QUERY = `query Timeline($communityId: ID!, $housingArea: String) {
  tieTimeline(communityId: $communityId, housingArea: $housingArea) {
    dataFrom dataTo seconds
    residents { id label housingArea housingType building partyMember cultivationStage start end }
    ties { a b weight spanCounts spans }
  }
}`;

export class Timeline {
  readonly residents: TimelineResident[];
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly weight: Float64Array;
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  private readonly first: Int32Array;
  private readonly count: Int32Array;
  private readonly spans: Float64Array;

  private constructor(readonly dataFrom: string | null, readonly dataTo: string | null, readonly seconds: number, data: Answer['tieTimeline']) {
    this.residents = data.residents;
    const bound = (v: string | number | null, open: number) => (v === null ? open : typeof v === 'number' ? v : Date.parse(v));
    this.starts = Float64Array.from(data.residents, (r) => bound(r.start, -Infinity));
    this.ends = Float64Array.from(data.residents, (r) => bound(r.end, Infinity));
    this.a = Int32Array.from(data.ties.a);
    this.b = Int32Array.from(data.ties.b);
    this.weight = Float64Array.from(data.ties.weight);
    this.count = Int32Array.from(data.ties.spanCounts);
    this.first = new Int32Array(this.count.length);
    for (let k = 1; k < this.count.length; k += 1) this.first[k] = this.first[k - 1]! + 2 * this.count[k - 1]!;
    this.spans = Float64Array.from(data.ties.spans, (v, i) => (v === null ? (i % 2 === 0 ? -Infinity : Infinity) : v));
  }

  /** The community's timeline, or with `housingArea` that area's alone. */
  static async fetch(communityId: string, housingArea: string | null = null): Promise<Timeline> {
    const { tieTimeline: r } = await gql<Answer>(QUERY, { communityId, housingArea });
    return new Timeline(r.dataFrom, r.dataTo, r.seconds, r);
  }

  /** The residents present and the ties in force at instant t, as indices. */
  at(t: number): { residents: number[]; ties: number[] } {
    const present = new Uint8Array(this.residents.length);
    const residents: number[] = [];
    for (let i = 0; i < present.length; i += 1) {
      if (this.starts[i]! <= t && this.ends[i]! > t) {
        present[i] = 1;
        residents.push(i);
      }
    }
    const ties: number[] = [];
    for (let k = 0; k < this.a.length; k += 1) {
      if (!present[this.a[k]!] || !present[this.b[k]!]) continue;
      const from = this.first[k]!;
      for (let s = 0; s < this.count[k]!; s += 1) {
        if (this.spans[from + 2 * s]! <= t && this.spans[from + 2 * s + 1]! > t) {
          ties.push(k);
          break;
        }
      }
    }
    return { residents, ties };
  }
}
