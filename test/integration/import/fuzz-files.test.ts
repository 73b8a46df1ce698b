/**
 * Property-based fuzz of the import (docs/import.md) over corrupted copies of a small valid dataset:
 * truncated files, invalid UTF-8, unknown or missing columns, wrong field counts, bad numbers,
 * dates, enums and booleans, duplicated ids, dangling references, JSON of the wrong shape or
 * types, stray quotes, unknown file names — and the harmless variants (a byte-order mark, CRLF or
 * lone-CR line ends). Each import either succeeds or is refused the documented way: row problems
 * with file, line and reason and nothing written, or a file-level error naming the file; a crash of
 * another kind (TypeError, a database error) fails the test. Half of the cases import the clean
 * dataset first and then a corrupted, changed one: a refusal must leave the first import's data
 * exactly as it was.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/database.ts';
import { importDataset } from '../../../src/services/import/import-dataset.ts';
import { folderSource } from '../../../src/services/import/source.ts';
import type { ImportSummary } from '../../../src/services/import/report.ts';
import { removeCommunityData, testDatabase, uniqueId } from '../../helpers/api.ts';
import { FUZZ_SEED, HOSTILE_STRINGS, Tally, digestWorld } from '../../helpers/fuzz.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
let db: Database;
const communities: string[] = [];
const tally = new Tally();

beforeAll(() => {
  db = testDatabase();
  console.log(`[fuzz] import files: seed ${FUZZ_SEED}, ${RUNS} runs (FUZZ_SEED, FUZZ_RUNS to change)`);
});
afterAll(async () => {
  tally.print('[fuzz] import outcomes per corruption (refused, ok, thrown):');
  await removeCommunityData(db, communities);
  await db.close();
});

type Files = Record<string, Buffer>;

/** The clean dataset of community `c`; `names` changes the residents' names (a second import then updates them). */
function dataset(c: string, names = ['王阿姨', '李师傅', '张老师', '陈姐']): Files {
  const r = (i: number) => `${c}-r${i}`;
  const text: Record<string, string> = {
    'Community.csv': `id,name,population\n${c},模糊测试社区,3200\n`,
    'Resident.csv': `id,communityId,displayName,housingType,partyMember,createdAt\n${names.map((n, i) => `${r(i)},${c},${n},${['URBAN_VILLAGE', 'GARDEN_ESTATE', '老旧院落', 'OTHER'][i]},${i % 2 === 0},2023-0${i + 1}-05`).join('\n')}\n`,
    'Organization.jsonl': `{"id":"${c}-o1","communityId":"${c}","name":"广场舞队","type":"SELF_ORGANIZATION","orientation":"SELF_BENEFIT"}\n{"id":"${c}-o2","communityId":"${c}","name":"志愿者协会","type":"SOCIAL_ORGANIZATION"}\n`,
    'MEMBERSHIP.json': JSON.stringify([
      { id: `${c}-m1`, from: r(0), to: `${c}-o1`, role: 'LEADER', since: '2023-05-01' },
      { id: `${c}-m2`, from: r(1), to: `${c}-o1`, role: 'MEMBER', since: '2023-06-01' },
      { id: `${c}-m3`, from: r(2), to: `${c}-o2`, role: 'CORE_TEAM', since: '2023/07/01' },
    ], null, 1),
    'ACQUAINTANCE.csv': `id,from,to,since\n${c}-k1,${r(0)},${r(1)},2023-03-01\n${c}-k2,${r(1)},${r(2)},2023年4月1日\n${c}-k3,${r(2)},${r(3)},2023.5.1\n`,
    'STATE_CHANGE.csv': `id,label,nodeId,field,from,to,at,evidence\n${c}-s1,Resident,${r(0)},cultivationStage,UNIDENTIFIED,GOOD_PERSON,2023-07-01,组织端午活动\n`,
  };
  return Object.fromEntries(Object.entries(text).map(([k, v]) => [k, Buffer.from(v, 'utf8')]));
}

/** A corruption of a dataset: what it does, and whether the import must refuse it (or must accept it). */
interface Corruption {
  name: string;
  expect: 'refused' | 'accepted' | 'either';
  apply(files: Files, c: string): Files;
}

