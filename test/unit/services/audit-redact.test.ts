/** What the audit log keeps of a mutation's variables (src/services/audit/redact.ts). */
import { describe, expect, it } from 'vitest';
import { MAX_VARIABLES_CHARS, redactedVariables } from '../../../src/services/audit/redact.ts';

describe('redactedVariables', () => {
  it('replaces secrets and identifying details, keeps the rest', () => {
    const json = redactedVariables({ input: { id: 'r1', displayName: '王阿姨', phone: '13800000000', nested: [{ password: 'p', realName: '王芳' }] }, token: 'rw_x' }, ['createResident']);
    const kept = JSON.parse(json);
    expect(kept).toEqual({ input: { id: 'r1', displayName: '王阿姨', phone: '[redacted]', nested: [{ password: '[redacted]', realName: '[redacted]' }] }, token: '[redacted]' });
    expect(json).not.toMatch(/13800000000|王芳|rw_x/);
  });

  it("withholds setResidentIdentity's whole input, and cuts long variables", () => {
    expect(JSON.parse(redactedVariables({ residentId: 'r1', input: { idNumber: 'X', note: 'n' } }, ['setResidentIdentity']))).toEqual({ residentId: 'r1', input: '[redacted]' });
    const long = redactedVariables({ rows: Array.from({ length: 2000 }, (_, i) => ({ id: `r${i}` })) }, ['importRows']);
    expect(long.length).toBeLessThan(MAX_VARIABLES_CHARS + 40);
    expect(long).toMatch(/characters\)$/);
  });
});
