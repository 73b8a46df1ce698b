/**
 * What a RESEARCHER may read of each stored field: one table, for every label and relationship type
 * of the model (src/domain/model.ts), read by the research query (src/research) and by the API's
 * shaping of researchers' answers. A unit test fails on a model field missing here, so a new field
 * must be classified before it can be read by researchers.
 *
 * - keep: read as stored;
 * - pseudonymise: read as the deployment's keyed pseudonym of the node's id (src/services/shape.ts),
 *   the same value wherever a researcher meets that node — a resident's id and display name both read
 *   as "R-…", an individual partner's name as "P-…";
 * - withhold: never read by researchers. Free text (descriptions, evidence, service texts) is
 *   withheld rather than pseudonymised: it names people in words no rule can find ("徐姐牵头"), so
 *   the only safe reading is none.
 *
 * A property that the model does not know (an Identity's realName, an ApiToken's hash, anything
 * written by hand) is withheld: researchers read modelled data only.
 *
 * Resident ids. One key, one pseudonym: `R-` + the first 10 hex digits of HMAC-SHA256(key, id). The
 * API and researchQuery key it with the deployment's secret, so a resident reads the same wherever a
 * researcher meets it; a pseudonymised export keys it with the export's salt (random per export
 * unless given), so files that leave the service link to nothing else unless asked to. In the API a
 * resident's id is pseudonymised wherever it appears (src/server/pseudonym-plugin.ts): Resident.id,
 * every ID field that holds one (relationship ends, analytics rows, the tie timeline), list cursors,
 * texts and error messages; a researcher sends the pseudonym where the API takes a resident's id, and
 * a real resident id sent by a researcher answers exactly as an id that does not exist. An individual
 * partner's name is replaced by its pseudonym inside other texts too (an activity named after it), in
 * the API and in exports alike (src/services/privacy/individual-names.ts).
 */
import { COMMON_NODE_PROPS, NODE_LABELS, NODE_SPECS, REL_KINDS, REL_SPECS, type NodeLabel } from './model.ts';

export type Treatment = 'keep' | 'pseudonymise' | 'withhold';

/**
 * How a pseudonymised field reads. `always`: every node's value is its pseudonym. `individual`: only a
 * partner of kind INDIVIDUAL (个体) — a person — is pseudonymised; a business or a community group
 * keeps its public name.
 */
export interface Pseudonymised {
  readonly prefix: string;
  readonly when: 'always' | 'individual';
}

/** Prefixes of the pseudonyms, by label (R- is the residents' pseudonym of the API since its start). */
export const PSEUDONYMS: Readonly<Partial<Record<NodeLabel, Readonly<Record<string, Pseudonymised>>>>> = {
  Resident: {
    id: { prefix: 'R-', when: 'always' },
    displayName: { prefix: 'R-', when: 'always' },
  },
  Partner: {
    name: { prefix: 'P-', when: 'individual' },
  },
};

/** Free text, withheld from researchers, by label or relationship type. */
const WITHHELD_NODE_FIELDS: Readonly<Partial<Record<NodeLabel, readonly string[]>>> = {
  Partner: ['description'],
  Project: ['description'],
  Fund: ['description'],
};

/** By relationship type (CHANGED is the state history, outside REL_SPECS). */
const WITHHELD_REL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  CONTRIBUTED: ['description'],
  EXCHANGED: ['service'],
  CHANGED: ['evidence'],
};

/** The fields of a state change (cypher/nodes/change-state.cypher), which the model does not list. */
const CHANGE_FIELDS = ['id', 'field', 'from', 'to', 'at', 'evidence', 'createdAt'] as const;
const REL_TIMES = ['id', 'createdAt', 'updatedAt', 'since', 'until', 'at'] as const;

export function nodeTreatment(label: NodeLabel, field: string): Treatment {
  if (PSEUDONYMS[label]?.[field]) return 'pseudonymise';
  if (WITHHELD_NODE_FIELDS[label]?.includes(field)) return 'withhold';
  const known = (COMMON_NODE_PROPS as readonly string[]).includes(field) || field in NODE_SPECS[label].props;
  return known ? 'keep' : 'withhold';
}

/** Relationship types researchers may traverse: the model's and the state history. */
export const RESEARCH_REL_TYPES: readonly string[] = [...new Set([...REL_KINDS.map((k) => REL_SPECS[k].type), 'CHANGED'])];

export function relTreatment(type: string, field: string): Treatment {
  if (WITHHELD_REL_FIELDS[type]?.includes(field)) return 'withhold';
  if (type === 'CHANGED') return (CHANGE_FIELDS as readonly string[]).includes(field) ? 'keep' : 'withhold';
  // Two kinds may share a type (MEMBER_OF): a field is known if any kind of that type declares it.
  const kinds = REL_KINDS.filter((k) => REL_SPECS[k].type === type);
  if (kinds.length === 0) return 'withhold';
  const known = (REL_TIMES as readonly string[]).includes(field) || kinds.some((k) => field in REL_SPECS[k].props);
  return known ? 'keep' : 'withhold';
}

const RANK: Record<Treatment, number> = { keep: 0, pseudonymise: 1, withhold: 2 };

/** The stricter of two treatments: where a field's owner is not known, it is read by the strictest. */
export function stricter(a: Treatment, b: Treatment): Treatment {
  return RANK[a] >= RANK[b] ? a : b;
}

/** A field of a node or relationship whose label or type is one of several (or any): the strictest. */
export function strictestNodeTreatment(labels: readonly NodeLabel[], field: string): Treatment {
  return (labels.length > 0 ? labels : NODE_LABELS).map((l) => nodeTreatment(l, field)).reduce(stricter, 'keep');
}

export function strictestRelTreatment(types: readonly string[], field: string): Treatment {
  return (types.length > 0 ? types : RESEARCH_REL_TYPES).map((t) => relTreatment(t, field)).reduce(stricter, 'keep');
}

/** Fields that identify a person outright (the Identity node's); refused by name wherever they appear. */
export const IDENTIFYING_FIELDS: readonly string[] = ['realName', 'phone', 'idNumber'];
