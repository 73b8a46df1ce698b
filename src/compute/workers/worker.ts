/**
 * The analytics worker thread: answers the pool's requests (protocol.ts). It keeps, per open split
 * run, the shared CSR arrays, the plan and one workspace (allocated at the run's first block and
 * reused for the others); a run's state is dropped when the pool closes the run, so nothing is shared
 * between runs. Every failure is sent back serialised (errors.ts), never thrown out of the thread.
 * The task table (and zod with it) is loaded on the first task only: a thread that only runs
 * centrality starts faster.
 */
import { parentPort } from 'node:worker_threads';
import { UndirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import type { CSRArrays, SourcePlan } from '../../analytics/centrality/index.ts';
import type { AnyGraph } from '../../analytics/graph-utils/graph.ts';
import { badInput } from '../../domain/errors.ts';
import { serializeError } from './errors.ts';
import { SPLIT_MEASURES, WHOLE_MEASURES, type SplitEntry } from './measures.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

interface OpenRun {
  entry: SplitEntry;
  csr: CSRArrays;
  plan: SourcePlan;
  workspace: unknown;
}

const port = parentPort;
if (!port) throw new Error('compute/workers: worker.ts must run in a worker thread');
const runs = new Map<number, OpenRun>();

port.on('message', (message: ToWorker) => {
  if (message.type === 'open') {
    runs.set(message.run, { entry: SPLIT_MEASURES[message.measure], csr: message.csr, plan: message.plan, workspace: undefined });
    return;
  }
  if (message.type === 'close') {
    runs.delete(message.run);
    return;
  }
  void reply(message);
});

async function reply(message: Exclude<ToWorker, { type: 'open' } | { type: 'close' }>): Promise<void> {
  let out: FromWorker;
  const transfer: ArrayBuffer[] = [];
  try {
    const value = message.type === 'task' ? await runTask(message) : answer(message);
    if (value instanceof Float64Array) transfer.push(value.buffer as ArrayBuffer);
    out = { id: message.id, ok: true, value };
  } catch (error) {
    out = { id: message.id, ok: false, error: serializeError(error) };
  }
  port!.postMessage(out, transfer);
}

function answer(message: Extract<ToWorker, { type: 'block' | 'measure' }>): unknown {
  if (message.type === 'measure') return WHOLE_MEASURES[message.measure](message.csr, message.options ?? {});
  const run = runs.get(message.run);
  if (!run) throw new Error(`compute/workers: run ${message.run} is not open in this worker`);
  run.workspace ??= run.entry.workspace(run.csr, run.plan);
  return run.entry.partial(run.csr, run.plan, message.from, message.to, run.workspace);
}

async function runTask(message: Extract<ToWorker, { type: 'task' }>): Promise<unknown> {
  const [{ TASKS, isTaskName }, { parse }] = await Promise.all([import('./tasks.ts'), import('../../schema/parse.ts')]);
  if (!isTaskName(message.name)) throw badInput(`unknown analytics task ${message.name}`, ['name']);
  const task = TASKS[message.name];
  const options = parse(task.options, message.options ?? {}, ['options']);
  return (task.run as (graph: AnyGraph, options: unknown) => unknown)(rebuild(message.graph), options);
}

/**
 * graphology's base class. Its typings declare the package's default export as the module namespace
 * while Node's ESM-over-CJS default is the class itself; the class every typed subclass extends is
 * the same object either way.
 */
const Graph = Object.getPrototypeOf(UndirectedGraph) as { from(data: SerializedGraph): AnyGraph };

/** graphology's export → a graph of the same type (Graph.from reads type, multi and self-loops from it). */
function rebuild(serialized: SerializedGraph): AnyGraph {
  try {
    return Graph.from(serialized);
  } catch (error) {
    throw badInput(`graph: not a graphology export (${(error as Error).message})`, ['graph']);
  }
}
