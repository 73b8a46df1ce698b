/**
 * Writes docs/import.md: how to prepare a dataset folder, and every file's columns (from
 * src/interchange/columns.ts, so the page cannot drift from the importer). A unit test fails when
 * the committed page is stale.
 */
import { writeFileSync } from 'node:fs';
import { FILE_SPECS, MAX_FIELD_LENGTH, type Column } from '../src/interchange/columns.ts';
import { MAX_LINE_BYTES } from '../src/interchange/lines.ts';
import { synonymsOf, VOCABULARIES } from '../src/domain/vocabulary.ts';
import { REL_SPECS, NODE_SPECS } from '../src/domain/model.ts';

function typeText(c: Column): string {
  const t = c.type;
  switch (t.kind) {
    case 'id': return 'id';
    case 'ref': return `id of ${t.labels.join(' / ')}`;
    case 'label': return 'node label';
    case 'enum': return `${t.vocabulary}: ${Object.entries(VOCABULARIES[t.vocabulary].terms as Record<string, { zh: string }>).map(([k, v]) => `${k} (${[v.zh, ...synonymsOf(t.vocabulary, k)].join(', ')})`).join(', ')}`;
    case 'strings': return 'list, "|"-separated in CSV';
    case 'datetime': return 'date (2025-03-01, 2025/03/01, 2025.3.1, 2025年3月1日) or ISO-8601 date-time';
    case 'int':
    case 'float': return `${t.kind === 'int' ? 'integer' : 'number'} ${t.kind === 'float' && t.above ? `> ${t.min}` : `≥ ${t.min}`}, ≤ ${t.max.toLocaleString('en-US')}`;
    default: return t.kind;
  }
}

