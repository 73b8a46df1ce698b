import { randomUUID } from 'node:crypto';

/** A new stable id when the caller gave none: readable prefix + UUID. */
export function newId(prefix: string): string {
  return `${prefix.toLowerCase()}-${randomUUID()}`;
}
