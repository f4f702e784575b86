/** Running totals that a report keeps while it streams over evaluations once. */

/** A running mean; `value` is null until something was added. */
export class Mean {
  sum = 0;
  count = 0;
  /** Σx², so a confidence interval can be had from the same pass (lib/stats/intervals). */
  sumSquares = 0;
  add(x: number): void {
    this.sum += x;
    this.count += 1;
    this.sumSquares += x * x;
  }
  get value(): number | null {
    return this.count === 0 ? null : this.sum / this.count;
  }
}

/** A running share of hits, as a percentage 0–100; null until something was counted. */
export class Rate {
  hits = 0;
  count = 0;
  add(hit: boolean): void {
    if (hit) this.hits += 1;
    this.count += 1;
  }
  get percent(): number | null {
    return this.count === 0 ? null : (100 * this.hits) / this.count;
  }
}

/** The entry for `key`, made by `create` the first time it is asked for. */
export function entry<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

const compareText = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });
export const byName = <T extends { name: string }>(a: T, b: T) => compareText(a.name, b.name);
