/**
 * The offline import path: a node row without its state columns is staged for Neo4j's importer with
 * each state at its initial value, like the online path — the store it builds reads back.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSpec } from '../../../src/interchange/columns.ts';
import { BulkCsvSink } from '../../../src/services/import/bulk-csv.ts';
import type { ReferenceIndex } from '../../../src/services/import/references.ts';
import type { FileCheck } from '../../../src/services/import/validate-dataset.ts';

describe('BulkCsvSink', () => {
  it('stages a Resident without cultivationStage at UNIDENTIFIED and keeps a given stage', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'reweave-bulk-states-'));
    const sink = new BulkCsvSink(dir, { now: new Date('2026-01-01T00:00:00Z') });
    const file: FileCheck = {
      source: { display: 'Resident.csv', spec: fileSpec('Resident')!, sharedHeader: true, records: async function* () {} },
      rows: 2,
      invalid: new Set(),
    };
    await sink.accept(file, [
      { id: 'r1', communityId: 'c1', displayName: '甲', cultivationStage: null },
      { id: 'r2', communityId: 'c1', displayName: '乙', cultivationStage: 'GOOD_PERSON' },
    ], {} as ReferenceIndex);
    const staged = await sink.finish([file]);
    const [header, ...lines] = readFileSync(staged.nodes[0]!.file, 'utf8').trim().split('\n');
    const at = header!.split(',').indexOf('cultivationStage');
    expect(at).toBeGreaterThan(0);
    expect(lines.map((l) => l.split(',')[at])).toEqual(['"UNIDENTIFIED"', '"GOOD_PERSON"']);
  });
});
