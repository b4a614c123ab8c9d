/**
 * What a new project starts with when its creator does not say, and why, in the words the console shows beside the
 * fields and the API's schema gives (one definition for both). A project with one judgment per item and no gold
 * measures nothing: nobody can tell a careless or mistaken judgment from a right one, agreement cannot be measured,
 * and the label is whatever one person said.
 * - two judgments per item: a careless or mistaken judgment shows up as a disagreement, which the aggregate settles
 *   by each annotator's measured accuracy, and agreement can be measured;
 * - one task in ten a hidden gold item, once gold answers are imported: each annotator's accuracy is measured against
 *   known answers, the quality gate can pause someone who is guessing, and (from 80 judged gold items) the
 *   confidences are calibrated. Without gold items the rate serves nothing.
 * `overlapK: 1` and `goldRate: 0` are still accepted, to measure nothing.
 */
export const NEW_PROJECT_DEFAULTS = {
  overlapK: 2,
  goldRate: 0.1,
} as const;

export const NEW_PROJECT_DEFAULT_REASONS = {
  overlapK:
    'With two judgments per item a careless or mistaken judgment shows up as a disagreement, settled by each annotator’s measured accuracy, and agreement can be measured; with one, the label is whatever one person said.',
  goldRate:
    'One task in ten is a hidden gold item (once gold answers are imported): it measures each annotator’s accuracy against known answers, lets the quality gate pause someone who is guessing, and calibrates the confidences.',
} as const;
