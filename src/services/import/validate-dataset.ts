/**
 * Pass 1 of an import: every row of every file is checked before anything is written — cell types
 * and enums, required fields, duplicate ids within a file, references to nodes that exist neither in
 * the dataset nor in the database, state changes that are not allowed, and (through GraphQL)
 * communities outside the caller's scope. A node row that fails makes rows that refer to it fail too.
 */
import type { Database } from '../../db/database.ts';
import type { NodeLabel, RelSpec } from '../../domain/model.ts';
import { REL_SPECS } from '../../domain/model.ts';
import { coversCommunity } from '../../domain/permissions.ts';
import type { FileSpec } from '../../interchange/columns.ts';
import { checkHeader, parseRecord, type HeaderCheck, type Values } from '../../interchange/validate.ts';
import type { RawRecord } from '../../interchange/readers.ts';
import { danglingReason, ReferenceIndex, type Resolution } from './references.ts';
import { storedIdProblems } from './stored-ids.ts';
import type { OnProgress, RowError } from './report.ts';
import type { SourceFile } from './source.ts';

export interface FileCheck {
  source: SourceFile;
  rows: number;
  invalid: Set<number>;
}

export interface DatasetCheck {
  files: FileCheck[];
  errors: RowError[];
  errorCount: number;
  index: ReferenceIndex;
}

export interface ValidateOptions {
  /** Community ids rows may touch (null: any). */
  allowedCommunities: readonly string[] | null;
  maxErrors?: number;
  onProgress?: OnProgress;
  /** Every rejected row, as it is found (the summary keeps only the first maxErrors). */
  onError?: (error: RowError) => void;
  /**
   * The rows of a chunk found valid, with their values, as soon as that is final (node files come
   * before the files that refer to them). The offline path stages them for the bulk importer; they
   * are not in the database yet and must not be written until the whole dataset has been checked.
   */
  onValidRows?: (file: FileCheck, rows: Values[], index: ReferenceIndex) => Promise<void>;
  /** The ids of node files already checked (by another thread): these files refer to them. */
  index?: ReferenceIndex;
}

const CHUNK = 2000;

interface Pending {
  line: number;
  values: Values;
  problems: { column: string | null; reason: string }[];
}

/** The references a row makes: column, allowed labels, id. */
function referencesOf(spec: FileSpec, values: Values): { column: string; labels: readonly NodeLabel[]; id: string }[] {
  if (spec.kind === 'node') return spec.label === 'Community' ? [] : [{ column: 'communityId', labels: ['Community'], id: String(values.communityId) }];
  if (spec.kind === 'rel') {
    const r = REL_SPECS[spec.rel];
    return [{ column: 'from', labels: r.from, id: String(values.from) }, { column: 'to', labels: r.to, id: String(values.to) }];
  }
  return [{ column: 'nodeId', labels: [values.label as NodeLabel], id: String(values.nodeId) }];
}

/** db null: the target is an empty store that is not running (offline load); only the dataset's ids exist. */
export async function validateDataset(db: Database | null, files: SourceFile[], options: ValidateOptions): Promise<DatasetCheck> {
  const index = options.index ?? new ReferenceIndex(db);
  const maxErrors = options.maxErrors ?? 10_000;
  const errors: RowError[] = [];
  let errorCount = 0;
  const report = (file: string, line: number, column: string | null, reason: string) => {
    errorCount += 1;
    const error = { file, line, column, reason };
    if (errors.length < maxErrors) errors.push(error);
    options.onError?.(error);
  };
  const inScope = (communityId: string) => coversCommunity(options.allowedCommunities, communityId);

  const checks: FileCheck[] = [];
  for (const source of files) {
    const { spec } = source;
    const check: FileCheck = { source, rows: 0, invalid: new Set() };
    checks.push(check);
    const ids = new Set<string>();
    let header: HeaderCheck | undefined;
    let headerFailed = false;
    let chunk: Pending[] = [];

    const settle = async () => {
      const valid: Values[] = [];
      const clean = chunk.filter((p) => p.problems.length === 0);
      const wanted = clean.flatMap((p) => referencesOf(spec, p.values));
      await index.prefetch(wanted);
      const stored = await storedIdProblems(db, spec, clean.map((p) => p.values), inScope);
      clean.forEach((p, i) => {
        const problem = stored[i];
        if (problem) p.problems.push(problem);
      });
      for (const p of chunk) {
        if (p.problems.length === 0) {
          const communities = new Map<string, string>();
          for (const ref of referencesOf(spec, p.values)) {
            // A community id is checked against the token itself, before any lookup: the answer is
            // the same whether or not that community exists.
            if (ref.column === 'communityId' && !inScope(ref.id)) {
              p.problems.push({ column: ref.column, reason: `community ${ref.id} is outside this token's scope / 超出令牌范围` });
              continue;
            }
            const found: Resolution = index.resolve(ref.labels, ref.id);
            if (!found.ok) p.problems.push({ column: ref.column, reason: found.reason });
            // Outside the caller's communities is answered as absent: the answer must not tell them apart.
            else if (!inScope(found.ref.communityId)) p.problems.push({ column: ref.column, reason: danglingReason(ref.labels, ref.id) });
            else communities.set(ref.column, found.ref.communityId);
          }
          // Both ends in one community where the kind asks for it (a time-bank exchange), as addExchange
          // refuses it: reported at `to`, the recipient.
          const same = spec.kind === 'rel' ? (REL_SPECS[spec.rel] as RelSpec).sameCommunity : undefined;
          if (same && communities.has('from') && communities.has('to') && communities.get('from') !== communities.get('to')) {
            p.problems.push({ column: 'to', reason: `${same.en} / ${same.zh}` });
          }
          if (spec.kind === 'node' && spec.label === 'Community' && !inScope(String(p.values.id))) {
            p.problems.push({ column: 'id', reason: `community ${String(p.values.id)} is outside this token's scope / 超出令牌范围` });
          }
        }
        if (p.problems.length > 0) {
          check.invalid.add(p.line);
          for (const problem of p.problems) report(source.display, p.line, problem.column, problem.reason);
        } else {
          valid.push(p.values);
          if (spec.kind === 'node') {
            const id = String(p.values.id);
            index.add(spec.label, id, spec.label === 'Community' ? id : String(p.values.communityId));
          }
        }
      }
      chunk = [];
      if (valid.length > 0) await options.onValidRows?.(check, valid, index);
      options.onProgress?.({ phase: 'validate', file: source.display, done: check.rows, total: null });
    };

    for await (const record of source.records() as AsyncIterable<RawRecord>) {
      check.rows += 1;
      if (!header && source.sharedHeader) {
        header = checkHeader(spec, Object.keys(record.cells));
        if (header.problems.length > 0) {
          headerFailed = true;
          for (const problem of header.problems) report(source.display, 1, null, problem);
        }
      }
      const problems: Pending['problems'] = record.problems.map((reason) => ({ column: null, reason }));
      if (headerFailed) {
        check.invalid.add(record.line);
        continue;
      }
      const parsed = parseRecord(spec, record.cells, header);
      problems.push(...parsed.problems);
      const id = parsed.values.id;
      if (typeof id === 'string') {
        if (ids.has(id)) problems.push({ column: 'id', reason: `duplicate id "${id}" in this file / 文件内编号重复` });
        ids.add(id);
      }
      chunk.push({ line: record.line, values: parsed.values, problems });
      if (chunk.length >= CHUNK) await settle();
    }
    await settle();
    options.onProgress?.({ phase: 'done', file: source.display, done: check.rows, total: check.rows });
  }
  return { files: checks, errors, errorCount, index };
}
