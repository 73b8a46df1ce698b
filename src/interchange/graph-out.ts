/**
 * What the graph writers (GraphML, GEXF, CSV, JSON) share: a buffered, back-pressured text output
 * to a Node Writable, XML escaping, and the attribute model — the declared name and type of every
 * node or edge attribute, inferred from the values in the graph (string, boolean, long, double).
 * List values are written as one string joined with "|" (the interchange format's list separator).
 */
import type { Writable } from 'node:stream';
import type { AbstractGraph, Attributes } from 'graphology-types';
import { LIST_SEPARATOR } from './cells.ts';

export type AnyGraph = AbstractGraph<Attributes, Attributes, Attributes>;
export type AttrType = 'string' | 'boolean' | 'long' | 'double';

export interface GraphWriteOptions {
  /** Stop between chunks when aborted (e.g. a size cap was reached); the reason is thrown. */
  signal?: AbortSignal | undefined;
  /** End the Writable when done (default true). */
  end?: boolean | undefined;
}

export interface GraphWriteResult {
  nodes: number;
  edges: number;
  bytes: number;
}

const CHUNK = 64 * 1024;

/**
 * Text to a Writable in ~64 KB chunks; each chunk waits for the stream's callback, so a slow disk
 * or a capped memory sink holds the writer back and a stream error reaches the caller.
 */
export class TextOut {
  private buffer: string[] = [];
  private size = 0;
  bytes = 0;

  constructor(private readonly out: Writable, private readonly signal?: AbortSignal) {}

  async push(text: string): Promise<void> {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) await this.flush();
  }

  async flush(): Promise<void> {
    this.signal?.throwIfAborted();
    if (this.size === 0) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    this.bytes += Buffer.byteLength(chunk, 'utf8');
    await new Promise<void>((resolve, reject) => {
      this.out.write(chunk, 'utf8', (error) => (error ? reject(error) : resolve()));
    });
    this.signal?.throwIfAborted();
  }

  async close(end = true): Promise<void> {
    await this.flush();
    if (!end) return;
    await new Promise<void>((resolve, reject) => {
      this.out.once('error', reject);
      this.out.end(() => {
        this.out.off('error', reject);
        resolve();
      });
    });
  }
}

// Characters XML 1.0 cannot carry at all (control characters, lone surrogates) become U+FFFD.
const NOT_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** For attribute values: also tab/newline/CR as character references, which parsers would normalise. */
export function xmlAttr(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/[&<>"'\t\n\r]/g, (c) => ESCAPES[c]!);
}

/** For element text: newlines stay, CR is kept as a reference (a parser would turn it into LF). */
export function xmlText(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/[&<>\r]/g, (c) => ESCAPES[c]!);
}

function typeOf(value: unknown): AttrType | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return Number.isSafeInteger(value) ? 'long' : 'double';
  }
  return 'string';
}

function merge(a: AttrType | undefined, b: AttrType): AttrType {
  if (a === undefined || a === b) return b;
  if ((a === 'long' && b === 'double') || (a === 'double' && b === 'long')) return 'double';
  return 'string';
}

/** The value as text for its declared type, or null when there is nothing to write. */
export function formatValue(value: unknown, type: AttrType): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (type === 'string') {
    if (value instanceof Date) return value.toISOString();
    if (Array.isArray(value)) return value.map((v) => (v instanceof Date ? v.toISOString() : String(v))).join(LIST_SEPARATOR);
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  }
  return String(value);
}

export interface AttrModel {
  /** Attribute name → declared type, in order of first appearance. */
  types: Map<string, AttrType>;
}

/**
 * Declared attributes of the graph's nodes or edges, names in `skip` left out. An attribute that is
 * always null is still declared (as a string), so every file of a network has the same columns.
 */
export function attrModel(graph: AnyGraph, of: 'node' | 'edge', skip: ReadonlySet<string> = new Set()): AttrModel {
  const seen = new Map<string, AttrType | null>();
  const visit = (attrs: Attributes) => {
    for (const [name, value] of Object.entries(attrs)) {
      if (skip.has(name)) continue;
      const t = Array.isArray(value) || value instanceof Date ? 'string' : typeOf(value);
      const before = seen.get(name);
      if (t === null) {
        if (before === undefined) seen.set(name, null);
        continue;
      }
      seen.set(name, merge(before ?? undefined, t));
    }
  };
  if (of === 'node') graph.forEachNode((_, a) => visit(a));
  else graph.forEachEdge((_, a) => visit(a));
  return { types: new Map([...seen].map(([name, t]) => [name, t ?? 'string'])) };
}

/** A start/end attribute as an ISO-8601 string (projections keep dates as ISO strings), or null. */
export function isoOrNull(value: unknown): string | null {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' && value.length > 0) return value;
  return null;
}
