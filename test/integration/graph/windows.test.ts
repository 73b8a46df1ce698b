/**
 * projectTieCsrs reads several windows' tie networks in one pass over the rows of their union; each
 * must be exactly the network projectTieCsr reads for that window alone — edges, weights and the
 * residents' state as of the window's end (the stage changes of the later windows are undone).
 * Read-only over the shared demo.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { projectNetwork, projectTieCsr, projectTieCsrs, projectTieGraphs } from '../../../src/graph/project.ts';
import type { NetworkSpec } from '../../../src/graph/spec.ts';
import { testDatabase } from '../../helpers/api.ts';
import { SHARED_DEMO } from '../../helpers/demo.ts';

const db = testDatabase();
afterAll(() => db.close());

const year = (y: number): NetworkSpec => ({
  communityId: SHARED_DEMO, network: 'TIES', window: { from: new Date(Date.UTC(y, 0, 1)), to: new Date(Date.UTC(y + 1, 0, 1)) }, asOf: null, sources: {}, maxActivitySize: null,
});

describe('several windows from one read', () => {
  it('gives each window the network its own read gives', async () => {
    const specs = [year(2025), year(2023), year(2024)];
    const together = await projectTieCsrs(db, specs);
    expect(together).toHaveLength(3);
    for (const [k, spec] of specs.entries()) {
      const alone = await projectTieCsr(db, spec);
      const got = together[k]!;
      expect(got.ids).toEqual(alone.ids);
      expect(got.size).toBeGreaterThan(0);
      expect(Array.from(got.offsets)).toEqual(Array.from(alone.offsets));
      expect(Array.from(got.targets)).toEqual(Array.from(alone.targets));
      expect(Array.from(got.weights)).toEqual(Array.from(alone.weights));
      expect(got.nodeAttributes).toEqual(alone.nodeAttributes);
      expect(got.attributes).toEqual(alone.attributes);
    }
    // The windows differ (else the test would not show that each keeps its own rows and states).
    expect(together[0]!.size).not.toBe(together[1]!.size);
    const stages = (k: number) => together[k]!.nodeAttributes.map((a) => a.cultivationStage).filter((s) => s !== 'UNIDENTIFIED').length;
    expect(stages(0)).toBeGreaterThan(stages(1));
  }, 180_000);

  it('gives graphs equal to the graphs of single reads', async () => {
    const specs = [year(2025), year(2024)];
    const together = await projectTieGraphs(db, specs);
    for (const [k, spec] of specs.entries()) {
      const alone = await projectNetwork(db, spec);
      const got = together[k]!;
      expect(got.order).toBe(alone.order);
      expect(got.size).toBe(alone.size);
      expect(got.nodes().sort()).toEqual(alone.nodes().sort());
      const weights = (g: typeof got) => g.mapEdges((_e, a, s, t) => `${s < t ? s : t}|${s < t ? t : s}|${a.weight}`).sort();
      expect(weights(got)).toEqual(weights(alone));
      expect(got.getAttributes()).toEqual(alone.getAttributes());
    }
  }, 180_000);

  it('refuses windows of two communities and an asOf spec', async () => {
    await expect(projectTieCsrs(db, [year(2025), { ...year(2024), communityId: 'elsewhere' }])).rejects.toThrow(/one community/);
    await expect(projectTieCsrs(db, [{ ...year(2025), window: null, asOf: new Date(Date.UTC(2025, 5, 1)) }])).rejects.toThrow(/windows only/);
  });
});
