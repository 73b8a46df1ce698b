/**
 * k-anonymity of the quasi-identifiers researchers read of a resident (Sweeney 2002, "k-anonymity: a
 * model for protecting privacy", IJUFKS 10(5)): residents who share every quasi-identifier value form
 * an equivalence class, and the data is k-anonymous when the smallest class has at least k residents.
 * A resident alone in a class is singled out by anyone who knows those few facts about a neighbour
 * (which building, Party member or not, building head or not…), pseudonyms or no pseudonyms.
 *
 * Each quasi-identifier can be read at a coarser level of its domain generalisation hierarchy
 * (Samarati 2001, "Protecting respondents' identities in microdata release", IEEE TKDE 13(6)):
 * building → housing area → housing type → dropped; skills → has skills or not → dropped; the yes/no
 * fields and the cultivation stage → dropped. Level 0 is the value as stored. Plain records in,
 * figures out: no database here (src/services/privacy reads the records).
 */

export interface QuasiRecord {
  readonly housingArea: string | null;
  readonly housingType: string | null;
  readonly building: string | null;
  readonly partyMember: boolean | null;
  readonly householdRegistered: boolean | null;
  readonly buildingHead: boolean | null;
  readonly stage: string | null;
  readonly skills: readonly string[];
}

export const QUASI_IDENTIFIERS = ['building', 'partyMember', 'householdRegistered', 'buildingHead', 'stage', 'skills'] as const;
export type QuasiIdentifier = (typeof QUASI_IDENTIFIERS)[number];

/** Level names of each hierarchy, finest first; the last level always drops the attribute. */
export const HIERARCHIES: Readonly<Record<QuasiIdentifier, readonly string[]>> = {
  building: ['building', 'area', 'type', 'drop'],
  partyMember: ['value', 'drop'],
  householdRegistered: ['value', 'drop'],
  buildingHead: ['value', 'drop'],
  stage: ['value', 'drop'],
  skills: ['skills', 'any', 'drop'],
};

/** Level of each quasi-identifier in its hierarchy (0: as stored). */
export type Levels = Readonly<Record<QuasiIdentifier, number>>;

export const FINEST: Levels = { building: 0, partyMember: 0, householdRegistered: 0, buildingHead: 0, stage: 0, skills: 0 };

export interface KAnonymityFigures {
  readonly residents: number;
  /** Equivalence classes: distinct combinations of the (generalised) quasi-identifiers. */
  readonly classes: number;
  /** Size of the smallest class: the data is `smallest`-anonymous (0 when there are no residents). */
  readonly smallest: number;
  /** Residents alone in their class. */
  readonly unique: number;
  /** The k asked for, and the residents (and their share) in classes smaller than k. */
  readonly k: number;
  readonly belowK: number;
  readonly belowKShare: number;
}

const show = (v: string | boolean | null): string => (v === null ? '∅' : String(v));

/** One quasi-identifier of a record at a level of its hierarchy, as a string ('' once dropped). */
export function generalise(record: QuasiRecord, attribute: QuasiIdentifier, level: number): string {
  const top = HIERARCHIES[attribute].length - 1;
  if (!Number.isInteger(level) || level < 0 || level > top) throw new RangeError(`k-anonymity: level ${level} of ${attribute} is outside 0…${top}`);
  if (level === top) return '';
  switch (attribute) {
    case 'building':
      // A building's name is only unique within its housing area ("3栋" stands in many estates).
      if (level === 0) return `${show(record.housingArea)}/${show(record.building)}`;
      return level === 1 ? show(record.housingArea) : show(record.housingType);
    case 'skills':
      // As stored, order included: researchers read the list as stored, and its order is one more
      // thing that can tell two residents apart.
      return level === 0 ? record.skills.join('|') : String(record.skills.length > 0);
    case 'stage':
      return show(record.stage);
    default:
      return show(record[attribute]);
  }
}

/** The equivalence-class key of a record: its generalised values joined by a separator no value holds. */
function classKey(record: QuasiRecord, levels: Levels): string {
  return QUASI_IDENTIFIERS.map((a) => generalise(record, a, levels[a])).join('\u0000');
}

/** Sizes of the equivalence classes under the given levels. */
export function classSizes(records: readonly QuasiRecord[], levels: Levels = FINEST): number[] {
  const sizes = new Map<string, number>();
  for (const r of records) {
    const key = classKey(r, levels);
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return [...sizes.values()];
}

export function kAnonymity(records: readonly QuasiRecord[], k: number, levels: Levels = FINEST): KAnonymityFigures {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k-anonymity: k must be a whole number ≥ 1, not ${k}`);
  const sizes = classSizes(records, levels);
  let smallest = sizes.length === 0 ? 0 : Infinity;
  let unique = 0;
  let belowK = 0;
  for (const s of sizes) {
    if (s < smallest) smallest = s;
    if (s === 1) unique += 1;
    if (s < k) belowK += s;
  }
  return { residents: records.length, classes: sizes.length, smallest, unique, k, belowK, belowKShare: records.length === 0 ? 0 : belowK / records.length };
}
