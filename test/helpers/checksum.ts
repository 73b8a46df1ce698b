/**
 * A community's whole stored content — every node with its labels and properties, every
 * relationship from its nodes with type, ends and properties — as counts and one SHA-256, so two
 * databases (or one before and after) can be compared exactly.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../../src/db/database.ts';

export interface CommunityDigest {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
  sha256: string;
}

const stable = (value: unknown): unknown => {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(stable);
  if ('low' in value && 'high' in value && Object.keys(value).length === 2) return Number((value as { low: number }).low) + Number((value as { high: number }).high) * 2 ** 32;
  if (typeof (value as { toString?: unknown }).toString === 'function' && (value as object).constructor?.name?.includes('DateTime')) return String(value);
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, stable((value as Record<string, unknown>)[k])]));
};

/**
 * `normalise` rewrites each node's and relationship's properties before they are hashed (e.g. to
 * mask values stamped from the clock of the process that wrote them).
 */
export async function digestCommunity(db: Database, communityId: string, normalise: (props: Record<string, unknown>) => Record<string, unknown> = (p) => p): Promise<CommunityDigest> {
  const session = db.driver.session();
  try {
    const nodes = await session.run('MATCH (n) WHERE n.communityId = $c RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id, labels(n)[0]', { c: communityId });
    const rels = await session.run(
      'MATCH (a)-[r]->(b) WHERE a.communityId = $c RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props ORDER BY type(r), r.id',
      { c: communityId },
    );
    const hash = createHash('sha256');
    const nodeCounts: Record<string, number> = {};
    const relCounts: Record<string, number> = {};
    for (const r of nodes.records) {
      const label = (r.get('labels') as string[]).join(':');
      nodeCounts[label] = (nodeCounts[label] ?? 0) + 1;
      hash.update(JSON.stringify([label, stable(normalise(r.get('props')))]));
    }
    for (const r of rels.records) {
      const type = r.get('type') as string;
      relCounts[type] = (relCounts[type] ?? 0) + 1;
      hash.update(JSON.stringify([type, r.get('from'), r.get('to'), stable(normalise(r.get('props')))]));
    }
    return { nodes: nodeCounts, relationships: relCounts, sha256: hash.digest('hex') };
  } finally {
    await session.close();
  }
}
