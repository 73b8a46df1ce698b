/**
 * The limits of a research query (docs/research-query.md, "Limits"): the defaults a query runs with
 * and the maxima a caller may ask for. The server stops a query at its timeout; the row cap stops
 * reading (the answer says it was truncated); the byte cap refuses an answer too large to send.
 */
export const RESEARCH_LIMITS = {
  timeoutSeconds: { default: 10, max: 60 },
  maxRows: { default: 1_000, max: 10_000 },
  /** Bytes of the answer's rows as JSON. */
  maxBytes: 10_000_000,
  /** Bytes of the parameters as JSON. */
  parameterBytes: 65_536,
  /** The EXPLAIN before a run gets this long at most. */
  explainSeconds: 10,
} as const;
