/**
 * A tie timeline answer (Query.tieTimeline) filtered at an instant by the dashboard's rule
 * (web/src/timeline.ts): a resident is present when start ≤ t < end, a tie is in force when both
 * ends are present and t is in one of its spans [start, end); null bounds are open.
 */
export interface TimelineAnswer {
  residents: { start: string | null; end: string | null }[];
  ties: { a: number[]; b: number[]; spanCounts: number[]; spans: (number | null)[] };
}

/** The residents present and the ties in force at t, as indices into the answer. */
export function timelineAt(answer: TimelineAnswer, t: number): { residents: number[]; ties: number[] } {
  const present = answer.residents.map((r) => (r.start === null || Date.parse(r.start) <= t) && (r.end === null || Date.parse(r.end) > t));
  const ties: number[] = [];
  let first = 0;
  const { a, b, spanCounts, spans } = answer.ties;
  for (let k = 0; k < a.length; k += 1) {
    let holds = false;
    for (let s = 0; s < spanCounts[k]!; s += 1) {
      const lo = spans[first + 2 * s];
      const hi = spans[first + 2 * s + 1];
      if ((lo === null || lo! <= t) && (hi === null || hi! > t)) holds = true;
    }
    first += 2 * spanCounts[k]!;
    if (holds && present[a[k]!] && present[b[k]!]) ties.push(k);
  }
  return { residents: present.flatMap((p, i) => (p ? [i] : [])), ties };
}
