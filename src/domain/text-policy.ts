/**
 * What a stored text may contain, judged at every door where text comes in: the GraphQL inputs'
 * zod schemas (src/schema/zod-props.ts) and the importer's cells (src/interchange/cells.ts).
 *
 * - Everywhere: no C0 or C1 control characters (NUL among them) and no DEL — except tab, line feed
 *   and carriage return in free text; no lone surrogate (a half of a UTF-16 pair, which is not a
 *   character and becomes U+FFFD or an error in every other encoding); no bidirectional embedding,
 *   override or isolate (U+202A–U+202E, U+2066–U+2069), which reorder how the text around them is
 *   shown ("Trojan Source", Boucher & Anderson 2021, CVE-2021-42574).
 * - In names and other one-line texts (everything but free text): also no zero-width or invisible
 *   format character (U+200B–U+200F, U+2060–U+2064, U+061C, U+180E, U+FEFF), which make two names
 *   that look the same differ, or a name look empty.
 *
 * Ids are stricter still (src/domain/ids.ts: letters, digits and _ . : - only).
 */
export type TextKind = 'name' | 'free';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const CONTROL_IN_NAME = /[\u0000-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex
const CONTROL_IN_FREE_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const INVISIBLE_IN_NAME = /[\u200B-\u200F\u2060-\u2064\u061C\u180E\uFEFF]/;

const codePoint = (s: string) => `U+${s.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why the text may not be stored, naming the character and where it is, or null. */
export function textProblem(text: string, kind: TextKind): string | null {
  const at = (m: RegExpExecArray) => `${codePoint(m[0])} at position ${m.index + 1}`;
  let m = LONE_SURROGATE.exec(text);
  if (m) return `contains a lone surrogate ${at(m)}, not a character / 含有不成对的代理项 ${codePoint(m[0])}（第 ${m.index + 1} 位）`;
  m = (kind === 'name' ? CONTROL_IN_NAME : CONTROL_IN_FREE_TEXT).exec(text);
  if (m) {
    const allowed = kind === 'free' ? ' (tab and line breaks are allowed in free text)' : '';
    return `contains the control character ${at(m)}${allowed} / 含有控制字符 ${codePoint(m[0])}（第 ${m.index + 1} 位）`;
  }
  m = BIDI.exec(text);
  if (m) return `contains the bidirectional control ${at(m)}, which reorders how text is shown / 含有双向文本控制字符 ${codePoint(m[0])}（第 ${m.index + 1} 位）`;
  if (kind === 'name') {
    m = INVISIBLE_IN_NAME.exec(text);
    if (m) return `contains the invisible character ${at(m)}; names may not hold zero-width characters / 名称含有零宽或不可见字符 ${codePoint(m[0])}（第 ${m.index + 1} 位）`;
  }
  return null;
}
