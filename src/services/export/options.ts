/**
 * What an export is asked for, checked once for the CLI and the GraphQL API alike, and the
 * pseudonyms it writes. Time semantics are the projection's (src/graph/time.ts): a window is
 * [from, to); asOf is an instant; give one or the other, not both.
 */
import { randomBytes } from 'node:crypto';
import { badInput } from '../../domain/errors.ts';
import { windowProblems } from '../../domain/window.ts';
import type { NetworkKind, TieSources } from '../../graph/spec.ts';

export const EXPORT_FORMATS = ['graphml', 'gexf', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  communityId: string;
  network: NetworkKind;
  format: ExportFormat;
  window?: { from: Date | null; to: Date | null } | null;
  asOf?: Date | null;
  /** Write by the researchers' pseudonymisation policy (./policy.ts; always on for RESEARCHER callers). */
  pseudonymise?: boolean;
  /** Salt of the pseudonyms: the same salt gives the same pseudonyms; default a random one per export. */
  salt?: string | null;
  /** Tie-source weights for TIES (src/graph/spec.ts DEFAULT_TIE_SOURCES). */
  sources?: Partial<TieSources>;
  /** Progress lines for a terminal ("Resident: 5000 rows"). */
  onProgress?: (line: string) => void;
}

export const MEDIA_TYPES: Record<ExportFormat, string> = {
  graphml: 'application/graphml+xml',
  gexf: 'application/gexf+xml',
  csv: 'text/csv',
  json: 'application/json',
};

/** Checks the options that the type system cannot: format, network, dates, window vs asOf. */
export function checkOptions(o: ExportOptions): void {
  if (!(EXPORT_FORMATS as readonly string[]).includes(o.format)) {
    throw badInput(`format must be one of ${EXPORT_FORMATS.join(', ')}, not "${String(o.format)}" / 格式无效`, ['format']);
  }
  if (o.network !== 'FULL' && o.network !== 'TIES') throw badInput(`network must be FULL or TIES, not "${String(o.network)}" / 网络类型无效`, ['network']);
  const valid = (d: Date | null | undefined) => d === null || d === undefined || (d instanceof Date && !Number.isNaN(d.getTime()));
  if (!valid(o.asOf)) throw badInput('asOf is not a valid date / 日期无效', ['asOf']);
  if (!valid(o.window?.from)) throw badInput('from is not a valid date / 日期无效', ['from']);
  if (!valid(o.window?.to)) throw badInput('to is not a valid date / 日期无效', ['to']);
  const [when] = windowProblems({ from: o.window?.from, to: o.window?.to, asOf: o.asOf });
  if (when) throw badInput(when.reason, [when.field]);
  if (o.salt !== undefined && o.salt !== null && (o.salt.length < 1 || o.salt.length > 200)) {
    throw badInput('salt must have 1–200 characters / 盐值须为 1–200 个字符', ['salt']);
  }
}


export const randomSalt = () => randomBytes(16).toString('hex');

/** Names of identifying details: never written, whatever a row or graph carries. */
export const IDENTIFYING = new Set(['realName', 'phone', 'idNumber']);
