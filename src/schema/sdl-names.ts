/** GraphQL names derived from the data model, shared by the SDL generator and the resolvers. */
import type { NodeLabel, RelKind } from '../domain/model.ts';
import { REL_SPECS, NODE_SPECS } from '../domain/model.ts';

const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export const gqlNames = {
  byId: (label: NodeLabel) => lower(label),
  list: (label: NodeLabel) => NODE_SPECS[label].plural,
  create: (label: NodeLabel) => `create${label}`,
  update: (label: NodeLabel) => `update${label}`,
  remove: (label: NodeLabel) => `delete${label}`,
  change: (label: NodeLabel, field: string) => `change${label}${upper(field)}`,
  fromIdArg: (kind: RelKind) => `${REL_SPECS[kind].gql.fromField}Id`,
  toIdArg: (kind: RelKind) => `${REL_SPECS[kind].gql.toField}Id`,
};