export function importDoc(): string {
  const out: string[] = [];
  out.push(`# Importing data / 导入数据

A dataset is a folder with one file per node label (\`Resident.csv\`), per relationship kind
(\`MEMBERSHIP.csv\`) and one for state changes (\`STATE_CHANGE.csv\`). Each file may be CSV (UTF-8,
comma-separated, a header row, RFC 4180 quoting), JSON Lines (\`.jsonl\`, one object per line) or a
JSON array (\`.json\`) of objects (an element that is not an object is a rejected row). Only the files you have are needed. \`npm run export\` writes the same format.

    npm run import -- path/to/folder                     # everything or nothing
    npm run import -- path/to/folder --skip-invalid      # good rows in, bad rows to path/to/folder.rejected.csv
    npm run import -- path/to/folder --encoding gb18030  # files saved as GBK / GB18030

- **File names.** A file is named after its node label or relationship kind, as in the headings
  below (any case). A relationship file may also carry the stored relationship type where only one
  kind is stored under it (\`KNOWS.csv\` is \`ACQUAINTANCE\`, \`ATTENDED.csv\` is \`ATTENDANCE\`;
  \`MEMBER_OF\` is both \`MEMBERSHIP\` and \`CONFERENCE_MEMBERSHIP\`, so it is refused naming both).
  An unknown name is answered with the nearest known one (\`MEMBERSHIPS.csv\`: did you mean
  \`MEMBERSHIP\`?). Files named \`rejected.csv\` or \`*.rejected.csv\` are skipped.
  文件名为节点类型或关系名称；也可用只对应一种关系的关系类型（如 \`KNOWS.csv\`）；名称无法识别时提示最接近的名称。
- **Encoding.** Files are UTF-8. A file that is not, but reads as GB18030 (GBK, GB2312: what Excel
  saves on Chinese Windows), stops the import at its first such line with a message naming that
  encoding; run again with \`--encoding gb18030\` (it applies to every file of the folder), or save
  the file as "CSV UTF-8". 文件须为 UTF-8；GB18030/GBK 编码的文件会被拒绝并指明编码，加 \`--encoding gb18030\` 即可导入。

- **Stable ids.** Every row has an \`id\` you choose (letters, digits, \`_ . : -\`). Importing the same
  files again changes nothing; a changed row updates the stored one. Never build ids from names.
- **Headers.** English column names or the Chinese aliases shown below (e.g. \`显示名（化名）\`). A
  relationship's ends may be named after their labels where a label is at one end only
  (\`居民编号\` → \`from\`, \`组织编号\` → \`to\` in \`MEMBERSHIP.csv\`; not in \`ACQUAINTANCE.csv\`, which
  is Resident → Resident). An unknown column is refused with every column's names, English and Chinese.
- **Values.** Enums take the English term (any case, \`core team\` = \`CORE_TEAM\`), its Chinese name
  (\`好人\` = \`GOOD_PERSON\`) or a common synonym listed after it in the tables below (\`商品房\`,
  \`骨干\`, \`队长\`; the one table of them is \`SYNONYMS\` in \`src/domain/vocabulary.ts\`); brackets
  may be ASCII or full-width (\`花园小区(商品房)\`). A refused value is answered with every term and
  its Chinese names. Booleans \`true/false\`, \`yes/no\`, \`1/0\`, \`是/否\`. Dates \`2025-03-01\`,
  \`2025/03/01\`, \`2025.3.1\` or \`2025年3月1日\` (midnight UTC; year first only, since \`03/01/2025\`
  means different days to different people), or a date-time \`2025-03-01T09:30:00+08:00\`. Lists
  \`书法|维修\`.
  枚举值可写英文、中文或常用同义词（如 \`商品房\`、\`骨干\`、\`队长\`），括号全角半角均可；日期可写
  \`2025-03-01\`、\`2025/03/01\`、\`2025.3.1\` 或 \`2025年3月1日\`（年份在前）。 Fields longer than ${MAX_FIELD_LENGTH.toLocaleString('en-US')} characters are refused.
  Blanks, a byte-order mark and zero-width characters around a value are trimmed; a required text
  that is empty after that is refused. Numbers are written in decimal notation (\`12\`, \`-1.5\`, \`1e3\`; not \`0x10\`) and must lie within the bounds shown in each table.
- **States.** A state column (\`cultivationStage\`, \`status\`, …) may be left out: a new node then
  starts at the initial state (\`UNIDENTIFIED\`, \`CALLED\`, …); a node already stored keeps its own.
- **Times.** \`endedAt\` must not come before \`createdAt\`, nor \`until\` before \`since\`,
  \`endsAt\` before \`startsAt\` or \`validUntil\` before \`validFrom\`.
- **Checks first.** Every row is checked before anything is written: types, enum values, dates,
  required fields, duplicate ids in a file, references to nodes that are neither in the folder nor
  in the database, state changes that are not allowed, invalid UTF-8. Each problem is reported with
  file, line, column and reason. By default any problem means nothing is written. A row that refers
  to a rejected row is rejected too. With \`--skip-invalid\` the good rows are written and the
  rejected rows themselves go to \`<folder>.rejected.csv\` beside the folder (\`--rejected FILE\` for
  another place): for each dataset file with rejected rows, a header \`file,line,column,reason\`
  followed by that file's own header, then each rejected row once with its problems and its
  original cells, ready to be fixed and imported again. 被拒绝的原始行连同原因写入目录旁边的 \`<目录>.rejected.csv\`。
- **Line ends and quotes.** Lines may end in \`\\n\`, \`\\r\\n\` or a lone \`\\r\` (old Mac and some Excel
  exports); a line break inside a quoted field is kept (\`\\r\\n\` is read as \`\\n\`). A record — a line,
  or the lines a quoted field spans — may hold at most ${MAX_LINE_BYTES.toLocaleString('en-US')} bytes: a longer line is a rejected
  row, and a quoted field that runs past that, or is still open at the end of the file, stops the
  import with an "unclosed quote / 引号未闭合" error naming the file and the line where the quote
  opened (such a quote swallows every later line, so no row after it can be trusted). An empty file,
  or a header without rows, imports nothing and \`npm run import\` names it in a warning.
  换行符可为 \`\\n\`、\`\\r\\n\` 或 \`\\r\`；引号未闭合时整个导入停止并报告引号所在行；空文件或只有表头的文件会给出警告。
- **Order.** Communities first, then the other node files, then relationships and state changes;
  the importer sorts the files itself.
- **Identifying details** (real names, phones, ID numbers) are not part of a dataset: set them
  through the \`setResidentIdentity\` mutation, which only ADMIN may call.
- Through GraphQL, \`importRows(input: {file, rows})\` takes up to 1,000 rows with the same checks.
`);
  for (const spec of FILE_SPECS) {
    const title = spec.kind === 'node' ? `${spec.name} — ${NODE_SPECS[spec.label].zh}`
      : spec.kind === 'rel' ? `${spec.name} — ${REL_SPECS[spec.rel].zh} (${REL_SPECS[spec.rel].from.join('/')} → ${REL_SPECS[spec.rel].to.join('/')})`
      : 'STATE_CHANGE — 状态变更（培育阶段、合伙人状态等）';
    out.push(`## ${title}\n\n| column | 中文 | required | type |\n| --- | --- | --- | --- |`);
    for (const c of spec.columns) out.push(`| \`${c.name}\` | ${c.aliases.join(', ')} | ${c.required ? 'yes' : ''} | ${typeText(c)} |`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('../docs/import.md', import.meta.url), importDoc());
  console.log('docs/import.md written');
}
