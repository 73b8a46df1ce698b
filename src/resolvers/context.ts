/** The typed context every resolver receives: the caller's service context and per-request loaders. */
import type { ServiceContext } from '../services/context.ts';
import type { Loaders } from '../services/loaders.ts';

export interface GraphQLContext {
  services: ServiceContext;
  loaders: Loaders;
}

export type ResolverMap = Record<string, Record<string, unknown>>;
