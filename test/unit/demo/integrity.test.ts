/** The small demo is importable: endpoints, ids, order, dates and every cell against the file specs. */
import { beforeAll, describe, expect, it } from 'vitest';
import { NODE_LABELS, REL_KINDS, REL_SPECS, type NodeLabel } from '../../../src/domain/model.ts';
import { fileSpec } from '../../../src/interchange/columns.ts';
import { formatCell, parseCell } from '../../../src/interchange/cells.ts';
import { collectDemo, rowsOf, time, type Collected } from './collect.ts';

const FIRST = Date.UTC(2023, 0, 1);
const END = Date.UTC(2026, 0, 1);
let demo: Collected;
/** node id → label and createdAt of every node row. */
const nodes = new Map<string, { label: NodeLabel; created: number }>();

beforeAll(async () => {
  demo = await collectDemo({ preset: 'small' });
  for (const label of NODE_LABELS) {
    for (const row of rowsOf(demo, label)) nodes.set(String(row.id), { label, created: time(row.createdAt) });
  }
});

describe('small demo: shape', () => {
  it('has about 2,000 residents in the community named as a demo', () => {
    expect(rowsOf(demo, 'Resident').length).toBeGreaterThanOrEqual(1900);
    expect(rowsOf(demo, 'Resident').length).toBeLessThanOrEqual(2100);
    const [community] = rowsOf(demo, 'Community');
    expect(rowsOf(demo, 'Community')).toHaveLength(1);
    expect(String(community?.name)).toContain('演示');
  });

  it('returns counts that match the rows emitted', () => {
    for (const [file, rows] of demo.files) expect(demo.counts.get(file), file).toBe(rows.length);
  });

  it('emits Community first, then node files, then relationships and STATE_CHANGE, each file in one run', () => {
    expect(demo.sequence[0]).toBe('Community');
    expect(new Set(demo.sequence).size, `files interleave: ${demo.sequence.join(' ')}`).toBe(demo.sequence.length);
    const lastNode = Math.max(...demo.sequence.map((f, k) => ((NODE_LABELS as string[]).includes(f) ? k : -1)));
    const firstOther = demo.sequence.findIndex((f) => !(NODE_LABELS as string[]).includes(f));
    expect(lastNode).toBeLessThan(firstOther);
    expect(demo.sequence.at(-1)).toBe('STATE_CHANGE');
    for (const kind of REL_KINDS) expect(rowsOf(demo, kind).length, `${kind} has rows`).toBeGreaterThan(0);
  });
});

describe('small demo: integrity', () => {
  // Problems are collected and compared once: one expect per row would make these tests slow.
  it('has ids unique within each file', () => {
    const dup: string[] = [];
    for (const [file, rows] of demo.files) if (new Set(rows.map((r) => r.id)).size !== rows.length) dup.push(file);
    expect(dup).toEqual([]);
  });

  it('gives every node the community id', () => {
    const cid = String(rowsOf(demo, 'Community')[0]?.id);
    const wrong = NODE_LABELS.flatMap((label) => rowsOf(demo, label).filter((r) => r.communityId !== cid).map((r) => `${label} ${String(r.id)}`));
    expect(wrong).toEqual([]);
  });

  it('points every relationship at emitted nodes of allowed labels, no earlier than either end was created', () => {
    const problems: string[] = [];
    for (const kind of REL_KINDS) {
      const spec = REL_SPECS[kind];
      for (const row of rowsOf(demo, kind)) {
        const from = nodes.get(String(row.from));
        const to = nodes.get(String(row.to));
        const what = `${kind} ${String(row.id)}`;
        if (!from || !(spec.from as readonly string[]).includes(from.label)) problems.push(`${what}: from ${String(row.from)} is ${from?.label}`);
        if (!to || !(spec.to as readonly string[]).includes(to.label)) problems.push(`${what}: to ${String(row.to)} is ${to?.label}`);
        const start = time(spec.time === 'span' ? row.since : row.at);
        if (Number.isNaN(start)) problems.push(`${what} has no date`);
        else if (from && to && start < Math.max(from.created, to.created)) problems.push(`${what} starts before its ends exist`);
        if (row.until !== undefined && !(time(row.until) >= start)) problems.push(`${what}: until before since`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('keeps every date within 2023–2025 and every STATE_CHANGE after its node was created', () => {
    const problems: string[] = [];
    for (const [file, rows] of demo.files) {
      for (const row of rows) {
        for (const [key, value] of Object.entries(row)) {
          if (value instanceof Date && !(value.getTime() >= FIRST && value.getTime() < END)) problems.push(`${file} ${String(row.id)} ${key}`);
        }
      }
    }
    for (const row of rowsOf(demo, 'STATE_CHANGE')) {
      const node = nodes.get(String(row.nodeId));
      if (!node || node.label !== row.label) problems.push(`${String(row.id)}: ${String(row.nodeId)} is not a ${String(row.label)}`);
      else if (!(time(row.at) > node.created)) problems.push(`${String(row.id)}: change before the node was created`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('passes parseCell for every column, typed and as CSV text, with no unknown columns', () => {
    const problems: string[] = [];
    for (const [file, rows] of demo.files) {
      const spec = fileSpec(file);
      if (!spec) {
        problems.push(`${file} is not a dataset file`);
        continue;
      }
      const known = new Set(spec.columns.map((c) => c.name));
      for (const row of rows) {
        for (const key of Object.keys(row)) if (!known.has(key)) problems.push(`${file}.${key} is not a column`);
        for (const column of spec.columns) {
          const typed = parseCell(column, row[column.name]);
          if (!typed.ok) problems.push(`${file} ${String(row.id)}: ${typed.reason}`);
          const text = parseCell(column, formatCell(row[column.name]));
          if (!text.ok) problems.push(`${file} ${String(row.id)} as CSV: ${text.reason}`);
        }
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });
});
