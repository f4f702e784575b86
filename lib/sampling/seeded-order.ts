/**
 * Seeded random order: pure-rand's xoroshiro128+ generator and its unbiased integer distribution,
 * so a sample can be drawn again from its seed. Each stratum gets a generator of its own, seeded
 * from the draw's seed and the stratum's name, so adding tickets to one stratum never changes what
 * another draws; and its tickets are put in key order first, so the order the pool was read in
 * does not matter either.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** FNV-1a, 32 bits: a stable number from a stratum's name to mix into the seed. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A new seed for a draw: any 32-bit unsigned number. The caller passes its randomness in, so this stays pure. */
export function seedFrom(random: number): number {
  return Math.floor(random * 0x100000000) >>> 0;
}

/**
 * The items of one stratum in a seeded random order, produced lazily: a Fisher–Yates shuffle that
 * stops as soon as the caller has what it needs, so drawing 10 of 5,000 costs 10 steps, not 5,000.
 */
export function* seededOrder<T extends { key: string }>(items: readonly T[], seed: number, stratum: string): Generator<T> {
  const order = inKeyOrder(items);
  const rng = xoroshiro128plus((seed ^ hash(stratum)) | 0);
  for (let i = 0; i < order.length; i++) {
    const j = uniformInt(rng, i, order.length - 1);
    const picked = order[j]!;
    order[j] = order[i]!;
    order[i] = picked;
    yield picked;
  }
}

/**
 * The items sorted by key, the canonical order a seeded shuffle starts from. A comparison sort of
 * strings costs most of a draw on a big pool, so items are sorted by a 32-bit hash of their key
 * packed with their position into one number (a native numeric sort), and only runs of equal
 * hashes, which are rare, are put in key order. The result is the same whatever order came in.
 */
function inKeyOrder<T extends { key: string }>(items: readonly T[]): T[] {
  if (items.length >= 0x200000) throw new RangeError(`A stratum holds at most ${0x200000 - 1} tickets; this one has ${items.length}.`);
  const packed = new Float64Array(items.length);
  // 2^21 positions fit beside a 32-bit hash within a double's exact 53 bits.
  for (let i = 0; i < items.length; i++) packed[i] = hash(items[i]!.key) * 0x200000 + i;
  packed.sort();
  const order = new Array<T>(items.length);
  for (let i = 0; i < items.length; i++) order[i] = items[packed[i]! % 0x200000]!;
  for (let start = 0; start < order.length; ) {
    const h = Math.floor(packed[start]! / 0x200000);
    let end = start + 1;
    while (end < order.length && Math.floor(packed[end]! / 0x200000) === h) end++;
    if (end - start > 1) {
      const run = order.slice(start, end).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      for (let i = 0; i < run.length; i++) order[start + i] = run[i]!;
    }
    start = end;
  }
  return order;
}
