// Deterministic randomness for the simulated AWS: the same seed gives the same drill. The generator and
// the hash are the core's, so a drill's schedule and its simulated AWS share one definition.
import { fnv1a, seededRandom } from '../../core/index.js';

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
export const mulberry32 = seededRandom;

/** FNV-1a, to derive per-name seeds. */
export const hashString = fnv1a;

/** A value in [min, max) that depends only on the seed and the key. */
export const seededBetween = (seed: number, key: string, min: number, max: number) => min + mulberry32(seed ^ hashString(key))() * (max - min);
