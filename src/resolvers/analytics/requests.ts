/** Parsed analytics arguments (src/schema/analytics-inputs.ts) → the use cases' requests. */
import type { z } from 'zod';
import type { networkInput } from '../../schema/analytics-inputs.ts';
import type { NetworkRequest } from '../../services/analytics/network.ts';

/** Drops unset weights, so an omitted weight keeps its default. */
export function definedWeights<K extends string>(w: Partial<Record<K, number | null | undefined>> | null | undefined): Partial<Record<K, number>> {
  return Object.fromEntries(Object.entries(w ?? {}).filter(([, v]) => typeof v === 'number')) as Partial<Record<K, number>>;
}

export function toNetworkRequest(input: z.output<typeof networkInput>): NetworkRequest {
  return {
    communityId: input.communityId,
    network: input.network ?? 'TIES',
    from: input.from ?? null,
    to: input.to ?? null,
    asOf: input.asOf ?? null,
    sources: definedWeights(input.sources),
    maxActivitySize: input.maxActivitySize ?? null,
  };
}
