/**
 * The names of individual partners (个体: a person) inside other texts. A pseudonymised reader gets an
 * individual partner's name as its pseudonym ("P-…"), but a kept text may repeat it — an activity the
 * partner hosts is named "郭老师心理沙龙公益沙龙" — and would undo the pseudonym. Both the pseudonymised
 * export (src/services/export/policy.ts) and the API's answers to researchers
 * (src/services/privacy/researcher-view.ts) replace every such name by its pseudonym, with this one
 * scrubber.
 */
import { PSEUDONYMS } from '../../domain/pseudonymise-policy.ts';
import { exportNodePages } from '../../db/repositories/export.ts';
import type { Database } from '../../db/database.ts';
import { pseudonym } from '../shape.ts';

export const PARTNER_PREFIX = PSEUDONYMS.Partner?.name?.prefix ?? 'P-';

/** A one-character name would replace a character of every text; such names are left alone. */
const SHORTEST_NAME = 2;

/**
 * The names of the community's partners that are, or ever were, individuals (all time, whatever a
 * window: a name read once is known), by name → partner id.
 */
export async function individualPartners(db: Database, communityId: string): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for await (const page of exportNodePages(db, 'Partner', communityId, { from: null, to: null, asOf: null }, 5000)) {
    for (const row of page) {
      const kinds = [row.props.kind, ...row.changes.flatMap((c) => (c.field === 'kind' ? [c.from, c.to] : []))];
      if (kinds.includes('INDIVIDUAL') && typeof row.props.name === 'string') names.set(row.props.name, row.id);
    }
  }
  return names;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A function that replaces every individual's name in a text by the pseudonym of that partner under
 * `key`; `skip` leaves out names the reader wrote themselves (echoed, they tell nothing). Longest names
 * first, so that a name containing another is replaced whole; an inserted pseudonym is not read again.
 */
export function nameScrubber(individuals: ReadonlyMap<string, string>, key: string, skip: (name: string) => boolean = () => false): (text: string) => string {
  const names = [...individuals.keys()].filter((n) => n.length >= SHORTEST_NAME && !skip(n)).sort((a, b) => b.length - a.length);
  if (names.length === 0) return (text) => text;
  const pattern = new RegExp(names.map(escape).join('|'), 'gu');
  const pseudonyms = new Map(names.map((n) => [n, pseudonym(individuals.get(n)!, key, PARTNER_PREFIX)]));
  return (text) => (text.length < SHORTEST_NAME ? text : text.replace(pattern, (name) => pseudonyms.get(name)!));
}
