/** The text policy (src/domain/text-policy.ts) and its two doors: the zod inputs and the importer's cells. */
import { describe, expect, it } from 'vitest';
import { textProblem } from '../../../src/domain/text-policy.ts';
import { propSchema } from '../../../src/schema/zod-props.ts';
import { parseCell } from '../../../src/interchange/cells.ts';

describe('textProblem', () => {
  it.each([
    ['NUL', 'a\u0000b', /control character U\+0000 at position 2/],
    ['a C1 control', 'a\u0085', /U\+0085/],
    ['DEL', 'a\u007F', /U\+007F/],
    ['a lone high surrogate', 'a\uD800b', /lone surrogate U\+D800/],
    ['a lone low surrogate', '\uDC00', /lone surrogate U\+DC00/],
    ['RIGHT-TO-LEFT OVERRIDE', '王\u202E阿姨', /bidirectional control U\+202E at position 2/],
    ['FIRST STRONG ISOLATE', 'x\u2068', /U\+2068/],
    ['ZERO WIDTH SPACE in a name', '王\u200B阿姨', /invisible character U\+200B/],
    ['ZERO WIDTH JOINER in a name', '王\u200D', /U\+200D/],
    ['a tab in a name', '王\t阿姨', /control character U\+0009/],
  ])('refuses %s in a name', (_what, text, message) => {
    expect(textProblem(text, 'name')).toMatch(message);
    expect(textProblem(text, 'name')).toMatch(/ \/ .*[\u4e00-\u9fff]/);
  });

  it('accepts ordinary text, a surrogate pair (an emoji), and in free text tab, line breaks and zero-width joiners', () => {
    expect(textProblem('王阿姨 Auntie Wang 3栋', 'name')).toBeNull();
    expect(textProblem('郭老师心理沙龙 🙂', 'name')).toBeNull();
    expect(textProblem('第一行\n第二行\r\n\tindent 👩\u200D👩', 'free')).toBeNull();
    expect(textProblem('a\u0000', 'free')).toMatch(/U\+0000/);
    expect(textProblem('a\u202Eb', 'free')).toMatch(/U\+202E/);
  });
});

describe('the doors that use it', () => {
  it('the zod schema of a name and of free text', () => {
    const name = propSchema({ kind: 'string', max: 500 });
    const free = propSchema({ kind: 'string', max: 5000, multiline: true });
    expect(name.safeParse('王\u202E阿姨').success).toBe(false);
    expect(name.safeParse('王阿姨').success).toBe(true);
    expect(free.safeParse('第一行\n第二行').success).toBe(true);
    expect(free.safeParse('a\u0000').success).toBe(false);
    expect(propSchema({ kind: 'strings' }).safeParse(['书法', 'x\u200By']).success).toBe(false);
  });

  it("the importer's cells", () => {
    const column = { name: 'displayName', type: { kind: 'string', max: 500 }, required: true } as Parameters<typeof parseCell>[0];
    const refused = parseCell(column, '王\u0000阿姨');
    expect(refused).toMatchObject({ ok: false });
    expect(JSON.stringify(refused)).toMatch(/displayName: contains the control character U\+0000/);
    expect(parseCell(column, '王阿姨')).toMatchObject({ ok: true, value: '王阿姨' });
  });
});
