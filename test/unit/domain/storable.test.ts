/**
 * The storable check of src/domain/storable.ts and the two places that read input by it — the
 * GraphQL inputs' zod schemas and the importer's cells — agree for every property of the model.
 */
import { describe, expect, it } from 'vitest';
import { NODE_SPECS, REL_SPECS, type PropSpec } from '../../../src/domain/model.ts';
import { cleanText, isTerm, nodeRowProblems, numberProblem, orderProblems, withInitialStates } from '../../../src/domain/storable.ts';
import { allowedNext } from '../../../src/domain/transitions.ts';
import { VOCABULARIES, type VocabularyName } from '../../../src/domain/vocabulary.ts';
import { parseCell } from '../../../src/interchange/cells.ts';
import type { Column } from '../../../src/interchange/columns.ts';
import { propSchema } from '../../../src/schema/zod-props.ts';

const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'isPrototypeOf', 'valueOf', 'propertyIsEnumerable', 'toLocaleString'];
const allProps = (): [string, PropSpec][] => [
  ...Object.values(NODE_SPECS).flatMap((s) => Object.entries(s.props as Record<string, PropSpec>).map(([n, p]) => [`${s.label}.${n}`, p] as [string, PropSpec])),
  ...Object.entries(REL_SPECS).flatMap(([k, s]) => Object.entries(s.props as Record<string, PropSpec>).map(([n, p]) => [`${k}.${n}`, p] as [string, PropSpec])),
];
const column = (name: string, p: PropSpec): Column => ({ name, aliases: [], type: p.type, required: Boolean(p.required), zh: p.zh, en: p.en });

describe('cleanText', () => {
  it('strips blanks, the BOM and zero-width characters at both ends only', () => {
    expect(cleanText('  王阿姨 \uFEFF')).toBe('王阿姨');
    expect(cleanText('\uFEFF')).toBe('');
    expect(cleanText('\u200B\u200C\u200D\u2060')).toBe('');
    expect(cleanText('a \u200B b')).toBe('a \u200B b');
  });

  it('stays linear on a long run of blanks', () => {
    const s = `${' '.repeat(200_000)}x${' '.repeat(200_000)}y`;
    const started = performance.now();
    expect(cleanText(s)).toBe(s.trimStart());
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('terms and transitions', () => {
  it.each(Object.keys(VOCABULARIES))('%s has none of the prototype names', (name) => {
    for (const p of PROTOTYPE_NAMES) expect(isTerm(name as VocabularyName, p), p).toBe(false);
  });

  it('allows no step from a state that is a prototype name', () => {
    for (const p of PROTOTYPE_NAMES) {
      expect(allowedNext('Resident', 'cultivationStage', p)).toEqual([]);
      expect(allowedNext('Resident', p, 'UNIDENTIFIED')).toEqual([]);
    }
  });
});

describe('number bounds', () => {
  it('keep every int within GraphQL Int and every number finite', () => {
    for (const [name, p] of allProps()) {
      if (p.type.kind !== 'int' && p.type.kind !== 'float') continue;
      expect(Number.isFinite(p.type.max), name).toBe(true);
      if (p.type.kind === 'int') expect(p.type.max, name).toBeLessThanOrEqual(2 ** 31 - 1);
    }
  });

  it('refuse time-bank hours of 0 and above 24', () => {
    const hours = REL_SPECS.EXCHANGE.props.hours.type as Parameters<typeof numberProblem>[0];
    expect(numberProblem(hours, 0)).not.toBeNull();
    expect(numberProblem(hours, 0.5)).toBeNull();
    expect(numberProblem(hours, 24)).toBeNull();
    expect(numberProblem(hours, 24.01)).not.toBeNull();
  });

  it('are judged alike by the GraphQL inputs and the importer, for every number of the model', () => {
    for (const [name, p] of allProps()) {
      if (p.type.kind !== 'int' && p.type.kind !== 'float') continue;
      const { min, max } = p.type;
      for (const n of [min - 1, min, min + 0.5, max, max + 1, 1e308, 3_000_000_000]) {
        const zod = propSchema(p.type).safeParse(n).success;
        const cell = parseCell(column(name, p), String(n)).ok;
        expect(cell, `${name} = ${n}`).toBe(zod);
      }
    }
  });

  it('are judged alike for blank texts and prototype-name terms', () => {
    for (const [name, p] of allProps()) {
      const values = p.type.kind === 'string' ? [' ', '\uFEFF', '\u200B'] : p.type.kind === 'enum' ? PROTOTYPE_NAMES : [];
      for (const v of values) {
        expect(propSchema(p.type).safeParse(v).success, `${name} = ${JSON.stringify(v)}`).toBe(false);
        const cell = parseCell(column(name, p), v);
        // A blank cell is an empty cell: refused when required, absent otherwise — never stored as "".
        expect(cell.ok ? cell.value : 'refused', `${name} = ${JSON.stringify(v)}`).toBe(p.type.kind === 'string' && !p.required ? null : 'refused');
      }
    }
  });
});

describe('lists', () => {
  it('are judged alike by the GraphQL inputs and the importer', () => {
    const skills = NODE_SPECS.Resident.props.skills;
    for (const n of [100, 101]) {
      const list = Array.from({ length: n }, (_, i) => `技能${i}`);
      expect(parseCell(column('skills', skills), list.join('|')).ok, `${n} items`).toBe(propSchema(skills.type).safeParse(list).success);
    }
  });
});

describe('rows', () => {
  it('refuse times that run backwards, at the later field', () => {
    const row = { createdAt: new Date('2025-03-01'), endedAt: new Date('2024-03-01') };
    expect(orderProblems(row)).toEqual([{ field: 'endedAt', reason: expect.stringContaining('before') }]);
    expect(orderProblems(row, new Set(['createdAt']))[0]!.field).toBe('createdAt');
    expect(orderProblems(row, new Set(['displayName']))).toEqual([]);
  });

  it('give a new node every state at its initial value', () => {
    expect(withInitialStates('Resident', { displayName: '甲' })).toEqual({ displayName: '甲', cultivationStage: 'UNIDENTIFIED' });
    expect(withInitialStates('Partner', { name: 'p', status: 'ACTIVE' })).toEqual({ name: 'p', status: 'ACTIVE', kind: 'INDIVIDUAL' });
    expect(nodeRowProblems('Resident', { displayName: '' })).toEqual([expect.objectContaining({ field: 'displayName' })]);
  });
});
