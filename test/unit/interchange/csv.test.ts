import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvLine, parseCsvLine, type CsvRecordState } from '../../../src/interchange/csv.ts';
import { readRecords } from '../../../src/interchange/readers.ts';

const parse = (...lines: string[]) => {
  const state: CsvRecordState = { fields: [], field: '', quoted: false };
  let done = false;
  for (const line of lines) done = parseCsvLine(line, state);
  return { done, fields: state.fields };
};

describe('parseCsvLine', () => {
  it('splits plain, empty and trailing empty fields', () => {
    expect(parse('a,b,c').fields).toEqual(['a', 'b', 'c']);
    expect(parse('a,,c').fields).toEqual(['a', '', 'c']);
    expect(parse('a,b,').fields).toEqual(['a', 'b', '']);
    expect(parse('').fields).toEqual(['']);
  });

  it('reads quoted fields with commas, doubled quotes and Chinese text', () => {
    expect(parse('"小陈, ""阿陈""",x').fields).toEqual(['小陈, "阿陈"', 'x']);
    expect(parse('"",x').fields).toEqual(['', 'x']);
  });

  it('continues a quoted field over lines', () => {
    const r = parse('id,"第一行', '第二行",z');
    expect(r).toEqual({ done: true, fields: ['id', '第一行\n第二行', 'z'] });
    expect(parse('id,"open').done).toBe(false);
  });

  it('reads back what csvLine writes', () => {
    const cells = ['a', 'b,c', 'he said "hi"', ' padded ', '多\n行'];
    const lines = csvLine(cells).slice(0, -1).split('\n');
    expect(parse(...lines).fields).toEqual(cells);
  });
});

describe('readRecords (CSV)', () => {
  it('gives each record the line it starts on, and flags an unclosed quote', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'csv-'));
    const file = path.join(dir, 'Resident.csv');
    writeFileSync(file, '\uFEFFid,name\nr1,"two\nlines"\n\nr2,plain\nr3,"never closed\n');
    const records = [];
    for await (const r of readRecords(file)) records.push(r);
    expect(records.map((r) => [r.line, r.cells.id ?? null, r.problems.length])).toEqual([[2, 'r1', 0], [5, 'r2', 0], [6, null, 1]]);
    expect(records[0]!.cells.name).toBe('two\nlines');
  });
});
