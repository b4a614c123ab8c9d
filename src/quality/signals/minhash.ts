/**
 * Near-duplicate free text across annotators, by MinHash (Broder, "On the resemblance and containment of
 * documents", 1997) with LSH banding (Leskovec, Rajaraman & Ullman, Mining of Massive Datasets, ch. 3).
 * - Shingles are word 3-grams of the lower-cased text split on non-letters/digits. Word shingles, not character
 *   5-grams, because the texts are sentences written by people: two honest answers to the same item share many
 *   character 5-grams (the item's own words, common stems) but few three-word runs, while a copy keeps them all.
 *   Texts under `minWords` words are left out: short answers ("yes, correct") coincide honestly.
 * - 128 hash functions h_i(x) = fmix32(x XOR s_i), the MurmurHash3 finaliser over a 32-bit FNV-1a hash of the
 *   shingle, with seeds s_i from the seeded generator; the signature holds each function's minimum. The share of
 *   equal positions in two signatures is an unbiased estimate of their Jaccard similarity (standard error
 *   √(J(1−J)/128) ≈ 0.044 at J = 0.5).
 * - Banding: 32 bands of 4 rows; texts that agree on all rows of any band become a candidate pair, with
 *   probability 1 − (1 − J⁴)³², which is 0.99999995 at J = 0.8 and 0.23 at J = 0.3, so pairs are found without
 *   comparing all of them. Candidates are then kept when their estimated Jaccard is ≥ the threshold.
 */
import { createRng } from '../random.js';

export const NUM_HASHES = 128;
export const BANDS = 32;
export const ROWS = NUM_HASHES / BANDS;
const SHINGLE_WORDS = 3;

export function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/** The set of word 3-gram shingles of a text, each as its 32-bit FNV-1a hash. */
export function shingles(text: string): Set<number> {
  const w = words(text);
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= w.length; i++) out.add(fnv1a(w.slice(i, i + SHINGLE_WORDS).join(' ')));
  return out;
}

export function exactJaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function fmix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The 128 seeds of the hash family: fixed by `seed` so signatures are comparable across requests. */
export function hashSeeds(seed = 7): Uint32Array {
  const rng = createRng(seed);
  const s = new Uint32Array(NUM_HASHES);
  for (let i = 0; i < NUM_HASHES; i++) s[i] = rng.nextUint32();
  return s;
}

export function signature(sh: ReadonlySet<number>, seeds: Uint32Array = hashSeeds()): Uint32Array {
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (const x of sh) {
    for (let i = 0; i < NUM_HASHES; i++) {
      const h = fmix32((x ^ seeds[i]!) >>> 0);
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** Share of equal positions: the MinHash estimate of the Jaccard similarity. */
export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  let eq = 0;
  for (let i = 0; i < NUM_HASHES; i++) if (a[i] === b[i]) eq++;
  return eq / NUM_HASHES;
}

/** Pairs (i < j) of signatures that agree on every row of at least one band. */
export function candidatePairs(sigs: readonly Uint32Array[]): Array<[number, number]> {
  const seen = new Set<string>();
  const out: Array<[number, number]> = [];
  for (let b = 0; b < BANDS; b++) {
    const buckets = new Map<string, number[]>();
    for (let i = 0; i < sigs.length; i++) {
      const key = Array.from(sigs[i]!.subarray(b * ROWS, (b + 1) * ROWS)).join(',');
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    }
    for (const list of buckets.values()) {
      for (let x = 0; x < list.length; x++) {
        for (let y = x + 1; y < list.length; y++) {
          const k = `${list[x]}:${list[y]}`;
          if (!seen.has(k)) {
            seen.add(k);
            out.push([list[x]!, list[y]!]);
          }
        }
      }
    }
  }
  return out;
}

export interface FreeText {
  annotationId: string;
  annotatorId: string;
  text: string;
}

export interface DuplicateMatch {
  annotationId: string;
  /** The other annotation, by a different annotator, with the highest estimate. */
  matchAnnotationId: string;
  estimate: number;
}

/**
 * Flags both annotations of every pair by different annotators whose estimated Jaccard is ≥ `threshold`; each
 * annotation keeps its best match.
 */
export function nearDuplicates(texts: readonly FreeText[], opts: { threshold: number; minWords: number }): DuplicateMatch[] {
  const kept = texts.filter((t) => words(t.text).length >= opts.minWords);
  const seeds = hashSeeds();
  const sigs = kept.map((t) => signature(shingles(t.text), seeds));
  const best = new Map<string, DuplicateMatch>();
  const note = (a: FreeText, b: FreeText, estimate: number) => {
    const cur = best.get(a.annotationId);
    if (!cur || estimate > cur.estimate) best.set(a.annotationId, { annotationId: a.annotationId, matchAnnotationId: b.annotationId, estimate });
  };
  for (const [i, j] of candidatePairs(sigs)) {
    const a = kept[i]!;
    const b = kept[j]!;
    if (a.annotatorId === b.annotatorId) continue;
    const e = estimatedJaccard(sigs[i]!, sigs[j]!);
    if (e >= opts.threshold) {
      note(a, b, e);
      note(b, a, e);
    }
  }
  return [...best.values()];
}
