/**
 * The new-qualification form's values as typed (strings) and their check against the server's limits, so each
 * field says what is wrong before anything is sent; the API takes the pass mark as a share and the cooldown in
 * hours.
 */
import type { FeedbackMode, NewQualification } from '../types';

export interface QualificationValues {
  name: string;
  description: string;
  domain: string;
  /** Percent, 0–100. */
  passPercent: string;
  attemptSize: string;
  cooldownHours: string;
  feedback: FeedbackMode;
}

export const STARTING_VALUES: QualificationValues = {
  name: '',
  description: '',
  domain: '',
  passPercent: '80',
  attemptSize: '10',
  cooldownHours: '24',
  feedback: 'audit',
};

export type QualificationField = Exclude<keyof QualificationValues, 'description' | 'feedback'>;
export type Problems = Partial<Record<QualificationField, string>>;

/** As the server has it: lowercase segments of a–z, 0–9, _ and - joined by /, at most 100 characters. */
const DOMAIN = /^[a-z0-9_-]+(\/[a-z0-9_-]+)*$/;
const isNumber = (s: string) => s.trim() !== '' && Number.isFinite(Number(s));

/** The request body's settings (all but the schema and guidelines), or what is wrong with each field. */
export function parseQualification(v: QualificationValues): { ok: true; value: Omit<NewQualification, 'schema' | 'guidelines'> } | { ok: false; problems: Problems } {
  const problems: Problems = {};
  if (v.name.trim() === '') problems.name = 'A name is needed';
  else if (v.name.trim().length > 200) problems.name = 'At most 200 characters';
  const domain = v.domain.trim();
  if (!(domain.length <= 100 && DOMAIN.test(domain))) problems.domain = 'A lowercase path such as medicine or medicine/cardiology';
  const pass = Number(v.passPercent);
  if (!isNumber(v.passPercent) || pass < 0 || pass > 100) problems.passPercent = 'A percentage from 0 to 100';
  const size = Number(v.attemptSize);
  if (!/^\d+$/.test(v.attemptSize.trim()) || size < 1 || size > 10_000) problems.attemptSize = 'A whole number from 1 to 10,000';
  const hours = Number(v.cooldownHours);
  if (!isNumber(v.cooldownHours) || hours < 0 || hours > 24 * 365) problems.cooldownHours = 'Hours from 0 (retake at once) to 8,760 (a year)';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      name: v.name.trim(),
      ...(v.description.trim() !== '' && { description: v.description.trim() }),
      domain,
      // 80 % as 0.8, without 0.1 + 0.7-style float noise reaching the server.
      passMark: Math.round(pass * 10) / 1000,
      attemptSize: size,
      cooldownHours: hours,
      goldFeedback: v.feedback,
    },
  };
}

/** The form field a server error names (`passMark` is typed as a percentage here), if it is one of ours. */
export function fieldOfServerError(field: string | undefined): QualificationField | 'schema' | null {
  switch (field) {
    case 'name':
    case 'domain':
    case 'attemptSize':
    case 'cooldownHours':
      return field;
    case 'passMark':
      return 'passPercent';
    default:
      return field?.startsWith('schema') ? 'schema' : null;
  }
}
