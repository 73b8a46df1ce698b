/** Valid GraphQL inputs built from the data model, so the mutation tests cover every label and kind. */
import { NODE_SPECS, REL_SPECS, type NodeLabel, type PropSpec, type PropType, type RelKind } from '../../src/domain/model.ts';
import { termsOf } from '../../src/domain/vocabulary.ts';
import { gqlNames } from '../../src/schema/sdl-names.ts';

export function sampleValue(type: PropType): unknown {
  switch (type.kind) {
    case 'string': return '样例 sample';
    case 'int': return type.min !== undefined ? Math.max(type.min, 1) : 1;
    case 'float': return 2.5;
    case 'boolean': return true;
    case 'datetime': return '2025-03-01T09:30:00Z';
    case 'strings': return ['手工', 'cooking'];
    case 'enum': return termsOf(type.vocabulary)[0];
  }
}

const entries = (props: Readonly<Record<string, PropSpec>>) => Object.entries(props);

/** Required, non-state properties: the least a create needs. */
export function minimalCreateInput(label: NodeLabel, id: string, communityId: string): Record<string, unknown> {
  const input: Record<string, unknown> = { id };
  if (label !== 'Community') input.communityId = communityId;
  for (const [name, p] of entries(NODE_SPECS[label].props)) if (p.required && !p.state) input[name] = sampleValue(p.type);
  return input;
}

/** The first required string property: emptied, it makes a bad input. */
export function requiredStringProp(label: NodeLabel): string {
  return entries(NODE_SPECS[label].props).find(([, p]) => p.required && p.type.kind === 'string')![0];
}

/** An optional updatable property and a new value for it. */
export function updatableProp(label: NodeLabel): [string, unknown] {
  const [name, p] = entries(NODE_SPECS[label].props).find(([, p]) => !p.state && p.type.kind === 'string')!;
  return [name, p.type.kind === 'string' ? '改后 updated' : sampleValue(p.type)];
}

export function relInput(kind: RelKind, fromId: string, toId: string): Record<string, unknown> {
  const spec = REL_SPECS[kind];
  const input: Record<string, unknown> = { [gqlNames.fromIdArg(kind)]: fromId, [gqlNames.toIdArg(kind)]: toId };
  if (spec.time === 'event') input.at = '2025-04-01T10:00:00Z';
  else input.since = '2025-01-01T00:00:00Z';
  for (const [name, p] of entries(spec.props)) if (p.required) input[name] = sampleValue(p.type);
  return input;
}