const CSV_FILES = ['Community.csv', 'Resident.csv', 'ACQUAINTANCE.csv', 'STATE_CHANGE.csv'];
const ALL_FILES = [...CSV_FILES, 'Organization.jsonl', 'MEMBERSHIP.json'];

const lines = (b: Buffer) => b.toString('utf8').split('\n');
const withLines = (files: Files, name: string, edit: (ls: string[]) => string[]): Files => ({ ...files, [name]: Buffer.from(edit(lines(files[name]!)).join('\n'), 'utf8') });
/** A data row (1 … n) of a CSV file, wrapped into range. */
const rowOf = (ls: string[], i: number) => 1 + (i % Math.max(1, ls.filter(Boolean).length - 1));

function setCell(files: Files, name: string, column: string, row: number, value: string): Files {
  return withLines(files, name, (ls) => {
    const header = ls[0]!.split(',');
    const col = header.indexOf(column);
    const at = rowOf(ls, row);
    // The column or the row gone (an earlier corruption): the value becomes a row of its own, still a bad one.
    if (col < 0 || ls[at] === undefined || ls[at] === '') return [...ls.slice(0, at), value, ...ls.slice(at)];
    const cells = ls[at]!.split(',');
    cells[col] = value;
    return ls.map((l, i) => (i === at ? cells.join(',') : l));
  });
}

const csvField = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

