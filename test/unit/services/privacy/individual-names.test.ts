/**
 * The one replacement of individual partners' names inside other texts, shared by the pseudonymised
 * export and the API's answers to researchers; and how a run of id characters in prose is read as an id.
 */
import { describe, expect, it } from 'vitest';
import { nameScrubber } from '../../../../src/services/privacy/individual-names.ts';
import { ID_RUNS, idForms } from '../../../../src/services/privacy/researcher-view.ts';
import { pseudonym } from '../../../../src/services/shape.ts';

const individuals = new Map([['郭老师心理沙龙', 'p-1'], ['郭老师', 'p-2'], ['李', 'p-3'], ['a.b', 'p-4']]);
const p = (id: string) => pseudonym(id, 'key', 'P-');

describe('nameScrubber', () => {
  it('replaces the longest name first, every occurrence, and never a one-character name', () => {
    const scrub = nameScrubber(individuals, 'key');
    expect(scrub('郭老师心理沙龙公益沙龙')).toBe(`${p('p-1')}公益沙龙`);
    expect(scrub('郭老师和郭老师心理沙龙')).toBe(`${p('p-2')}和${p('p-1')}`);
    expect(scrub('李师傅')).toBe('李师傅');
  });

  it('reads a name as plain text, not as a pattern', () => {
    expect(nameScrubber(individuals, 'key')('axb a.b')).toBe(`axb ${p('p-4')}`);
  });

  it('leaves the names it is told to skip (what the reader wrote) as they are', () => {
    const scrub = nameScrubber(individuals, 'key', (name) => name === '郭老师心理沙龙');
    expect(scrub('郭老师心理沙龙公益沙龙')).toBe(`${p('p-2')}心理沙龙公益沙龙`);
    expect(nameScrubber(individuals, 'key', () => true)('郭老师')).toBe('郭老师');
  });

  it('keys the pseudonyms: another key gives others', () => {
    expect(nameScrubber(individuals, 'other')('郭老师')).not.toBe(nameScrubber(individuals, 'key')('郭老师'));
  });
});

describe('ids in prose', () => {
  it('finds an id however a sentence punctuates it', () => {
    const runs = 'Resident demo:res:1 not found / 未找到 Resident demo:res:1. (r-2:)'.match(ID_RUNS) ?? [];
    expect(runs).toContain('demo:res:1');
    expect(runs.flatMap(idForms)).toEqual(expect.arrayContaining(['demo:res:1', 'r-2']));
    expect(idForms('r-1')).toEqual(['r-1']);
  });
});
