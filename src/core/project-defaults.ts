/**
 * What a new project starts with when its creator does not say, and why, in the words the console shows beside the
 * fields. A project with one judgment per item and no gold measures nothing: no agreement, no accuracy, no
 * confidence better than the model's guess. Three judgments let the aggregate settle a disagreement by the
 * annotators' measured skill and make agreement measurable; one task in ten being hidden gold gives every annotator
 * a measured accuracy within days and, once 80 gold items are judged, calibrated confidences.
 */
export const NEW_PROJECT_DEFAULTS = {
  overlapK: 3,
  goldRate: 0.1,
} as const;

export const NEW_PROJECT_DEFAULT_REASONS = {
  overlapK:
    'Three judgments per item let a disagreement be settled by each annotator’s measured accuracy and make agreement measurable; with one, nothing about the data can be measured.',
  goldRate:
    'One task in ten is a hidden gold item: it measures each annotator’s accuracy, feeds the quality gate and calibrates the confidences.',
} as const;
