/**
 * PairTable — per unordered pair {i, j} of dense numbers (0 ≤ i, j < 2^31), a row of `stride` float
 * columns, found by open addressing (linear probing) over typed arrays. It replaces a
 * Map<pairKey, slot>: the tie network of 100,000 residents has millions of pairs (one 1,000-person
 * festival alone makes 499,500), a Map holds at most 2^24 entries and costs an allocation-heavy
 * hash per lookup, where this costs two multiplications and a few array reads.
 *
 * Rows are numbered in order of first appearance, so iterating 0 … size−1 visits pairs in the
 * order they were first added (the order a Map would give).
 */
const EMPTY = -1;

export class PairTable {
  /** Bucket → row, or EMPTY. */
  private buckets: Int32Array;
  private mask: number;
  /** Row → its pair (lo < hi). */
  private los: Int32Array;
  private his: Int32Array;
  /** Row r's columns are values[r·stride … r·stride + stride − 1]. */
  values: Float64Array;
  size = 0;

  constructor(readonly stride: number, capacity = 1024) {
    let buckets = 16;
    while (buckets < capacity * 2) buckets *= 2;
    this.buckets = new Int32Array(buckets).fill(EMPTY);
    this.mask = buckets - 1;
    const rows = buckets >>> 1;
    this.los = new Int32Array(rows);
    this.his = new Int32Array(rows);
    this.values = new Float64Array(rows * stride);
  }

  private static hash(lo: number, hi: number): number {
    let h = Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi + 0x7f4a7c15, 0x85ebca77);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    return h ^ (h >>> 13);
  }

  /** The row of {i, j} (i ≠ j), added (all columns 0) if it is new. */
  row(i: number, j: number): number {
    const lo = i < j ? i : j;
    const hi = i < j ? j : i;
    const mask = this.mask;
    const buckets = this.buckets;
    let b = PairTable.hash(lo, hi) & mask;
    for (;;) {
      const r = buckets[b]!;
      if (r === EMPTY) break;
      if (this.los[r] === lo && this.his[r] === hi) return r;
      b = (b + 1) & mask;
    }
    const r = this.size;
    if (r >= this.los.length) {
      this.grow();
      return this.row(lo, hi);
    }
    buckets[b] = r;
    this.los[r] = lo;
    this.his[r] = hi;
    this.size = r + 1;
    return r;
  }

  /** The row of {i, j}, or −1 if the pair was never added. */
  find(i: number, j: number): number {
    const lo = i < j ? i : j;
    const hi = i < j ? j : i;
    let b = PairTable.hash(lo, hi) & this.mask;
    for (;;) {
      const r = this.buckets[b]!;
      if (r === EMPTY) return -1;
      if (this.los[r] === lo && this.his[r] === hi) return r;
      b = (b + 1) & this.mask;
    }
  }

  /**
   * The rows ordered by (lo, hi): a radix sort (two stable counting passes over the dense numbers,
   * `bound` = 1 + the largest), so a graph built in this order is the same whatever order the pairs
   * arrived in, and each node's neighbours are added together.
   */
  sortedRows(bound: number): Int32Array {
    const n = this.size;
    const byHi = new Int32Array(n);
    const out = new Int32Array(n);
    const counts = new Int32Array(bound + 1);
    const pass = (keys: Int32Array, from: Int32Array | null, into: Int32Array) => {
      counts.fill(0);
      for (let r = 0; r < n; r += 1) {
        const k = keys[r]! + 1;
        counts[k] = counts[k]! + 1;
      }
      for (let k = 1; k <= bound; k += 1) counts[k] = counts[k]! + counts[k - 1]!;
      for (let x = 0; x < n; x += 1) {
        const r = from === null ? x : from[x]!;
        const k = keys[r]!;
        const at = counts[k]!;
        into[at] = r;
        counts[k] = at + 1;
      }
    };
    pass(this.his, null, byHi);
    pass(this.los, byHi, out);
    return out;
  }

  lo(row: number): number {
    return this.los[row]!;
  }

  hi(row: number): number {
    return this.his[row]!;
  }

  /** Doubles the table (load stays ≤ ½) and re-seats every row; row numbers do not change. */
  private grow(): void {
    const size = this.buckets.length * 2;
    const buckets = new Int32Array(size).fill(EMPTY);
    const mask = size - 1;
    for (let r = 0; r < this.size; r += 1) {
      let b = PairTable.hash(this.los[r]!, this.his[r]!) & mask;
      while (buckets[b] !== EMPTY) b = (b + 1) & mask;
      buckets[b] = r;
    }
    this.buckets = buckets;
    this.mask = mask;
    const rows = size >>> 1;
    const los = new Int32Array(rows);
    los.set(this.los);
    const his = new Int32Array(rows);
    his.set(this.his);
    const values = new Float64Array(rows * this.stride);
    values.set(this.values);
    this.los = los;
    this.his = his;
    this.values = values;
  }
}
