/**
 * Per-database LRU caches of the cultivation projections, sized and aged by the analytics settings
 * like the network projections (src/services/analytics/network.ts). Keys start with the data version,
 * so a write in this process invalidates every entry; a failed read is not kept.
 */
import type { Database } from '../../db/database.ts';
import { LruCache } from '../../compute/lru.ts';
import { analyticsSettingsOf } from '../../compute/settings.ts';
import type { ServiceContext } from '../context.ts';

export function projectionCache<T>(): (ctx: ServiceContext, key: string, make: () => Promise<T>) => Promise<T> {
  const caches = new WeakMap<Database, LruCache<Promise<T>>>();
  return (ctx, key, make) => {
    let cache = caches.get(ctx.db);
    if (!cache) {
      const { networks, cacheSeconds } = analyticsSettingsOf(ctx);
      caches.set(ctx.db, (cache = new LruCache(networks, cacheSeconds * 1000)));
    }
    const versioned = `${ctx.db.dataVersion}|${key}`;
    const hit = cache.get(versioned);
    if (hit) return hit;
    const promise = make();
    const c = cache;
    c.set(versioned, promise);
    promise.catch(() => {
      if (c.get(versioned) === promise) c.delete(versioned);
    });
    return promise;
  };
}
