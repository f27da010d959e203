// A seeded generator, so the same scale and seed always produce the same database: a
// benchmark compared across commits then measures the code, not a different data set.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /** A positive weight with a long tail (log-normal), for sizes that vary like real ones. */
  skewed(spread: number): number;
  /** A version-4 UUID drawn from this generator (user and account ids). */
  uuid(): string;
}

export function createRandom(seed: number): Random {
  // mulberry32: tiny, fast and good enough for test data.
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
    skewed: (spread) => {
      // Box–Muller: a normal deviate, exponentiated.
      const u = 1 - next();
      const v = next();
      return Math.exp(spread * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
    },
    uuid: () => {
      const hex = Array.from({ length: 32 }, () => int(0, 15).toString(16));
      hex[12] = "4";
      hex[16] = ((int(0, 15) & 0x3) | 0x8).toString(16);
      const s = hex.join("");
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
  };
}

/**
 * Splits `total` into parts proportional to `weights`, each within [min, max], summing to
 * exactly `total` (largest remainders first). Used so that a scale's row counts are exact.
 */
export function apportion(total: number, weights: readonly number[], min: number, max: number): number[] {
  const n = weights.length;
  if (total < n * min || total > n * max) throw new Error(`cannot split ${total} into ${n} parts within [${min}, ${max}]`);
  const parts = new Array<number>(n).fill(min);
  let left = total - n * min;
  // Several passes: clamping at max frees rows for the others.
  while (left > 0) {
    const open = parts.map((p, i) => (p < max ? i : -1)).filter((i) => i >= 0);
    const weight = open.reduce((sum, i) => sum + weights[i]!, 0);
    const remainders: { i: number; r: number }[] = [];
    let given = 0;
    for (const i of open) {
      const ideal = (left * weights[i]!) / weight;
      const add = Math.min(Math.floor(ideal), max - parts[i]!);
      parts[i]! += add;
      given += add;
      if (parts[i]! < max) remainders.push({ i, r: ideal - Math.floor(ideal) });
    }
    left -= given;
    remainders.sort((a, b) => b.r - a.r);
    for (const { i } of remainders) {
      if (left === 0) break;
      parts[i]! += 1;
      left -= 1;
    }
    if (given === 0 && remainders.length === 0) break;
  }
  return parts;
}
