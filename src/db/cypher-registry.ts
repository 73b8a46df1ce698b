/**
 * Loads every cypher/**\/*.cypher file once at start-up. A statement is addressed by its path
 * without extension ("nodes/create-node"), typed by QUERY_NAMES so that a typo is a compile error and a
 * missing file fails at start-up. Templates may contain {{label}}-style slots for labels and
 * relationship types, which Cypher cannot take as parameters: they are filled only with values from
 * the data model's fixed lists (checked here), never from input.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_LABELS, REL_KINDS, REL_SPECS } from '../domain/model.ts';
import { QUERY_NAMES, type QueryName } from './query-names.ts';

export const CYPHER_DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));

// CHANGED (state history) is the one relationship type outside REL_SPECS that templates name.
const SAFE_NAMES = new Set<string>([...NODE_LABELS, ...REL_KINDS.map((k) => REL_SPECS[k].type), 'CHANGED']);
/** Slot values: a label, a relationship type, or a `|`-joined label disjunction of model labels. */
export type Slots = Readonly<Record<string, string>>;

function listCypherFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listCypherFiles(path);
    return entry.name.endsWith('.cypher') ? [path] : [];
  });
}

/** Every statement file on disk, by name (migrations under schema/ excluded). */
export function cypherFilesOnDisk(): Map<string, string> {
  const files = new Map<string, string>();
  for (const path of listCypherFiles(CYPHER_DIR)) {
    const name = relative(CYPHER_DIR, path).split(sep).join('/').replace(/\.cypher$/, '');
    if (!name.startsWith('schema/')) files.set(name, path);
  }
  return files;
}

function stripHeader(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n')
    .trim();
}

export class CypherRegistry {
  private readonly texts = new Map<QueryName, string>();
  private readonly rendered = new Map<string, string>();

  constructor() {
    const onDisk = cypherFilesOnDisk();
    for (const name of QUERY_NAMES) {
      const path = onDisk.get(name);
      if (!path) throw new Error(`cypher/${name}.cypher is missing (named in src/db/query-names.ts)`);
      this.texts.set(name, stripHeader(readFileSync(path, 'utf8')));
    }
  }

  text(name: QueryName, slots: Slots = {}): string {
    const key = `${name}|${JSON.stringify(slots)}`;
    const cached = this.rendered.get(key);
    if (cached) return cached;
    const template = this.texts.get(name)!;
    const out = template.replace(/\{\{(\w+)\}\}/g, (_, slot: string) => {
      const value = slots[slot];
      if (value === undefined) throw new Error(`cypher/${name}: slot {{${slot}}} not given`);
      for (const part of value.split('|')) {
        if (!SAFE_NAMES.has(part)) throw new Error(`cypher/${name}: ${part} is not a label or type of the model`);
      }
      return value;
    });
    this.rendered.set(key, out);
    return out;
  }
}