const corruptions = fc.oneof(
  fc.record({ file: fc.constantFrom(...ALL_FILES), at: fc.double({ min: 0, max: 1, noNaN: true }) }).map(({ file, at }): Corruption => ({
    name: 'truncated', expect: 'either',
    apply: (f) => ({ ...f, [file]: f[file]!.subarray(0, Math.floor(f[file]!.length * at)) }),
  })),
  fc.record({ file: fc.constantFrom(...ALL_FILES), at: fc.double({ min: 0, max: 1, noNaN: true }), bytes: fc.constantFrom([0xff], [0xc3], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe4, 0xb8]) }).map(({ file, at, bytes }): Corruption => ({
    name: 'invalid UTF-8', expect: 'refused',
    apply: (f) => {
      const b = f[file]!;
      // After the header's first byte, so that the file still has a header to be read against.
      const cut = Math.max(1, Math.floor(b.length * at) - 1);
      return { ...f, [file]: Buffer.concat([b.subarray(0, cut), Buffer.from(bytes), b.subarray(cut)]) };
    },
  })),
  fc.record({ file: fc.constantFrom(...CSV_FILES), col: fc.nat() }).map(({ file, col }): Corruption => ({
    name: 'unknown column', expect: 'refused',
    apply: (f) => withLines(f, file, (ls) => {
      const header = ls[0]!.split(',');
      header[col % header.length] = 'bogusColumn';
      return [header.join(','), ...ls.slice(1)];
    }),
  })),
  fc.record({ file: fc.constantFrom(...CSV_FILES), col: fc.nat() }).map(({ file, col }): Corruption => ({
    name: 'column dropped', expect: 'either',
    apply: (f) => withLines(f, file, (ls) => ls.map((l) => (l === '' ? l : l.split(',').filter((_, i, all) => i !== col % all.length).join(',')))),
  })),
  fc.record({ file: fc.constantFrom(...CSV_FILES), row: fc.nat(), extra: fc.boolean() }).map(({ file, row, extra }): Corruption => ({
    name: 'wrong field count', expect: 'refused',
    apply: (f) => withLines(f, file, (ls) => ls.map((l, i) => (i === rowOf(ls, row) ? (extra ? `${l},extra` : l.split(',').slice(0, -1).join(',')) : l))),
  })),
  fc.record({ row: fc.nat(), value: fc.constantFrom('2025-13-45', '2025-02-30', '03/01/2025', 'yesterday', '0000-00-00', '2023-01-05T25:00:00Z', '１２３') }).map(({ row, value }): Corruption => ({
    name: 'bad date', expect: 'refused', apply: (f) => setCell(f, 'Resident.csv', 'createdAt', row, value),
  })),
  fc.record({ value: fc.constantFrom('-1', '3.5', 'abc', '1e309', '10000001', 'NaN', '0x10', '9007199254740993') }).map(({ value }): Corruption => ({
    name: 'bad number', expect: 'refused', apply: (f) => setCell(f, 'Community.csv', 'population', 0, value),
  })),
  fc.record({ row: fc.nat(), value: fc.constantFrom('NOT_A_TERM', '商品', 'garden', '\u202EOTHER', 'OTHER\u0000') }).map(({ row, value }): Corruption => ({
    name: 'bad enum', expect: 'refused', apply: (f) => setCell(f, 'Resident.csv', 'housingType', row, csvField(value)),
  })),
  fc.record({ row: fc.nat(), value: fc.constantFrom('maybe', '2', 'yes please', 'TRUE!') }).map(({ row, value }): Corruption => ({
    name: 'bad boolean', expect: 'refused', apply: (f) => setCell(f, 'Resident.csv', 'partyMember', row, value),
  })),
  fc.record({ row: fc.nat(), value: fc.constantFrom(...HOSTILE_STRINGS) }).map(({ row, value }): Corruption => ({
    name: 'hostile text', expect: 'either', apply: (f) => setCell(f, 'Resident.csv', 'displayName', row, csvField(value)),
  })),
  fc.record({ file: fc.constantFrom(...CSV_FILES), row: fc.nat() }).map(({ file, row }): Corruption => ({
    name: 'duplicated id', expect: 'refused',
    apply: (f) => withLines(f, file, (ls) => {
      const at = rowOf(ls, row);
      return [...ls.slice(0, at + 1), ls[at]!, ...ls.slice(at + 1)];
    }),
  })),
  fc.record({ row: fc.nat(), end: fc.constantFrom('from', 'to') }).map(({ row, end }): Corruption => ({
    name: 'dangling reference', expect: 'refused', apply: (f, c) => setCell(f, 'ACQUAINTANCE.csv', end, row, `${c}-missing`),
  })),
  fc.record({ element: fc.nat(), bad: fc.constantFrom<unknown>(5, 'text', null, true, [], ['x'], { id: { a: 1 } }, { since: true }, { role: 7 }, { from: ['a'] }) }).map(({ element, bad }): Corruption => ({
    name: 'JSON element of the wrong type', expect: 'refused',
    apply: (f) => {
      let rows: Record<string, unknown>[];
      try {
        rows = JSON.parse(f['MEMBERSHIP.json']!.toString('utf8')) as Record<string, unknown>[];
      } catch {
        return f; // already broken by an earlier corruption
      }
      if (!Array.isArray(rows) || rows.length === 0) return f;
      const i = element % rows.length;
      rows[i] = bad !== null && typeof bad === 'object' && !Array.isArray(bad) ? { ...rows[i], ...bad } : (bad as never);
      return { ...f, 'MEMBERSHIP.json': Buffer.from(JSON.stringify(rows), 'utf8') };
    },
  })),
  fc.record({ line: fc.nat(), bad: fc.constantFrom('5', '"text"', 'null', '[1,2]', '{"id":', '{"id":"x" "name":"y"}', '{"communityId":{"$ne":null}}') }).map(({ line, bad }): Corruption => ({
    name: 'JSON line of the wrong shape', expect: 'refused',
    apply: (f) => withLines(f, 'Organization.jsonl', (ls) => ls.map((l, i) => (i === line % 2 ? bad : l))),
  })),
  fc.constantFrom('drop ]', 'drop [', 'object').map((how): Corruption => ({
    name: 'JSON array broken', expect: 'refused',
    apply: (f) => {
      const s = f['MEMBERSHIP.json']!.toString('utf8');
      const broken = how === 'drop ]' ? s.slice(0, s.lastIndexOf(']')) : how === 'drop [' ? s.slice(s.indexOf('[') + 1) : `{"rows": ${s}}`;
      return { ...f, 'MEMBERSHIP.json': Buffer.from(broken, 'utf8') };
    },
  })),
  fc.record({ file: fc.constantFrom(...CSV_FILES), row: fc.nat() }).map(({ file, row }): Corruption => ({
    name: 'stray quote', expect: 'refused', apply: (f) => withLines(f, file, (ls) => ls.map((l, i) => (i === rowOf(ls, row) ? `"${l}` : l))),
  })),
  fc.constantFrom('MEMBERSHIPS.csv', 'Residents.jsonl', 'notes.txt.csv').map((name): Corruption => ({
    name: 'unknown file name', expect: 'refused', apply: (f) => ({ ...f, [name]: f['ACQUAINTANCE.csv']! }),
  })),
  fc.record({ file: fc.constantFrom(...CSV_FILES), how: fc.constantFrom('bom', 'crlf', 'cr') }).map(({ file, how }): Corruption => ({
    name: `harmless ${how}`, expect: 'accepted',
    apply: (f) => {
      const s = f[file]!.toString('utf8');
      const out = how === 'bom' ? `\uFEFF${s}` : how === 'crlf' ? s.replace(/\n/g, '\r\n') : s.replace(/\n/g, '\r');
      return { ...f, [file]: Buffer.from(out, 'utf8') };
    },
  })),
);

