/**
 * A greedy walk up the generalisation lattice (Samarati 2001, "Protecting respondents' identities in
 * microdata release", IEEE TKDE 13(6)): from the given levels, each step raises one quasi-identifier
 * by one level of its hierarchy (./k-anonymity.ts), until every class has at least k residents or
 * nothing is left to coarsen. Of the possible steps it takes the one that leaves the fewest residents
 * in classes smaller than k; a tie goes to the step that keeps more classes (less information lost),
 * then to the attribute listed first in QUASI_IDENTIFIERS. Like Sweeney's Datafly (2002, "Achieving
 * k-anonymity privacy protection using generalization and suppression", IJUFKS 10(5)) it is a
 * heuristic: the levels it stops at are k-anonymous but need not be a minimal generalisation, which
 * Samarati's search over the whole lattice would find at a cost exponential in the attributes.
 * Nothing is suppressed: every resident stays in the data.
 */
import { HIERARCHIES, kAnonymity, QUASI_IDENTIFIERS, FINEST, type KAnonymityFigures, type Levels, type QuasiIdentifier, type QuasiRecord } from './k-anonymity.ts';

export interface CoarseningStep {
  /** The attribute raised at this step (null for the starting point). */
  readonly raised: QuasiIdentifier | null;
  readonly levels: Levels;
  readonly figures: KAnonymityFigures;
}

export interface Coarsening {
  readonly steps: readonly CoarseningStep[];
  /** Whether the last step is k-anonymous (false only with fewer residents than k). */
  readonly reached: boolean;
}

const better = (a: KAnonymityFigures, b: KAnonymityFigures): boolean => a.belowK < b.belowK || (a.belowK === b.belowK && a.classes > b.classes);

export function coarsenUntil(records: readonly QuasiRecord[], k: number, start: Levels = FINEST): Coarsening {
  let levels: Levels = { ...start };
  let figures = kAnonymity(records, k, levels);
  const steps: CoarseningStep[] = [{ raised: null, levels, figures }];
  while (figures.belowK > 0) {
    let best: CoarseningStep | null = null;
    for (const attribute of QUASI_IDENTIFIERS) {
      if (levels[attribute] >= HIERARCHIES[attribute].length - 1) continue;
      const next = { ...levels, [attribute]: levels[attribute] + 1 };
      const f = kAnonymity(records, k, next);
      if (!best || better(f, best.figures)) best = { raised: attribute, levels: next, figures: f };
    }
    if (!best) break;
    steps.push(best);
    levels = best.levels;
    figures = best.figures;
  }
  return { steps, reached: figures.belowK === 0 };
}
