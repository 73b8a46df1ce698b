/**
 * What a caller may see of a node. Researchers read by the pseudonymisation policy: a pseudonym
 * instead of a resident's display name or an individual partner's name — an HMAC of the id under the
 * deployment's secret, so it is stable for one deployment but cannot be recomputed from an id without
 * the secret — and no free text.
 *
 * Every stored row is also made readable here. A value the model cannot store (written before the
 * checks of src/domain/storable.ts, or by hand) would make GraphQL fail the field, and through a
 * non-null field the whole page; instead it reads as null where the field may be null, and as a
 * documented fallback where it may not (README, "Limits on stored values"): a state at its initial
 * value, any other term as its vocabulary's first term, a text as "", a number as its minimum, a
 * date as the epoch. Each such value is logged once per process.
 */
import { createHmac } from 'node:crypto';
import { seesPseudonymsOnly } from '../domain/permissions.ts';
import { NODE_SPECS, REL_SPECS, type PropSpec } from '../domain/model.ts';
import { nodeTreatment, PSEUDONYMS, relTreatment } from '../domain/pseudonymise-policy.ts';
import type { NodeRecord, Plain, Props, RelRecord } from '../domain/records.ts';
import { isTerm, nodeProps, relProps } from '../domain/storable.ts';
import type { PropType } from '../domain/model.ts';
import { VOCABULARIES } from '../domain/vocabulary.ts';
import type { ServiceContext } from './context.ts';

export function pseudonym(id: string, secret: string, prefix = 'R-'): string {
  return `${prefix}${createHmac('sha256', secret).update(id).digest('hex').slice(0, 10)}`;
}

/** What a non-null field reads as when its stored value is unreadable. */
export function fallbackOf(spec: PropSpec): Plain {
  if (spec.state) return spec.state.initial;
  switch (spec.type.kind) {
    case 'enum': return Object.keys(VOCABULARIES[spec.type.vocabulary].terms)[0]!;
    case 'string': return '';
    case 'int':
    case 'float': return spec.type.min;
    case 'boolean': return false;
    case 'datetime': return new Date(0);
    case 'strings': return [];
  }
}

const GRAPHQL_INT = 2 ** 31 - 1;

/**
 * Whether GraphQL can serialise the stored value as the field's type. Deliberately looser than the
 * write checks: a value stored within older, wider bounds still reads as it is (the start-up check
 * reports it); only what would fail the field is replaced.
 */
export function isReadable(type: PropType, value: unknown): boolean {
  switch (type.kind) {
    case 'string': return typeof value === 'string';
    case 'int': return Number.isInteger(value) && Math.abs(value as number) <= GRAPHQL_INT;
    case 'float': return typeof value === 'number' && Number.isFinite(value);
    case 'boolean': return typeof value === 'boolean';
    case 'datetime': return value instanceof Date && !Number.isNaN(value.getTime());
    case 'strings': return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'enum': return isTerm(type.vocabulary, value);
  }
}

const logged = new Set<string>();
const MAX_LOGGED = 10_000;

function report(what: string, field: string, value: unknown, readAs: Plain): void {
  const key = `${what}.${field}`;
  if (logged.has(key) || logged.size >= MAX_LOGGED) return;
  logged.add(key);
  console.warn(`[reweave] unreadable stored value ${key} = ${JSON.stringify(value) ?? String(value)}; read as ${JSON.stringify(readAs)} (the schema check at start-up mends it)`);
}

/** The row with every unreadable model property replaced; the same object when all are readable. */
function readable<R extends Props>(what: string, props: Readonly<Record<string, PropSpec>>, row: R, times: readonly (readonly [string, boolean])[]): R {
  let out: R | undefined;
  const replace = (field: string, value: Plain) => {
    report(what, field, row[field], value);
    out ??= { ...row };
    (out as Props)[field] = value;
  };
  for (const [name, spec] of Object.entries(props)) {
    const value = row[name];
    const nonNull = Boolean(spec.required || spec.state);
    if (value === null || value === undefined) {
      if (nonNull) replace(name, fallbackOf(spec));
    } else if (!isReadable(spec.type, value)) {
      replace(name, nonNull ? fallbackOf(spec) : null);
    }
  }
  for (const [name, nonNull] of times) {
    const value = row[name];
    if (value instanceof Date && !Number.isNaN(value.getTime())) continue;
    if (nonNull) replace(name, new Date(0));
    else if (value !== null && value !== undefined) replace(name, null);
  }
  return out ?? row;
}

/** The times every node has (DESIGN.md, "Data model"), each with whether GraphQL declares it non-null. */
const NODE_TIMES = [['createdAt', true], ['updatedAt', false], ['endedAt', false]] as const;
const SPAN_TIMES = [['createdAt', true], ['since', false], ['until', false]] as const;
const EVENT_TIMES = [['createdAt', true], ['at', true]] as const;

export function readableNode(node: NodeRecord): NodeRecord {
  return readable(`${node._label} ${node.id}`, nodeProps(node._label), node, NODE_TIMES);
}

