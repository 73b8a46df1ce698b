import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importDoc } from '../../../scripts/print-import-doc.ts';

describe('docs/import.md', () => {
  it('matches the importer\'s columns (run `npx tsx scripts/print-import-doc.ts` after changing the model)', () => {
    expect(readFileSync(new URL('../../../docs/import.md', import.meta.url), 'utf8')).toBe(importDoc());
  });
});
