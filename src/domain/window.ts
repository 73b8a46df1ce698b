/**
 * When an input reads the network: a window [from, to) or an instant (asOf), not both. The one check
 * of it, with one wording, for every edge that takes these fields (the analytics' NetworkInput and
 * activeResidents, the export's input and its CLI): each problem names the field to fix.
 */
import type { RowProblem } from './storable.ts';

export interface When {
  from?: Date | null | undefined;
  to?: Date | null | undefined;
  asOf?: Date | null | undefined;
}

export function windowProblems(when: When): RowProblem[] {
  const problems: RowProblem[] = [];
  if ((when.from || when.to) && when.asOf) {
    problems.push({ field: 'asOf', reason: 'give either a window (from/to) or asOf, not both / 时间窗口与时点只能二选一' });
  }
  // An empty window (from = to) is allowed: it has no data, and the analysis says so.
  if (when.from && when.to && when.to < when.from) {
    problems.push({ field: 'to', reason: 'the window is reversed: to is before from / 时间窗口颠倒：结束早于开始' });
  }
  return problems;
}
