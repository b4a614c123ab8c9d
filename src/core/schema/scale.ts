/**
 * Integer scales shared by rating, pairwise and rubric criteria: which points exist, how a `labels` key names a
 * point, and what a point is called when the schema gives it no label.
 */
import type { PairwiseQuestion, RatingQuestion } from './types.js';

/** Number of points from `min` to `max` in steps of `step`, both ends included. */
export function countPoints(min: number, max: number, step = 1): number {
  return Math.floor((max - min) / step) + 1;
}

/** The points `min, min + step, ..., max`. Callers have checked the scale, so this is short. */
export function scalePoints(min: number, max: number, step = 1): number[] {
  const points: number[] = [];
  for (let p = min; p <= max; p += step) points.push(p);
  return points;
}

/** Whether `value` is an integer point of the scale. */
export function isOnScale(value: unknown, min: number, max: number, step = 1): value is number {
  if (typeof value !== 'number' || !Number.isInteger(value)) return false;
  return value >= min && value <= max && (value - min) % step === 0;
}

export function ratingPoints(question: RatingQuestion): number[] {
  return scalePoints(question.min, question.max, question.step);
}

/** Points an annotator may choose, without 0 when ties are not allowed. */
export function pairwisePoints(question: PairwiseQuestion): number[] {
  return scalePoints(question.scale.min, question.scale.max).filter((p) => p !== 0 || question.allowTie);
}

/**
 * The point a `labels` key names, or undefined. Keys must be written canonically (`"3"`, `"-2"`; not `"03"`,
 * `"+2"` or `"2.0"`) so one point cannot carry two labels.
 */
export function parsePointKey(key: string): number | undefined {
  if (!/^-?\d+$/.test(key)) return undefined;
  const point = Number(key);
  return Number.isSafeInteger(point) && String(point) === key ? point : undefined;
}

/** The schema's label for a pairwise point, or a neutral default: `Tie`, `Left better (2 of 3)`. */
export function pairwisePointLabel(question: PairwiseQuestion, point: number): string {
  const given = question.labels?.[String(point)];
  if (given !== undefined) return given;
  if (point === 0) return 'Tie';
  const side = point < 0 ? 'Left' : 'Right';
  return `${side} better (${Math.abs(point)} of ${question.scale.max})`;
}

/** The schema's label for a rating point, or the number itself. */
export function ratingPointLabel(question: RatingQuestion, point: number): string {
  return question.labels?.[String(point)] ?? String(point);
}
