/**
 * Reads a file back with NetworkX in the test venv (.reweave/test-venv, made from
 * test/python/requirements.txt on first use), so a test can show that what reweave writes is what a
 * researcher's own tools read. Throws with the reason when Python or PyPI is not there: a prerequisite
 * of the tests (README, "Tests"), never a silent skip.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureVenv, ROOT } from '../../scripts/python-venv.ts';

export interface NetworkxSummary {
  directed: boolean;
  multigraph: boolean;
  nodes: Record<string, Record<string, unknown>>;
  edges: { source: string; target: string; attributes: Record<string, unknown> }[];
}

const SCRIPT = `
import json, sys
import networkx as nx
G = nx.read_gexf(sys.argv[1]) if sys.argv[2] == 'gexf' else nx.read_graphml(sys.argv[1])
edges = G.edges(data=True)
print(json.dumps({
  "directed": G.is_directed(), "multigraph": G.is_multigraph(),
  "nodes": {str(n): d for n, d in G.nodes(data=True)},
  "edges": [{"source": str(u), "target": str(v), "attributes": d} for u, v, d in edges],
}, default=str))
`;

/**
 * The venv's interpreter, made on first use. Call it in a beforeAll: making the venv blocks the
 * thread for as long as pip runs, and a test server on the same thread would drop its connections.
 */
export function networkxPython(): string {
  const venv = ensureVenv('test-venv', path.join(ROOT, 'test', 'python', 'requirements.txt'), (line) => console.error(line));
  if (!venv.python || venv.problem) throw new Error(`NetworkX is not available for the read-back test: ${venv.problem}`);
  return venv.python;
}

export function readWithNetworkx(content: string, format: 'gexf' | 'graphml'): NetworkxSummary {
  const python = networkxPython();
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'reweave-nx-')), `graph.${format}`);
  writeFileSync(file, content);
  const run = spawnSync(python, ['-c', SCRIPT, file, format], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`networkx.read_${format} failed: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return JSON.parse(run.stdout) as NetworkxSummary;
}
