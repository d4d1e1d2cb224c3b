// Types for seeded-random.mjs, so TypeScript tests can import it without allowJs.

/** mulberry32: tiny, fast and the same everywhere. Returns numbers in [0, 1). */
export function seededRandom(seed: number): () => number;
