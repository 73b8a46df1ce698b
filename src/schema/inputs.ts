/**
 * zod schemas for every GraphQL input, derived from the data model. GraphQL checks the shapes; these
 * check the meaning (lengths, ranges, dates, windows) and give the failing field's path.
 */
import { z } from 'zod';
import { NODE_SPECS, REL_KINDS, REL_SPECS, type NodeLabel, type PropSpec, type RelKind } from '../domain/model.ts';
import { orderProblems, type RowProblem } from '../domain/storable.ts';
import { dateTime, id, policed, propSchema, text } from './zod-props.ts';
import { gqlNames } from './sdl-names.ts';

const entries = (props: Readonly<Record<string, PropSpec>>) => Object.entries(props);

/** The model's row rules (src/domain/storable.ts) as zod issues, each at its field. */
const rowRule = (check: (row: Record<string, unknown>) => RowProblem[]) => (row: Record<string, unknown>, ctx: z.RefinementCtx) => {
  for (const p of check(row)) ctx.addIssue({ code: 'custom', path: [p.field], message: p.reason });
};

export function createNodeSchema(label: NodeLabel) {
  const shape: Record<string, z.ZodType> = { id: id.optional() };
  if (label !== 'Community') shape.communityId = id;
  for (const [name, p] of entries(NODE_SPECS[label].props)) {
    const s = propSchema(p.type);
    shape[name] = p.required && !p.state ? s : s.nullish();
  }
  return z.object(shape).superRefine(rowRule((row) => orderProblems(row)));
}

export function updateNodeSchema(label: NodeLabel) {
  const shape: Record<string, z.ZodType> = { endedAt: dateTime.nullish() };
  for (const [name, p] of entries(NODE_SPECS[label].props)) {
    if (p.state) continue;
    // Required properties may change but not be cleared.
    shape[name] = p.required ? propSchema(p.type).optional() : propSchema(p.type).nullish();
  }
  // Pairs within the input here; against the stored row in the update use case.
  return z.strictObject(shape).superRefine(rowRule((row) => orderProblems(row)));
}

export function addRelSchema(kind: RelKind) {
  const r = REL_SPECS[kind];
  const shape: Record<string, z.ZodType> = {
    id: id.optional(),
    [gqlNames.fromIdArg(kind)]: id,
    [gqlNames.toIdArg(kind)]: id,
  };
  if (r.time === 'span') {
    shape.since = dateTime.nullish();
    shape.until = dateTime.nullish();
  } else {
    shape.at = dateTime;
  }
  for (const [name, p] of entries(r.props)) shape[name] = p.required ? propSchema(p.type) : propSchema(p.type).nullish();
  // Each property was judged above by the model's bounds; the row adds since ≤ until.
  return z.object(shape).superRefine(rowRule((row) => orderProblems(row)));
}

export function filterSchema(label: NodeLabel) {
  const shape: Record<string, z.ZodType> = {
    communityIds: z.array(id).max(100).nullish(),
    search: z.string().trim().max(100).nullish(),
    createdFrom: dateTime.nullish(),
    createdTo: dateTime.nullish(),
  };
  for (const [name, p] of entries(NODE_SPECS[label].props)) {
    if (p.type.kind === 'enum') shape[name] = z.array(propSchema(p.type)).max(50).nullish();
    if (p.type.kind === 'boolean') shape[name] = z.boolean().nullish();
    if (p.type.kind === 'datetime') {
      shape[`${name}From`] = dateTime.nullish();
      shape[`${name}To`] = dateTime.nullish();
    }
  }
  return z.object(shape).nullish();
}

export const MAX_PAGE = 500;

export const pageArgs = z.object({
  first: z.number().int().min(0, 'first must be ≥ 0').max(MAX_PAGE, `first must be ≤ ${MAX_PAGE} / 每页最多 ${MAX_PAGE} 条`).nullish(),
  after: z.string().max(300).nullish(),
});

export const transitionSchema = z.object({
  id,
  to: z.string(),
  at: dateTime.nullish(),
  evidence: z.string().trim().max(2000).superRefine(policed('free')).nullish(),
});

export const identitySchema = z.strictObject({
  realName: text(100).nullish(),
  phone: z.string().trim().regex(/^\+?[0-9 -]{5,20}$/, 'a phone number of 5–20 digits / 电话号码格式不正确').nullish(),
  idNumber: z.string().trim().regex(/^[0-9]{17}[0-9Xx]$|^[A-Za-z0-9]{6,20}$/, 'an 18-character ID number or a passport number / 身份证号格式不正确').nullish(),
});

export const idArg = z.object({ id });

/** endRelationship and removeRelationship: a relationship by kind and id. */
export const removeRelArgs = z.object({ kind: z.enum(REL_KINDS), id });
export const endRelArgs = removeRelArgs.extend({ until: dateTime });
