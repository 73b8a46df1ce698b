/**
 * What of a mutation's variables the audit log keeps: everything but secrets and identifying
 * details. A key that names a secret (password, token, secret) or an identifying detail
 * (realName, phone, idNumber, the Identity input) is kept with its value replaced, so the log says
 * that it was given without holding it; the whole is cut at MAX_VARIABLES_CHARS so that an
 * importRows batch does not make one entry megabytes long.
 */
export const REDACTED = '[redacted]';
export const MAX_VARIABLES_CHARS = 4000;

const SECRET = /password|secret|token|realName|phone|idNumber|^identity$/i;

function redact(value: unknown, depth: number): unknown {
  if (depth > 20) return REDACTED;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET.test(k) ? REDACTED : redact(v, depth + 1)]));
  }
  return value;
}

export function redactedVariables(variables: Readonly<Record<string, unknown>> | undefined, operationFields: readonly string[]): string {
  // setResidentIdentity's input is identifying details from end to end.
  const cleaned = operationFields.includes('setResidentIdentity') ? { ...redact(variables ?? {}, 0) as object, input: REDACTED } : redact(variables ?? {}, 0);
  const json = JSON.stringify(cleaned);
  return json.length > MAX_VARIABLES_CHARS ? `${json.slice(0, MAX_VARIABLES_CHARS)}… (${json.length} characters)` : json;
}
