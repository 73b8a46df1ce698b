/**
 * Which (resource, need) pairs a joint conference may match (DESIGN.md, "Matching"): the same
 * category, or a pair of related categories from a table a deployment can replace; validity windows
 * that overlap; and owners that are not the same (a unit does not match its own offer to its own
 * need — that is not a match the conference brokers). Categories are plain strings here: the closed
 * vocabulary lives in src/domain, which the analytics do not import.
 */

/** A resource of category `resource` may serve a need of category `need` (directed). */
export interface RelatedCategory {
  readonly resource: string;
  readonly need: string;
}

/**
 * The default table, from the pools of seeds/000 and 003: volunteers and skilled residents deliver
 * services (助餐, 托管, 维修), a skilled person can give a course, and money buys materials.
 */
export const DEFAULT_RELATED_CATEGORIES: readonly RelatedCategory[] = [
  { resource: 'VOLUNTEERS', need: 'SERVICE' },
  { resource: 'SKILL', need: 'SERVICE' },
  { resource: 'SKILL', need: 'TRAINING' },
  { resource: 'FUNDING', need: 'MATERIAL' },
];

export interface PoolEntryInput {
  readonly id: string;
  readonly name: string;
  readonly category: string;
  readonly tags: readonly string[];
  /** Units still available (a resource) or still unmet (a need); ≤ 0 when used up. */
  readonly quantity: number;
  readonly unit: string | null;
  /** Validity in ms since the epoch; null = open. */
  readonly validFrom: number | null;
  readonly validUntil: number | null;
  /** Ids of the owners (who OFFERS it, who HAS_NEED it). */
  readonly owners: readonly string[];
}

export interface NeedInput extends PoolEntryInput {
  /** 1 (can wait) … 5 (urgent); null = not stated. */
  readonly urgency: number | null;
}

/** Why a pair is not eligible, or null when it is. */
export type Ineligibility = 'CATEGORY' | 'VALIDITY' | 'SAME_OWNER';

export type CategoryTable = (resource: string, need: string) => boolean;

export function categoryTable(related: readonly RelatedCategory[]): CategoryTable {
  const pairs = new Set(related.map((r) => `${r.resource}\u0000${r.need}`));
  return (resource, need) => resource === need || pairs.has(`${resource}\u0000${need}`);
}

const overlaps = (a: PoolEntryInput, b: PoolEntryInput) =>
  (a.validFrom === null || b.validUntil === null || a.validFrom <= b.validUntil) &&
  (b.validFrom === null || a.validUntil === null || b.validFrom <= a.validUntil);

const shareOwner = (a: readonly string[], b: readonly string[]) => a.some((o) => b.includes(o));

export function ineligibility(resource: PoolEntryInput, need: PoolEntryInput, fits: CategoryTable): Ineligibility | null {
  if (!fits(resource.category, need.category)) return 'CATEGORY';
  if (!overlaps(resource, need)) return 'VALIDITY';
  if (shareOwner(resource.owners, need.owners)) return 'SAME_OWNER';
  return null;
}
