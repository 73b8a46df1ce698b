/**
 * The stored-row check: reads every node and relationship of the model and judges it by the same
 * storable rules as every write path (src/domain/storable.ts). Rows written before those rules
 * existed are mended where the model says what the value should be — a state missing or outside
 * its vocabulary goes to its initial value, an optional term outside its vocabulary (a prototype
 * name such as "constructor") is removed — and reported where it does not (a required term, an
 * out-of-range number, an empty required text, times that run backwards, an id the model no longer
 * accepts, a time-bank exchange or acquaintance of a resident with themselves), for a person to fix.
 * Reads page by id in short transactions; each page's mends are one idempotent write.
 */
import { NODE_LABELS, REL_KINDS, REL_SPECS, type NodeLabel, type PropSpec, type RelKind } from '../domain/model.ts';
import { ID_RULE, isId } from '../domain/ids.ts';
import type { Plain, Props } from '../domain/records.ts';
import { endsProblem, isTerm, nodeProps, orderProblems, relProps, valueProblem } from '../domain/storable.ts';
import type { Database } from './database.ts';

export interface StoredProblem {
  /** A node label or a relationship kind. */
  of: NodeLabel | RelKind;
  id: string;
  field: string;
  value: Plain;
  reason: string;
  /** What the check stored instead (null: removed); undefined when the row was left for a person. */
  mendedTo?: Plain;
}

export interface CheckOptions {
  /** Only rows of these communities (a relationship by its start node); default every row. */
  communityIds?: readonly string[] | null;
  /** Mend what the model can mend (default true); false only reports. */
  mend?: boolean;
  log?: (line: string) => void;
  pageSize?: number;
}

export interface CheckSummary {
  checked: number;
  /** Every problem found; `problems` keeps the first MAX_KEPT of them. */
  found: number;
  problems: StoredProblem[];
  mended: number;
}

const MAX_LOGGED = 200;
/** At most this many problems are kept in the summary; the count in the log is complete. */
const MAX_KEPT = 10_000;

/** A relationship's ends, for the rules that span them (a self-exchange). */
export interface StoredEnds {
  fromId: string;
  toId: string;
}

/** The problems of one stored row, with the patch that mends what can be mended. */
export function judgeRow(of: NodeLabel | RelKind, props: Readonly<Record<string, PropSpec>>, row: Props, ends?: StoredEnds): { problems: StoredProblem[]; patch: Props } {
  const id = String(row.id);
  const problems: StoredProblem[] = [];
  const patch: Props = {};
  // An id is never rewritten here (other rows and files refer to it): a person must choose another.
  if (!isId(id)) problems.push({ of, id, field: 'id', value: id, reason: `id: ${ID_RULE}` });
  for (const [field, spec] of Object.entries(props)) {
    const value = row[field] ?? null;
    const unknownTerm = spec.type.kind === 'enum' && value !== null && !isTerm(spec.type.vocabulary, value);
    if (spec.state && (value === null || unknownTerm)) {
      patch[field] = spec.state.initial;
      problems.push({ of, id, field, value, reason: value === null ? 'state is missing / 缺少状态' : `"${String(value)}" is not a term / 取值无效`, mendedTo: spec.state.initial });
    } else if (value === null) {
      if (spec.required) problems.push({ of, id, field, value, reason: `${field} is required / 必填` });
    } else if (unknownTerm && !spec.required) {
      patch[field] = null;
      problems.push({ of, id, field, value, reason: `"${String(value)}" is not a term / 取值无效`, mendedTo: null });
    } else {
      const reason = valueProblem(spec.type, value);
      if (reason) problems.push({ of, id, field, value, reason });
    }
  }
  for (const p of orderProblems(row)) problems.push({ of, id, field: p.field, value: row[p.field] ?? null, reason: p.reason });
  // Never mended: which of the two ends is wrong is for a person to say.
  const loop = ends && Object.hasOwn(REL_SPECS, of) ? endsProblem(of as RelKind, ends.fromId, ends.toId) : null;
  if (loop) problems.push({ of, id, field: loop.field, value: ends!.toId, reason: loop.reason });
  return { problems, patch };
}

async function checkPages(
  db: Database,
  of: NodeLabel | RelKind,
  props: Readonly<Record<string, PropSpec>>,
  page: (after: string, limit: number) => Promise<{ id: string; props: Props; ends?: StoredEnds }[]>,
  mend: (rows: { id: string; patch: Props }[]) => Promise<void>,
  options: CheckOptions,
  summary: CheckSummary,
): Promise<void> {
  const limit = options.pageSize ?? 5000;
  let after = '';
  for (;;) {
    const rows = await page(after, limit);
    const patches: { id: string; patch: Props }[] = [];
    for (const row of rows) {
      summary.checked += 1;
      const judged = judgeRow(of, props, row.props, row.ends);
      const fix = options.mend !== false && Object.keys(judged.patch).length > 0;
      if (fix) patches.push({ id: row.id, patch: judged.patch });
      for (const p of judged.problems) {
        const problem = fix || p.mendedTo === undefined ? p : { ...p, mendedTo: undefined };
        summary.found += 1;
        if (summary.problems.length < MAX_KEPT) summary.problems.push(problem);
        if (summary.found <= MAX_LOGGED) {
          const outcome = problem.mendedTo === undefined ? 'left for a person to fix / 需人工处理' : `mended to ${JSON.stringify(problem.mendedTo)} / 已修复`;
          options.log?.(`stored rows: ${of} ${problem.id}.${problem.field} = ${JSON.stringify(problem.value)}: ${problem.reason}; ${outcome}`);
        }
      }
    }
    if (patches.length > 0) {
      await mend(patches);
      summary.mended += patches.length;
    }
    if (rows.length < limit) return;
    after = rows[rows.length - 1]!.id;
  }
}

const asRows = (rows: Record<string, Plain>[]) => rows.map((r) => ({ id: String(r.id), props: r.props as Props }));
const asRelRows = (rows: Record<string, Plain>[]) => rows.map((r) => ({ id: String(r.id), props: r.props as Props, ends: { fromId: String(r.fromId), toId: String(r.toId) } }));

/** Checks (and by default mends) every stored row of the model. */
export async function checkStoredRows(db: Database, options: CheckOptions = {}): Promise<CheckSummary> {
  const summary: CheckSummary = { checked: 0, found: 0, problems: [], mended: 0 };
  const communityIds = options.communityIds ?? null;
  for (const label of NODE_LABELS) {
    await checkPages(db, label, nodeProps(label),
      async (after, limit) => asRows(await db.read((tx) => tx.run('check/list-nodes', { communityIds, after, limit }, { label }))),
      async (rows) => { await db.write((tx) => tx.run('check/set-node-props', { rows }, { label })); },
      options, summary);
  }
  for (const kind of REL_KINDS) {
    const r = REL_SPECS[kind];
    const slots = { from: r.from.join('|'), to: r.to.join('|'), type: r.type };
    await checkPages(db, kind, relProps(kind),
      async (after, limit) => asRelRows(await db.read((tx) => tx.run('check/list-rels', { communityIds, after, limit }, slots))),
      async (rows) => { await db.write((tx) => tx.run('check/set-rel-props', { rows }, { type: r.type })); },
      options, summary);
  }
  options.log?.(`stored rows: ${summary.checked} checked, ${summary.found} problems, ${summary.mended} rows mended / 已检查存量数据`);
  return summary;
}
