/**
 * Messages between the pool (main thread) and an analytics worker. Every request carries an id and
 * gets exactly one reply with that id. A split run is opened once per worker (the CSR arrays and
 * the plan, in SharedArrayBuffers so nothing is copied per worker) and then fed blocks of sources.
 */
import type { SerializedGraph } from 'graphology-types';
import type { CSR, CSRArrays, SourcePlan } from '../../analytics/centrality/index.ts';
import type { SerializedError } from './errors.ts';
import type { SplitMeasure, WholeMeasure } from './measures.ts';

export type ToWorker =
  | { type: 'open'; run: number; measure: SplitMeasure; csr: CSRArrays; plan: SourcePlan }
  | { type: 'block'; id: number; run: number; from: number; to: number }
  | { type: 'close'; run: number }
  | { type: 'measure'; id: number; measure: WholeMeasure; csr: CSR; options: unknown }
  | { type: 'task'; id: number; name: string; graph: SerializedGraph; options: unknown };

export type FromWorker =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: SerializedError };
