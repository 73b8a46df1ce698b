/**
 * Fixed blocks of sources for the one-search-per-source kernels (betweenness, closeness, harmonic).
 *
 * The blocks depend on the number of sources only, never on how many threads run them: a kernel sums
 * each block into its own partial and the partials are combined in block order, so a run split over
 * workers adds the same numbers in the same order as a run in one thread — bit-identical results,
 * not merely close ones. ~128 blocks are enough to balance two or four workers dynamically and to
 * report progress smoothly, and few enough that the per-block partial (n numbers) costs nothing.
 */

export interface SourceBlock {
  /** position of the block: partials are combined in this order */
  readonly index: number;
  /** first source position (into the plan's source list), inclusive */
  readonly from: number;
  /** last source position, exclusive */
  readonly to: number;
}

const TARGET_BLOCKS = 128;
const MIN_BLOCK = 16;

export function sourceBlocks(sources: number): SourceBlock[] {
  const size = Math.max(MIN_BLOCK, Math.ceil(sources / TARGET_BLOCKS));
  const blocks: SourceBlock[] = [];
  for (let from = 0, index = 0; from < sources; from += size, index += 1) {
    blocks.push({ index, from, to: Math.min(sources, from + size) });
  }
  return blocks;
}
