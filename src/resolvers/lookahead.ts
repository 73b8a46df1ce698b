/**
 * Which relationship fields a query asks of the node a field returns, read from the query's own
 * selection (fields, inline fragments and named fragments on the node's type or on Node), so that
 * a by-id read can fetch them with the node in one statement (Loaders.nodeWith).
 */
import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { REL_SPECS, relsTouching, type EdgeField, type NodeLabel } from '../domain/model.ts';

const fieldsByLabel = new Map<NodeLabel, Map<string, EdgeField>>();

function relFields(label: NodeLabel): Map<string, EdgeField> {
  let map = fieldsByLabel.get(label);
  if (!map) {
    map = new Map();
    for (const { kind, direction } of relsTouching(label)) {
      const gql = REL_SPECS[kind].gql;
      map.set(direction === 'out' ? gql.outField : gql.inField, { kind, direction });
    }
    fieldsByLabel.set(label, map);
  }
  return map;
}

export function askedEdgeFields(label: NodeLabel, info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): EdgeField[] {
  const byName = relFields(label);
  const asked = new Map<string, EdgeField>();
  const seenFragments = new Set<string>();
  const applies = (typeName: string | undefined) => typeName === undefined || typeName === label || typeName === 'Node';
  const walk = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'Field') {
        const field = byName.get(selection.name.value);
        if (field) asked.set(selection.name.value, field);
      } else if (selection.kind === 'InlineFragment') {
        if (applies(selection.typeCondition?.name.value)) walk(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment: FragmentDefinitionNode | undefined = info.fragments[name];
        if (fragment && !seenFragments.has(name) && applies(fragment.typeCondition.name.value)) {
          seenFragments.add(name);
          walk(fragment.selectionSet);
        }
      }
    }
  };
  for (const node of info.fieldNodes as readonly FieldNode[]) walk(node.selectionSet);
  return [...asked.values()];
}
