/**
 * The collapsed map of a large community: one node per group of residents (a housing area, or within
 * one area a building), sized by its residents, and one edge per pair of groups with the number of
 * resident ties between them. Pure, so it is checked on a generated beizhan-sized network without a
 * browser (test/unit/web/collapse.test.ts).
 */
export interface CollapseInput {
  /** Each resident's group key (housing area or building); null falls in the unknown group "?". */
  groupOf: (resident: number) => string | null;
  /** The residents to collapse, as indices. */
  residents: readonly number[];
  /** The ties in force, as pairs of resident indices (a[k], b[k]) for k in `ties`. */
  a: ArrayLike<number>;
  b: ArrayLike<number>;
  ties: readonly number[];
}

export interface Collapsed {
  groups: { key: string; residents: number }[];
  /** Ties between two different groups: group indices (lo < hi) and how many resident ties join them. */
  edges: { source: number; target: number; ties: number }[];
  /** Resident ties inside one group (not drawn, but counted). */
  inside: number;
}

export function collapse(input: CollapseInput): Collapsed {
  const index = new Map<string, number>();
  const groups: Collapsed['groups'] = [];
  const groupOfResident = new Map<number, number>();
  for (const r of input.residents) {
    const key = input.groupOf(r) ?? '?';
    let g = index.get(key);
    if (g === undefined) {
      g = groups.length;
      index.set(key, g);
      groups.push({ key, residents: 0 });
    }
    groups[g]!.residents += 1;
    groupOfResident.set(r, g);
  }
  const between = new Map<number, number>();
  let inside = 0;
  const n = groups.length;
  for (const k of input.ties) {
    const s = groupOfResident.get(input.a[k]!);
    const d = groupOfResident.get(input.b[k]!);
    if (s === undefined || d === undefined) continue;
    if (s === d) {
      inside += 1;
      continue;
    }
    const key = s < d ? s * n + d : d * n + s;
    between.set(key, (between.get(key) ?? 0) + 1);
  }
  const edges = [...between].map(([key, ties]) => ({ source: Math.floor(key / n), target: key % n, ties })).sort((x, y) => x.source - y.source || x.target - y.target);
  return { groups, edges, inside };
}
