import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileFormatError, readRecords } from '../../../src/interchange/readers.ts';
import type { Encoding } from '../../../src/interchange/lines.ts';

/** "编号,社区编号,displayName\nr1,c1,王阿姨\nr2,c1,李师傅\n" as Excel on Chinese Windows saves it (GB18030). */
const GBK_CSV = Buffer.from('b1e0bac52cc9e7c7f8b1e0bac52c646973706c61794e616d650a72312c63312ccdf5b0a2d2cc0a72322c63312cc0eecaa6b8b50a', 'hex');

function file(name: string, bytes: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reweave-encoding-'));
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

async function read(p: string, encoding?: Encoding) {
  const records = [];
  for await (const r of readRecords(p, p, encoding)) records.push(r);
  return records;
}

describe('readRecords: files not in UTF-8', () => {
  it('refuses a GB18030 CSV by default at line 1, naming the encoding and --encoding gb18030', async () => {
    const p = file('Resident.csv', GBK_CSV);
    const error = await read(p).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(FileFormatError);
    expect((error as FileFormatError).line).toBe(1);
    expect((error as Error).message).toContain(`${p}: line 1: the file is not UTF-8: it reads as GB18030/GBK`);
    expect((error as Error).message).toContain('--encoding gb18030');
    expect((error as Error).message).toContain('文件不是 UTF-8 编码');
    expect((error as Error).message).not.toContain('�');
  });

  it('refuses a GB18030 line below a UTF-8 header too', async () => {
    const p = file('Resident.csv', Buffer.concat([Buffer.from('id,communityId,displayName\n'), GBK_CSV.subarray(GBK_CSV.indexOf(0x0a) + 1)]));
    const error = await read(p).then(() => null, (e: unknown) => e);
    expect((error as FileFormatError).line).toBe(2);
  });

  it('reads it with encoding gb18030: Chinese headers and cells as written', async () => {
    const records = await read(file('Resident.csv', GBK_CSV), 'gb18030');
    expect(records.map((r) => [r.line, r.cells, r.problems])).toEqual([
      [2, { 编号: 'r1', 社区编号: 'c1', displayName: '王阿姨' }, []],
      [3, { 编号: 'r2', 社区编号: 'c1', displayName: '李师傅' }, []],
    ]);
  });

  it('still reports a stray invalid byte in a UTF-8 file as that row\'s problem', async () => {
    const records = await read(file('Resident.csv', Buffer.concat([Buffer.from('id,communityId,displayName\nr1,c1,'), Buffer.from([0xff]), Buffer.from('\n')])));
    expect(records[0]!.problems).toEqual(['line 2: invalid UTF-8 byte sequence / 非法的 UTF-8 编码']);
  });
});

describe('readRecords with encoding gb18030', () => {
  it('names GB18030, not UTF-8, for bytes that are not GB18030', async () => {
    const records = await read(file('Resident.csv', Buffer.concat([GBK_CSV, Buffer.from('r3,c1,'), Buffer.from([0xff]), Buffer.from('\n')])), 'gb18030');
    expect(records[2]!.problems).toEqual(['line 4: invalid GB18030 byte sequence / 非法的 GB18030 编码']);
  });
});