export function readableRel(rel: RelRecord): RelRecord {
  return readable(`${rel._kind} ${rel.id}`, relProps(rel._kind), rel, REL_SPECS[rel._kind].time === 'span' ? SPAN_TIMES : EVENT_TIMES);
}

/**
 * What tells residents of one name apart wherever a ranking lists them: the display name with the
 * courtyard or estate and the building ("林师傅 · 锦绣华庭 3栋"). A researcher gets neither the name
 * nor the place: the resident's pseudonym, and for the place only a keyed pseudonym of the housing
 * area ("A-…", the same for every resident of that area in the community; the building is left out),
 * so a reader can see that two residents live in one area without learning which one it is.
 */
export function residentLabel(ctx: Pick<ServiceContext, 'principal' | 'pseudonymSecret'>, node: NodeRecord): string {
  const area = typeof node.housingArea === 'string' && node.housingArea !== '' ? node.housingArea : null;
  const building = typeof node.building === 'string' && node.building !== '' ? node.building : null;
  if (seesPseudonymsOnly(ctx.principal)) {
    const name = pseudonym(node.id, ctx.pseudonymSecret);
    return area === null ? name : `${name} · ${placeLabel(ctx, String(node.communityId), area, null)}`;
  }
  const place = area === null && building === null ? '' : placeLabel(ctx, String(node.communityId), area, building);
  return place === '' ? String(node.displayName) : `${String(node.displayName)} · ${place}`;
}

/**
 * The place part of a resident's label, and the name of a group of the collapsed map: the area and
 * the building; for RESEARCHER the area's keyed pseudonym "A-…" (and, for a building, "A-… · B-…",
 * a keyed pseudonym of the building in that area), never the names.
 */
export function placeLabel(ctx: Pick<ServiceContext, 'principal' | 'pseudonymSecret'>, communityId: string, area: string | null, building: string | null): string {
  if (seesPseudonymsOnly(ctx.principal)) {
    // The community is part of the key: two communities' areas of one name are two places. An id
    // never holds a NUL, so no area key can be mistaken for a resident's id.
    const areaCode = area === null ? '?' : pseudonym(`${communityId}\u0000${area}`, ctx.pseudonymSecret, 'A-');
    return building === null ? areaCode : `${areaCode} · ${pseudonym(`${communityId}\u0000${area ?? ''}\u0000${building}`, ctx.pseudonymSecret, 'B-')}`;
  }
  // Rosters often name a building after its estate ("锦绣华庭2栋"): the area is then said once.
  return building !== null && area !== null && building.startsWith(area) ? building : [area, building].filter((p) => p !== null).join(' ');
}

export function shapeNode(ctx: Pick<ServiceContext, 'principal' | 'pseudonymSecret'>, stored: NodeRecord): NodeRecord {
  const node = readableNode(stored);
  return seesPseudonymsOnly(ctx.principal) ? researcherNode(node, ctx.pseudonymSecret) : node;
}

/**
 * A node as a researcher reads it, by the pseudonymisation policy (src/domain/pseudonymise-policy.ts),
 * the same as researchQuery reads it: a resident's display name and an individual partner's name as
 * the keyed pseudonym of the node's id, free text (descriptions) as null. The id stays stored here:
 * every nested field and lookup of the API is keyed on it; a resident's id becomes its pseudonym at
 * the edge of the API, in and out (src/server/pseudonym-plugin.ts).
 */
function researcherNode(node: NodeRecord, secret: string): NodeRecord {
  let out: NodeRecord | undefined;
  const set = (field: string, value: Plain) => {
    out ??= { ...node };
    out[field] = value;
  };
  for (const field of Object.keys(NODE_SPECS[node._label].props)) {
    const treatment = nodeTreatment(node._label, field);
    if (treatment === 'withhold' && node[field] !== null && node[field] !== undefined) set(field, null);
    const rule = PSEUDONYMS[node._label]?.[field];
    if (treatment === 'pseudonymise' && rule && (rule.when === 'always' || node.kind === 'INDIVIDUAL')) set(field, pseudonym(node.id, secret, rule.prefix));
  }
  return out ?? node;
}

/** A relationship as a researcher reads it: free text (a time-bank service, a contribution's note) as null. */
export function shapeRel(ctx: Pick<ServiceContext, 'principal'>, rel: RelRecord): RelRecord {
  if (!seesPseudonymsOnly(ctx.principal)) return rel;
  const type = REL_SPECS[rel._kind].type;
  const withheld = Object.keys(REL_SPECS[rel._kind].props).filter((f) => relTreatment(type, f) === 'withhold' && rel[f] !== null && rel[f] !== undefined);
  return withheld.length === 0 ? rel : { ...rel, ...Object.fromEntries(withheld.map((f) => [f, null])) };
}

/** A state change as a researcher reads it: without its evidence, which is free text. */
export function shapeChange<C extends { evidence: string | null }>(ctx: Pick<ServiceContext, 'principal'>, change: C): C {
  return seesPseudonymsOnly(ctx.principal) && relTreatment('CHANGED', 'evidence') === 'withhold' ? { ...change, evidence: null } : change;
}
