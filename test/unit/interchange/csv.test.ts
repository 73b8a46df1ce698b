import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvLine, newRecordState, parseCsvLine } from '../../../src/interchange/csv.ts';
import { MAX_LINE_BYTES } from '../../../src/interchange/lines.ts';
import { FileFormatError, readRecords } from '../../../src/interchange/readers.ts';

const parse = (...lines: string[]) => {
  const state = newRecordState();
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

const tmpFile = (name: string, content: string | Buffer) => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'csv-')), name);
  writeFileSync(file, content);
  return file;
};

const all = async (file: string) => {
  const records = [];
  for await (const r of readRecords(file)) records.push(r);
  return records;
};

/** The error readRecords stops with, or null when it reads to the end. */
const failure = async (file: string): Promise<unknown> => {
  try {
    await all(file);
    return null;
  } catch (error) {
    return error;
  }
};

describe('readRecords (CSV)', () => {
  it('gives each record the line it starts on', async () => {
    const records = await all(tmpFile('Resident.csv', '\uFEFFid,name\nr1,"two\nlines"\n\nr2,plain\n'));
    expect(records.map((r) => [r.line, r.cells.id, r.problems.length])).toEqual([[2, 'r1', 0], [5, 'r2', 0]]);
    expect(records[0]!.cells.name).toBe('two\nlines');
  });

  it('reads the rows of a file whose lines end in a lone CR (old Mac and some Excel exports)', async () => {
    const records = await all(tmpFile('Resident.csv', 'id,name,note\rr1,王阿姨,"两\r行"\rr2,李师傅,x\r'));
    expect(records.map((r) => [r.line, r.cells])).toEqual([
      [2, { id: 'r1', name: '王阿姨', note: '两\r行' }],
      [4, { id: 'r2', name: '李师傅', note: 'x' }],
    ]);
    expect(records.every((r) => r.problems.length === 0)).toBe(true);
  });

  it('reads CRLF, LF and lone-CR line ends mixed in one file alike', async () => {
    const records = await all(tmpFile('Resident.csv', 'id,name\r\nr1,"a\r\nb"\rr2,c\nr3,d'));
    expect(records.map((r) => [r.line, r.cells.id, r.cells.name])).toEqual([[2, 'r1', 'a\nb'], [4, 'r2', 'c'], [5, 'r3', 'd']]);
  });

  it('refuses the file on an unclosed quote, naming the line where the quote opened, in English and Chinese', async () => {
    const file = tmpFile('Resident.csv', 'id,name\nr1,"never closed\nr2,x\nr3,y\n');
    const error = await failure(file);
    expect(error).toBeInstanceOf(FileFormatError);
    expect(error).toMatchObject({ file, line: 2 });
    expect((error as Error).message).toMatch(new RegExp(`^${file}: line 2: unclosed quote: .*not closed before the end of the file.* / 引号未闭合`));
  });

  it('reports the line of the opening quote, not of the record, when a record already spans lines', async () => {
    const error = await failure(tmpFile('Resident.csv', 'id,name,note\nr1,"two\nlines","opens here\nr2,x,y\n'));
    expect(error).toMatchObject({ line: 3 });
    expect((error as Error).message).toContain('line 3: unclosed quote');
  });

  it('refuses a header that cannot be read instead of dropping its problem with it', async () => {
    const error = await failure(tmpFile('Resident.csv', Buffer.concat([Buffer.from('id,'), Buffer.from([0xe7, 0x28]), Buffer.from('\nr1,x\n')])));
    expect(error).toMatchObject({ line: 1 });
    expect((error as Error).message).toMatch(/line 1: the header cannot be read: line 1: invalid UTF-8 .* 表头无法读取/);
  });

  it('keeps a row longer than the record limit as a row with a problem, and goes on', async () => {
    const records = await all(tmpFile('Resident.csv', `id,name\nr1,${'x'.repeat(MAX_LINE_BYTES + 10)}\nr2,y\n`));
    expect(records.map((r) => [r.line, r.cells.id, r.problems])).toEqual([[2, 'r1', ['line 2: line longer than 1 MB / 行过长']], [3, 'r2', []]]);
  });
});
