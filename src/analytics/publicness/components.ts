/**
 * The components of community publicness (docs/analytics.md, "Publicness"), from what was observed
 * in the 365 days up to each date:
 * - participation: residents who attended at least one public activity / residents;
 * - crossing: ties of the tie network joining different groups / ties between grouped residents;
 * - connectedness: residents in the largest component of the tie network / residents (1 − the
 *   atomisation share of src/analytics/communities/components.ts);
 * - publicBenefitOrganisations: active self-organisations and social organisations oriented to
 *   public benefit / all of them;
 * - partnerInvolvement: residents who attended an activity hosted by a partner or belonging to a
 *   project a partner runs / residents;
 * - contributions: partner contributions to the community's funds per 1,000 residents, divided by a
 *   reference level and capped at 1 — a total, not a share of units (composite.ts, `fixed`).
 * The same shapes serve an organisation or a partner over the people it reaches (scope.ts).
 */
import { connectedComponents } from '../communities/components.ts';
import { resolveGroups, type Grouping } from '../bridging/grouping.ts';
import type { AnyGraph } from '../graph-utils/graph.ts';
import { unitSetOf, type UnitSet } from './units.ts';

export const COMMUNITY_COMPONENTS = ['participation', 'crossing', 'connectedness', 'publicBenefitOrganisations', 'partnerInvolvement', 'contributions'] as const;
export type CommunityComponent = (typeof COMMUNITY_COMPONENTS)[number];

/** What a resident's position in the tie network adds to the components. */
export interface TiePosition {
  inLargestComponent: boolean;
  /** Ties to residents of a known group (the resident's own group known). */
  groupedTies: number;
  /** Of those, ties to another group. */
  crossingTies: number;
}

export interface ResidentObservation extends TiePosition {
  id: string;
  publicActivity: boolean;
  partnerActivity: boolean;
}

export interface OrganisationObservation {
  id: string;
  publicBenefit: boolean;
}

export interface CommunityObservation {
  residents: readonly ResidentObservation[];
  organisations: readonly OrganisationObservation[];
  /** Value of the partners' contributions in the window, in yuan. */
  partnerContributions: number;
}

/**
 * Each resident's place in a tie network: in the largest component or not (an isolate is a
 * component of its own), and its ties to grouped residents, crossing or not. A tie touching a
 * resident without a group is left out of the crossing share, as the E-I index leaves it out.
 */
export function tiePositions(graph: AnyGraph, group: Grouping): Map<string, TiePosition> {
  const components = connectedComponents(graph);
  const groups = resolveGroups(graph, group, 'publicness/components');
  const out = new Map<string, TiePosition>();
  graph.forEachNode((node) => {
    out.set(node, { inLargestComponent: components.largest > 0 && components.membership[node] === 0, groupedTies: 0, crossingTies: 0 });
  });
  graph.forEachEdge((_, __, source, target) => {
    if (source === target) return;
    const a = groups.get(source);
    const b = groups.get(target);
    if (a === undefined || b === undefined) return;
    const crossing = a !== b ? 1 : 0;
    for (const end of [source, target]) {
      const p = out.get(end)!;
      p.groupedTies += 1;
      p.crossingTies += crossing;
    }
  });
  return out;
}

/** Contributions per 1,000 residents over the reference level, capped at 1; null without residents. */
export function contributionScore(value: number, residents: number, reference: number): number | null {
  if (!(reference > 0)) throw new Error('publicness/components: the contribution reference must be > 0');
  if (residents === 0) return null;
  return Math.min(1, (value / residents) * 1000 / reference);
}

const flag = (yes: boolean) => ({ num: yes ? 1 : 0, den: 1 });

/** The unit sets and totals of the community components, ready for evaluatePublicness. */
export function communityUnits(t0: CommunityObservation, t1: CommunityObservation, contributionReference: number): {
  sets: UnitSet[];
  fixed: Record<string, { t0: number | null; t1: number | null }>;
  order: readonly CommunityComponent[];
  counts: { residents0: number; residents1: number; residentsBoth: number; organisations0: number; organisations1: number };
} {
  const residents = unitSetOf(t0.residents, t1.residents, {
    participation: (r) => flag(r.publicActivity),
    crossing: (r) => ({ num: r.crossingTies, den: r.groupedTies }),
    connectedness: (r) => flag(r.inLargestComponent),
    partnerInvolvement: (r) => flag(r.partnerActivity),
  });
  const organisations = unitSetOf(t0.organisations, t1.organisations, { publicBenefitOrganisations: (o) => flag(o.publicBenefit) });
  let both = 0;
  for (let i = 0; i < residents.present0.length; i += 1) if (residents.present0[i] === 1 && residents.present1[i] === 1) both += 1;
  return {
    sets: [residents, organisations],
    fixed: {
      contributions: {
        t0: contributionScore(t0.partnerContributions, t0.residents.length, contributionReference),
        t1: contributionScore(t1.partnerContributions, t1.residents.length, contributionReference),
      },
    },
    order: COMMUNITY_COMPONENTS,
    counts: { residents0: t0.residents.length, residents1: t1.residents.length, residentsBoth: both, organisations0: t0.organisations.length, organisations1: t1.organisations.length },
  };
}
