/** Test helper: runs the demo generator and keeps its rows (small preset only — it holds everything). */
import { generateDemo, type DemoOptions } from '../../../src/demo/generate.ts';

export type Row = Record<string, unknown>;

export interface Collected {
  readonly files: Map<string, Row[]>;
  /** File names in the order rows arrived, one entry per change of file. */
  readonly sequence: string[];
  readonly counts: Map<string, number>;
}

export async function collectDemo(options: DemoOptions): Promise<Collected> {
  const files = new Map<string, Row[]>();
  const sequence: string[] = [];
  const counts = await generateDemo(options, async (file, row) => {
    if (sequence.at(-1) !== file) sequence.push(file);
    let rows = files.get(file);
    if (!rows) files.set(file, (rows = []));
    rows.push(row);
  });
  return { files, sequence, counts };
}

export const rowsOf = (c: Collected, file: string): Row[] => c.files.get(file) ?? [];
export const time = (v: unknown): number => (v instanceof Date ? v.getTime() : Number.NaN);
