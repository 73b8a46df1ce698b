import { describe, expect, it } from 'vitest';
import {
  COMMON_NODE_PROPS, NODE_LABELS, NODE_SPECS, REL_KINDS, REL_SPECS, relsTouching,
  type NodeLabel, type PropSpec, type RelSpec,
} from '../../../src/domain/model.ts';
import { VOCABULARIES, type Term } from '../../../src/domain/vocabulary.ts';

const CHINESE = /\p{Script=Han}/u;
/** Fields every node type carries besides its own properties and relationship fields. */
const RESERVED = [...COMMON_NODE_PROPS, 'history', 'identity'];

const relSpecs = REL_KINDS.map((kind) => [kind, REL_SPECS[kind] as RelSpec] as const);
const propsOf = (props: Readonly<Record<string, PropSpec>>) => Object.entries(props);
const allProps = [
  ...NODE_LABELS.flatMap((label) => propsOf(NODE_SPECS[label].props).map(([name, p]) => [`${label}.${name}`, p] as const)),
  ...relSpecs.flatMap(([kind, r]) => propsOf(r.props).map(([name, p]) => [`${kind}.${name}`, p] as const)),
];

describe('NODE_SPECS', () => {
  it.each(NODE_LABELS)('%s is keyed by its own label and searches one of its string properties', (label) => {
    const spec = NODE_SPECS[label];
    expect(spec.label).toBe(label);
    const search = (spec.props as Record<string, PropSpec>)[spec.searchProp];
    expect(search?.type.kind, `${label}.searchProp ${spec.searchProp}`).toBe('string');
  });

  it('has distinct plural field names', () => {
    const plurals = NODE_LABELS.map((l) => NODE_SPECS[l].plural);
    expect(new Set(plurals).size).toBe(plurals.length);
  });

  it.each(NODE_LABELS)('%s does not redeclare a common property', (label) => {
    const own = Object.keys(NODE_SPECS[label].props);
    expect(own.filter((p) => RESERVED.includes(p))).toEqual([]);
  });
});

describe('REL_SPECS', () => {
  it.each(relSpecs)('%s has endpoints that are node labels', (_kind, r) => {
    expect(r.from.length).toBeGreaterThan(0);
    expect(r.to.length).toBeGreaterThan(0);
    for (const label of [...r.from, ...r.to]) expect(NODE_LABELS).toContain(label);
  });

  it.each(relSpecs)('%s has a Neo4j type in UPPER_SNAKE_CASE and no own time properties', (_kind, r) => {
    expect(r.type).toMatch(/^[A-Z][A-Z_]*$/);
    for (const reserved of ['id', 'since', 'until', 'at', 'createdAt', 'updatedAt']) expect(Object.keys(r.props)).not.toContain(reserved);
  });

  it('has distinct GraphQL type names and add mutations', () => {
    const typeNames = relSpecs.map(([, r]) => r.gql.typeName);
    const adds = relSpecs.map(([, r]) => r.gql.add);
    expect(new Set(typeNames).size).toBe(typeNames.length);
    expect(new Set(adds).size).toBe(adds.length);
    for (const typeName of typeNames) expect(NODE_LABELS as string[]).not.toContain(typeName);
  });

  it('does not let two kinds sharing a Neo4j type overlap in endpoints (they would be indistinguishable)', () => {
    for (const [a, ra] of relSpecs) {
      for (const [b, rb] of relSpecs) {
        if (a >= b || ra.type !== rb.type) continue;
        const overlap = ra.from.some((f) => rb.from.includes(f)) && ra.to.some((t) => rb.to.includes(t));
        expect(overlap, `${a} and ${b} are both ${ra.type} between the same labels`).toBe(false);
      }
    }
  });

  it.each(relSpecs)('%s has distinct endpoint field names', (_kind, r) => {
    expect(r.gql.fromField).not.toBe(r.gql.toField);
  });
});

describe('GraphQL fields on each node type', () => {
  it.each(NODE_LABELS)('%s: relationship fields collide neither with each other nor with properties', (label: NodeLabel) => {
    const fields = [
      ...RESERVED,
      ...Object.keys(NODE_SPECS[label].props),
      ...relsTouching(label).map(({ kind, direction }) =>
        direction === 'out' ? REL_SPECS[kind].gql.outField : REL_SPECS[kind].gql.inField),
    ];
    const seen = new Set<string>();
    const duplicates = fields.filter((f) => (seen.has(f) ? true : (seen.add(f), false)));
    expect(duplicates, `${label} would have these GraphQL fields twice`).toEqual([]);
  });

  it('lists the relationships touching a label in both directions', () => {
    const partner = relsTouching('Partner');
    expect(partner).toContainEqual({ kind: 'BACKING', direction: 'out' });
    expect(partner).not.toContainEqual({ kind: 'BACKING', direction: 'in' });
    expect(relsTouching('Resident')).toContainEqual({ kind: 'ACQUAINTANCE', direction: 'in' });
    expect(relsTouching('Resident')).toContainEqual({ kind: 'ACQUAINTANCE', direction: 'out' });
  });
});

describe('properties', () => {
  it.each(allProps)('%s names an existing vocabulary when it is an enum, and has zh/en labels', (_name, p) => {
    if (p.type.kind === 'enum') expect(Object.keys(VOCABULARIES)).toContain(p.type.vocabulary);
    expect(p.zh).toMatch(CHINESE);
    expect(p.en.trim()).not.toBe('');
  });

  it.each(allProps.filter(([, p]) => p.state !== undefined))('%s starts in a term of its vocabulary', (_name, p) => {
    expect(p.type.kind).toBe('enum');
    if (p.type.kind !== 'enum') return;
    expect(Object.keys(VOCABULARIES[p.type.vocabulary].terms)).toContain(p.state?.initial);
  });
});

describe('VOCABULARIES', () => {
  const vocabularies = Object.entries(VOCABULARIES).map(
    ([name, v]) => [name, v.description, Object.entries(v.terms as Record<string, Term>)] as const,
  );

  it.each(vocabularies)('%s: every term has non-empty zh and en', (name, description, terms) => {
    expect(description.zh).toMatch(CHINESE);
    expect(description.en.trim()).not.toBe('');
    expect(terms.length, `${name} has no terms`).toBeGreaterThan(0);
    for (const [term, t] of terms) {
      expect(term).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(t.zh.trim(), `${name}.${term}.zh`).not.toBe('');
      expect(t.zh, `${name}.${term}.zh`).toMatch(CHINESE);
      expect(t.en.trim(), `${name}.${term}.en`).not.toBe('');
    }
  });

  it('is used: every vocabulary but Role is the type of some property', () => {
    const used = new Set(allProps.flatMap(([, p]) => (p.type.kind === 'enum' ? [p.type.vocabulary] : [])));
    expect(Object.keys(VOCABULARIES).filter((v) => v !== 'Role' && !used.has(v as never))).toEqual([]);
  });
});
