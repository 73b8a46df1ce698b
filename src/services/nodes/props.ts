/** Splits a validated create/update input into the node's stored properties, by the data model. */
import { NODE_SPECS, type NodeLabel, type PropSpec } from '../../domain/model.ts';
import type { Props } from '../../db/repositories/records.ts';

const specsOf = (label: NodeLabel) => NODE_SPECS[label].props as Readonly<Record<string, PropSpec>>;

/** Properties for a new node: given values, and each state property at its initial value unless given. */
export function propsForCreate(label: NodeLabel, input: Record<string, unknown>): Props {
  const props: Props = {};
  for (const [name, spec] of Object.entries(specsOf(label))) {
    const value = input[name];
    if (value !== undefined && value !== null) props[name] = value as Props[string];
    else if (spec.state) props[name] = spec.state.initial;
  }
  return props;
}

/** Properties for an update: only the given keys; null removes an optional property. */
export function propsForUpdate(label: NodeLabel, input: Record<string, unknown>): Props {
  const specs = specsOf(label);
  const props: Props = {};
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (name !== 'endedAt' && (!specs[name] || specs[name].state)) continue;
    props[name] = value as Props[string];
  }
  return props;
}
