/**
 * Which admission lane a GraphQL request goes to (admission.ts): 'write' for a mutation, 'read' for
 * everything else, told from the operation the request names (or its only one). A document is parsed
 * once, with the same token cap as Apollo's parser, and its operations' kinds are remembered by text:
 * clients send the same few documents again and again. A document that does not parse, or names no
 * single operation, reads as 'read'; Apollo refuses it afterwards with the usual error.
 */
import { Kind, parse } from 'graphql';
import { LruCache } from '../compute/lru.ts';
import type { Lane } from './admission.ts';

/** Kinds by operation name ('' for an anonymous one), per document text. */
const known = new LruCache<Map<string, string>>(500, Number.POSITIVE_INFINITY);
/** Longer documents are parsed each time rather than kept (the cache's memory stays small). */
const MAX_KEPT_CHARS = 20_000;

function kinds(query: string, maxTokens: number): Map<string, string> {
  const cached = known.get(query);
  if (cached) return cached;
  const found = new Map<string, string>();
  try {
    for (const def of parse(query, { maxTokens, noLocation: true }).definitions) {
      if (def.kind === Kind.OPERATION_DEFINITION) found.set(def.name?.value ?? '', def.operation);
    }
  } catch {
    // Not a document Apollo will run: any lane will do, and 'read' is the stricter.
  }
  if (query.length <= MAX_KEPT_CHARS) known.set(query, found);
  return found;
}

export function laneOf(body: unknown, maxTokens: number): Lane {
  if (!body || typeof body !== 'object') return 'read';
  const { query, operationName } = body as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string') return 'read';
  const ops = kinds(query, maxTokens);
  const kind = typeof operationName === 'string' ? ops.get(operationName) : ops.size === 1 ? [...ops.values()][0] : undefined;
  return kind === 'mutation' ? 'write' : 'read';
}
