/** Splits a validated create/update input into the node's stored properties, by the data model. */
import { badInput } from '../../domain/errors.ts';
import type { NodeLabel } from '../../domain/model.ts';
import type { Props } from '../../db/repositories/records.ts';
import { nodeProps, nodeRowProblems, orderProblems, propsProblems, withInitialStates, type RowProblem } from '../../domain/storable.ts';

/** The first problem as BAD_USER_INPUT at input.<field>; every problem in `issues`. */
export function refuse(problems: RowProblem[]): void {
  const first = problems[0];
  if (!first) return;
  throw badInput(`input.${first.field}: ${first.reason}`, ['input', first.field], {
    issues: problems.map((p) => ({ path: ['input', p.field], message: p.reason })),
  });
}

/**
 * Properties for a new node: given values, and each state property at its initial value unless
 * given. The row is judged by the model's storable check before anything is written.
 */
export function propsForCreate(label: NodeLabel, input: Record<string, unknown>): Props {
  const props: Props = {};
  for (const name of Object.keys(nodeProps(label))) {
    const value = input[name];
    if (value !== undefined && value !== null) props[name] = value as Props[string];
  }
  const row = withInitialStates(label, props);
  refuse(nodeRowProblems(label, row));
  return row;
}

/** Properties for an update: only the given keys; null removes an optional property. */
export function propsForUpdate(label: NodeLabel, input: Record<string, unknown>): Props {
  const specs = nodeProps(label);
  const props: Props = {};
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (name !== 'endedAt' && (!Object.hasOwn(specs, name) || specs[name]!.state)) continue;
    props[name] = value as Props[string];
  }
  refuse(propsProblems(specs, props, true));
  return props;
}

/**
 * What an update adds to the stored row: the patch itself, checked against the stored times (an
 * endedAt before the stored createdAt), and each state the stored row lacks at its initial value.
 */
export function completeUpdate(label: NodeLabel, stored: Props, patch: Props): Props {
  refuse(orderProblems({ ...stored, ...patch }, new Set(Object.keys(patch))));
  const states = withInitialStates(label, stored);
  const missing: Props = {};
  for (const [name, spec] of Object.entries(nodeProps(label))) if (spec.state && states[name] !== stored[name]) missing[name] = states[name];
  return { ...missing, ...patch };
}
