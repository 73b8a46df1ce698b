/**
 * The components of an organisation's or a partner's publicness, over the residents its activities
 * reached in the 365 days up to a date (its own activities, and those of the projects it runs or
 * claimed):
 * - outreach: reached residents who are not its members (nor its backer) / reached residents — a
 *   self-benefit group serves its members, a public-benefit one reaches beyond them;
 * - crossing: ties of the community's tie network among the reached residents that join different
 *   groups / those ties — whether it brings groups together or serves one;
 * - volunteering: reached residents who volunteered or organised at its activities / reached;
 * - needsAddressed: its projects (run during the window or claimed before its end) that address a
 *   recorded need / its projects;
 * - contributions: its contributions to the community's funds per 1,000 residents of the community,
 *   over the reference level, capped at 1 (a total, as for the community).
 */
import { resolveGroups, type Grouping } from '../bridging/grouping.ts';
import type { AnyGraph } from '../graph-utils/graph.ts';
import { contributionScore } from './components.ts';
import { unitSetOf, type UnitSet } from './units.ts';

export const SCOPE_COMPONENTS = ['outreach', 'crossing', 'volunteering', 'needsAddressed', 'contributions'] as const;
export type ScopeComponent = (typeof SCOPE_COMPONENTS)[number];

export interface ReachedObservation {
  id: string;
  member: boolean;
  volunteered: boolean;
  groupedTies: number;
  crossingTies: number;
}

export interface ScopeObservation {
  reached: readonly ReachedObservation[];
  projects: readonly { id: string; addresses: boolean }[];
  /** Its contributions in the window, in yuan. */
  contributions: number;
  /** Residents of the community in the window (the contributions' denominator). */
  communityResidents: number;
}

/** Each reached resident's ties to other reached residents (both grouped), and how many cross groups. */
export function tiesAmong(graph: AnyGraph, group: Grouping, reached: ReadonlySet<string>): Map<string, { groupedTies: number; crossingTies: number }> {
  const groups = resolveGroups(graph, group, 'publicness/scope');
  const out = new Map<string, { groupedTies: number; crossingTies: number }>();
  for (const id of reached) out.set(id, { groupedTies: 0, crossingTies: 0 });
  for (const id of reached) {
    if (!graph.hasNode(id)) continue;
    const own = groups.get(id);
    if (own === undefined) continue;
    const counts = out.get(id)!;
    graph.forEachNeighbor(id, (other) => {
      if (other === id || !reached.has(other)) return;
      const theirs = groups.get(other);
      if (theirs === undefined) return;
      counts.groupedTies += 1;
      if (theirs !== own) counts.crossingTies += 1;
    });
  }
  return out;
}

const flag = (yes: boolean) => ({ num: yes ? 1 : 0, den: 1 });

export function scopeUnits(t0: ScopeObservation, t1: ScopeObservation, contributionReference: number): {
  sets: UnitSet[];
  fixed: Record<string, { t0: number | null; t1: number | null }>;
  order: readonly ScopeComponent[];
  counts: { reached0: number; reached1: number; reachedBoth: number };
} {
  const reached = unitSetOf(t0.reached, t1.reached, {
    outreach: (r) => flag(!r.member),
    crossing: (r) => ({ num: r.crossingTies, den: r.groupedTies }),
    volunteering: (r) => flag(r.volunteered),
  });
  const projects = unitSetOf(t0.projects, t1.projects, { needsAddressed: (p) => flag(p.addresses) });
  let both = 0;
  for (let i = 0; i < reached.present0.length; i += 1) if (reached.present0[i] === 1 && reached.present1[i] === 1) both += 1;
  // A date at which it reached no one, ran no project and gave nothing (not yet a partner, or
  // dormant) has no data: its contributions are unknown there, not 0, so no index is made of them alone.
  const score = (o: ScopeObservation) => (o.reached.length === 0 && o.projects.length === 0 && o.contributions === 0 ? null : contributionScore(o.contributions, o.communityResidents, contributionReference));
  return {
    sets: [reached, projects],
    fixed: { contributions: { t0: score(t0), t1: score(t1) } },
    order: SCOPE_COMPONENTS,
    counts: { reached0: t0.reached.length, reached1: t1.reached.length, reachedBoth: both },
  };
}