/** Shown by name in a counterexample; the folder of the failing files is in the message. */
const corruption = corruptions.map((k) => Object.assign(k, { [fc.toStringMethod]: () => k.name }));

function folder(files: Files): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reweave-fuzz-import-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

/** Errors of the kinds a file-level refusal is documented to be: a message naming the file; never a crash of the code itself. */
const CRASHES = new Set(['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'Neo4jError', 'AssertionError']);

async function runImport(files: Files): Promise<{ summary?: ImportSummary; thrown?: Error; dir: string }> {
  const dir = folder(files);
  try {
    return { summary: await importDataset(db, folderSource(dir)), dir };
  } catch (error) {
    return { thrown: error as Error, dir };
  }
}

describe('fuzzed import files', () => {
  it('every corrupted dataset is imported or refused the documented way, and a refusal writes nothing', async () => {
    const property = fc.asyncProperty(fc.array(corruption, { minLength: 1, maxLength: 3 }), fc.boolean(), async (corruptions, preexisting) => {
      const c = uniqueId('fz-imp');
      communities.push(c);
      const ids = [c, ...[0, 1, 2, 3].map((i) => `${c}-r${i}`), `${c}-o1`, `${c}-o2`];
      if (preexisting) {
        const first = await runImport(dataset(c));
        expect(first.thrown?.message, 'the clean dataset imports').toBeUndefined();
        expect(first.summary!.errors).toEqual([]);
      }
      const base = preexisting ? dataset(c, ['王奶奶', '李师傅', '张校长', '陈姐姐']) : dataset(c);
      // Structural damage first, so that a later corruption still lands; a truncation can cut a bad row off, so it lifts the "must refuse".
      const ordered = [...corruptions].sort((a, b) => Number(b.name === 'truncated' || b.name === 'column dropped') - Number(a.name === 'truncated' || a.name === 'column dropped'));
      const files = ordered.reduce((f, k) => k.apply(f, c), base);
      const truncated = corruptions.some((k) => k.name === 'truncated');
      const before = await digestWorld(db, [c], ids);
      const { summary, thrown, dir } = await runImport(files);
      const refused = thrown !== undefined || (summary?.errorCount ?? 0) > 0;
      const label = corruptions.map((k) => k.name).join(' + ');
      tally.add(label, thrown ? `thrown` : refused ? 'refused' : 'ok');
      const context = `${label} (${preexisting ? 'over a previous import' : 'fresh'}) in ${dir}: ${thrown ? `${thrown.name}: ${thrown.message}` : JSON.stringify(summary?.errors.slice(0, 3))}`;
      if (thrown) {
        expect(CRASHES.has(thrown.name) || !(thrown instanceof Error), context).toBe(false);
        expect(thrown.message, context).toContain(dir);
      } else {
        expect(summary!.written, context).toBe(summary!.errorCount === 0);
        for (const e of summary!.errors) {
          expect(typeof e.file === 'string' && Number.isInteger(e.line) && e.line >= 0 && typeof e.reason === 'string' && e.reason.length > 0, `${context}: ${JSON.stringify(e)}`).toBe(true);
        }
      }
      if (!truncated && corruptions.some((k) => k.expect === 'refused')) expect(refused, `${context}: must be refused`).toBe(true);
      if (corruptions.every((k) => k.expect === 'accepted')) expect(refused, `${context}: must be accepted`).toBe(false);
      if (refused) expect(await digestWorld(db, [c], ids), `${context}: wrote`).toBe(before);
    });
    await fc.assert(property, { seed: FUZZ_SEED, numRuns: RUNS, endOnFailure: true });
  }, 300_000);
});
