/** Effort and fraud signals: pure functions over annotations (see each module for its rule). */
export * from './too-fast.js';
export * from './pasted.js';
export * from './minhash.js';
export * from './straight-lining.js';
