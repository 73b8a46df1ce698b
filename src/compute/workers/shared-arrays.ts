/**
 * Copies of the CSR arrays and the plan in SharedArrayBuffers: copied once per run here, then every
 * worker of the run reads the same memory (postMessage shares a SharedArrayBuffer, it does not copy
 * it). The kernels only read them.
 */
import type { CSRArrays, SourcePlan } from '../../analytics/centrality/index.ts';

function shared<T extends Int32Array | Float64Array>(array: T): T {
  const Ctor = array.constructor as new (buffer: SharedArrayBuffer) => T;
  const copy = new Ctor(new SharedArrayBuffer(array.byteLength));
  copy.set(array);
  return copy;
}

export function sharedCSR(csr: CSRArrays): CSRArrays {
  return { order: csr.order, offsets: shared(csr.offsets), targets: shared(csr.targets) };
}

/** The plan with its typed arrays shared; its other fields are small and cloned. */
export function sharedPlan<P extends SourcePlan>(plan: P): P {
  return {
    ...plan,
    sources: plan.sources ? shared(plan.sources) : null,
    lengths: plan.lengths ? shared(plan.lengths) : null,
  };
}
