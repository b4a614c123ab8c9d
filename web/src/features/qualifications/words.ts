/**
 * Qualifications and routing in words: an annotator's standing on a qualification, when they may retake it, and
 * why a production project gives them nothing (each `blocked` reason said plainly, with what to do about it).
 * Pure functions, so the wording is tested once and the screens only place it.
 */
import type { MyProgress } from '../../api/types';
import type { Standing } from './types';

export type BlockedReason = NonNullable<MyProgress['blocked']>;

/** 0.8 as "80%"; one decimal only where rounding would hide it (0.675 → "67.5%"). */
export function percent(x: number): string {
  const p = Math.round(x * 1000) / 10;
  return `${Number.isInteger(p) ? p : p.toFixed(1)}%`;
}

/** A 95% interval as "52–96%". */
export const intervalWords = (low: number, high: number) => `${Math.round(low * 100)}–${Math.round(high * 100)}%`;

/** A cooldown as the manager set it: "no wait", "30 min", "24 h", "1.5 h", "3 days". */
export function cooldownWords(seconds: number): string {
  if (seconds <= 0) return 'no wait';
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min`;
  if (seconds >= 2 * 86_400 && seconds % 86_400 === 0) return `${seconds / 86_400} days`;
  return `${Math.round((seconds / 3600) * 10) / 10} h`;
}

/** Time left until a moment, coarse enough to read at a glance: "under a minute", "40 min", "3 h 05 min", "2 days". */
export function untilWords(ms: number): string {
  if (ms < 60_000) return 'under a minute';
  const minutes = Math.ceil(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  return `${Math.floor(hours / 24)} days`;
}

/** "Tue 4 Mar, 14:05" in the reader's locale. */
export const whenWords = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** After a failure: whether a retake is open now, and if not, when it opens. */
export function retakeOf(retakeAt: string | null, now: number): { open: true } | { open: false; at: string; in: string } {
  if (retakeAt === null || Date.parse(retakeAt) <= now) return { open: true };
  return { open: false, at: whenWords(retakeAt), in: untilWords(Date.parse(retakeAt) - now) };
}

/** The action a standing offers: start, continue the open attempt, retake, or none (passed, or cooling down). */
export type StandingAction = 'start' | 'continue' | 'retake' | null;

export interface StandingWords {
  /** Short status, e.g. "In progress: 2 of 5 answered". */
  status: string;
  /** A second line: the skill a pass granted, or when a retake opens. */
  detail: string | null;
  action: StandingAction;
}

export function standingWords(mine: Standing, domain: string, now: number): StandingWords {
  switch (mine.status) {
    case 'not_taken':
      return { status: 'Not taken', detail: null, action: 'start' };
    case 'in_progress':
      return { status: `In progress: ${mine.answered} of ${mine.size} answered`, detail: null, action: 'continue' };
    case 'passed': {
      const s = mine.skill;
      const detail = s ? `Your skill in ${domain}: ${percent(s.mean)} (95% interval ${intervalWords(s.low, s.high)}), from ${s.correct} of ${s.n} correct` : null;
      return { status: 'Passed', detail, action: null };
    }
    case 'failed': {
      const r = retakeOf(mine.retakeAt, now);
      return r.open
        ? { status: 'Not passed', detail: 'You can retake it now.', action: 'retake' }
        : { status: 'Not passed', detail: `Retake after ${r.at} (in ${r.in}).`, action: null };
    }
  }
}

export interface BlockedWords {
  /** What stops them, said where Start would be. */
  title: string;
  /** What to do about it. */
  advice: string;
  /** A qualification opens the project: point at the Qualifications section. */
  needsQualification: boolean;
}

/**
 * Why a production project gives the annotator nothing new, from my-progress's `blocked`: a title and general
 * advice; the start page shows the server's own sentence (`blockedMessage`, naming the domain, minimum or
 * qualification) in place of the advice when it has one.
 */
export function blockedWords(reason: BlockedReason): BlockedWords {
  switch (reason) {
    case 'paused':
      return { title: 'Paused on this project — ask your manager', advice: 'A manager has to review your work and reinstate you.', needsQualification: false };
    case 'not_in_domain':
      return {
        title: 'Outside your domains',
        advice: 'This project is for annotators in a domain your profile does not list. If it is your field, ask your manager to add it.',
        needsQualification: false,
      };
    case 'not_qualified':
      return {
        title: 'Needs a qualification',
        advice: 'This project asks for a measured skill in its domain that you do not have yet, or that is under its minimum. Pass the qualification in its domain to open it.',
        needsQualification: true,
      };
    case 'quota_reached':
      return {
        title: 'Your vendor’s quota on this project is used up',
        advice: 'Your vendor has taken all the tasks it was allotted here. Ask your vendor’s manager about other work.',
        needsQualification: false,
      };
    case 'project_inactive':
      return { title: 'Not open for labeling', advice: 'The project manager has paused or closed it.', needsQualification: false };
    case 'project_finished':
      return { title: 'This project is finished', advice: 'Every item has the judgments it needs.', needsQualification: false };
    case 'qualification_not_started':
    case 'qualification_complete':
    case 'no_items':
    case 'none_eligible':
      return { title: 'Nothing for you right now', advice: 'Check again later.', needsQualification: false };
  }
}
