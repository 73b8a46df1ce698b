/**
 * Relay-style pages over a finished, ordered result: the cursor is the position (opaque, base64url),
 * so pages of one cached result never skip or repeat an item. `first` is the top k.
 */
import { badInput } from '../../domain/errors.ts';

export const MAX_PAGE = 1000;

const encode = (i: number) => Buffer.from(`o:${i}`).toString('base64url');

function decode(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^o:(\d+)$/.exec(text);
  if (!match) throw badInput('after: not a cursor of this list / 游标无效', ['after']);
  return Number(match[1]);
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export function page<T>(items: readonly T[], args: { first?: number | null; after?: string | null }): Page<T> {
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE) throw badInput(`first must be an integer from 0 to ${MAX_PAGE} / first 须为 0–${MAX_PAGE} 的整数`, ['first']);
  const start = args.after ? decode(args.after) + 1 : 0;
  const slice = items.slice(start, start + first);
  const edges = slice.map((node, i) => ({ cursor: encode(start + i), node }));
  return {
    edges,
    pageInfo: { hasNextPage: start + first < items.length, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: items.length,
  };
}

/** The first `first` entries of a plain list (sizes). */
export function head<T>(items: readonly T[], first: number | null | undefined): T[] {
  const n = first ?? 50;
  if (!Number.isInteger(n) || n < 0 || n > MAX_PAGE) throw badInput(`first must be an integer from 0 to ${MAX_PAGE} / first 须为 0–${MAX_PAGE} 的整数`, ['first']);
  return items.slice(0, n);
}
