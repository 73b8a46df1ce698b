/**
 * Which file kind a dataset file's name means. The documented names are the file kinds
 * (Resident.csv, MEMBERSHIP.csv); people who have seen the database also write the stored
 * relationship type (KNOWS.csv), so that is accepted where exactly one kind is stored under it.
 * For a name that means nothing, the nearest known name is suggested (a typo is the usual cause).
 */
import { REL_KINDS, REL_SPECS, type RelKind } from '../domain/model.ts';
import { FILE_SPECS, fileSpec, type FileSpec } from './columns.ts';

export type FileName =
  | { ok: true; spec: FileSpec }
  | { ok: false; reason: string };

/**
 * Files the importer writes or leaves beside a dataset and never reads as data: the rejected rows
 * of an earlier run (`rejected.csv`, the name used before, or `<anything>.rejected.csv`).
 */
export function isRejectedFile(entry: string): boolean {
  const name = entry.toLowerCase();
  return name === 'rejected.csv' || name.endsWith('.rejected.csv');
}

/** Levenshtein distance, case-insensitive (names are short: the quadratic table is a few hundred cells). */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= t.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[t.length]!;
}

const KNOWN = [...FILE_SPECS.map((f) => f.name), ...new Set(REL_KINDS.map((k) => REL_SPECS[k].type))];

function kindsStoredAs(type: string): RelKind[] {
  return REL_KINDS.filter((k) => REL_SPECS[k].type.toLowerCase() === type.toLowerCase());
}

/** `stem`: the file name without its extension. */
export function resolveFileName(stem: string): FileName {
  const exact = fileSpec(stem) ?? FILE_SPECS.find((f) => f.name.toLowerCase() === stem.toLowerCase());
  if (exact) return { ok: true, spec: exact };
  const kinds = kindsStoredAs(stem);
  if (kinds.length === 1) return { ok: true, spec: fileSpec(kinds[0]!)! };
  if (kinds.length > 1) {
    return {
      ok: false,
      reason: `${stem} is stored for ${kinds.join(' and ')}; name the file after one of them (${kinds.map((k) => `${k}.csv`).join(', ')}) / ${stem} 对应多种关系，请用其中之一作文件名`,
    };
  }
  const nearest = KNOWN.map((name) => ({ name, d: editDistance(stem, name) })).sort((x, y) => x.d - y.d)[0]!;
  // A third of the name wrong is still a typo; more is another word, and a guess would mislead.
  const hint = nearest.d <= Math.max(2, Math.floor(stem.length / 3)) ? `; did you mean ${nearest.name}? / 是否应为 ${nearest.name}？` : '';
  return { ok: false, reason: `${stem} names no node label or relationship kind${hint}` };
}
