/** A small community for the fuzz tests: nodes of every label and one relationship of every kind. */
import { NODE_LABELS, REL_KINDS, REL_SPECS, type NodeLabel } from '../../src/domain/model.ts';
import { gqlNames } from '../../src/schema/sdl-names.ts';
import { uniqueId, type TestApi } from './api.ts';
import { minimalCreateInput, relInput } from './model-values.ts';

export interface Seeded {
  /** Every node and relationship id written. */
  ids: string[];
  nodes: Record<NodeLabel, string[]>;
}

/** `perLabel` nodes of every label (two more residents), then one relationship of every kind, written with `token`. */
export async function seedCommunity(api: TestApi, communityId: string, token: string, perLabel: number): Promise<Seeded> {
  const ids: string[] = [];
  const nodes = {} as Record<NodeLabel, string[]>;
  for (const label of NODE_LABELS.filter((l) => l !== 'Community')) {
    nodes[label] = [];
    for (let i = 0; i < (label === 'Resident' ? perLabel + 2 : perLabel); i++) {
      const id = uniqueId(label.toLowerCase());
      const r = await api.gql(`mutation($input: Create${label}Input!) { ${gqlNames.create(label)}(input: $input) { id } }`, { input: minimalCreateInput(label, id, communityId) }, token);
      if (r.errors) throw new Error(`seed ${label}: ${JSON.stringify(r.errors)}`);
      nodes[label].push(id);
      ids.push(id);
    }
  }
  nodes.Community = [communityId];
  for (const kind of REL_KINDS) {
    const spec = REL_SPECS[kind];
    const from = nodes[spec.from[0]!][0]!;
    const to = spec.to[0] === spec.from[0] ? nodes[spec.to[0]!][1]! : nodes[spec.to[0]!][0]!;
    const id = uniqueId('rel');
    const g = spec.gql;
    const r = await api.gql(`mutation($input: Add${g.typeName}Input!) { ${g.add}(input: $input) { id } }`, { input: { ...relInput(kind, from, to), id } }, token);
    if (r.errors) throw new Error(`seed ${kind}: ${JSON.stringify(r.errors)}`);
    ids.push(id);
  }
  return { ids, nodes };
}
