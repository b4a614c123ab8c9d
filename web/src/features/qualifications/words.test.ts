import { describe, expect, it } from 'vitest';
import { blockedWords, cooldownWords, intervalWords, percent, retakeOf, standingWords, untilWords, type BlockedReason } from './words';

/** Every reason my-progress's `blocked` can carry: `satisfies` fails to compile when the API adds or drops one. */
const BLOCKED_REASONS = Object.keys({
  project_inactive: true,
  no_items: true,
  project_finished: true,
  none_eligible: true,
  paused: true,
  not_in_domain: true,
  not_qualified: true,
  quota_reached: true,
  qualification_not_started: true,
  qualification_complete: true,
} satisfies Record<BlockedReason, true>) as BlockedReason[];

const NOW = Date.parse('2025-03-04T12:00:00.000Z');

describe('percent and intervalWords', () => {
  it('writes shares as whole percentages, with a decimal only where rounding would hide it', () => {
    expect(percent(0.8)).toBe('80%');
    expect(percent(2 / 3)).toBe('66.7%');
    expect(percent(0.675)).toBe('67.5%');
    expect(percent(1)).toBe('100%');
    expect(intervalWords(0.5244, 0.9576)).toBe('52–96%');
  });
});

describe('cooldownWords', () => {
  it('says the wait in the unit a manager would use', () => {
    expect(cooldownWords(0)).toBe('no wait');
    expect(cooldownWords(1800)).toBe('30 min');
    expect(cooldownWords(86_400)).toBe('24 h');
    expect(cooldownWords(5400)).toBe('1.5 h');
    expect(cooldownWords(3 * 86_400)).toBe('3 days');
  });
});

describe('untilWords and retakeOf', () => {
  it('counts down coarsely', () => {
    expect(untilWords(30_000)).toBe('under a minute');
    expect(untilWords(40 * 60_000)).toBe('40 min');
    expect(untilWords((3 * 60 + 5) * 60_000)).toBe('3 h 05 min');
    expect(untilWords(3 * 86_400_000)).toBe('3 days');
  });
  it('opens a retake once its time has come, and says when it will otherwise', () => {
    expect(retakeOf(null, NOW)).toEqual({ open: true });
    expect(retakeOf('2025-03-04T11:59:00.000Z', NOW)).toEqual({ open: true });
    const later = retakeOf('2025-03-05T12:00:00.000Z', NOW);
    expect(later).toMatchObject({ open: false, in: '24 h 00 min' });
  });
});

describe('standingWords', () => {
  const base = { answered: 0, size: 5, retakeAt: null };
  it('offers Start before any attempt, and Continue with the count during one', () => {
    expect(standingWords({ ...base, status: 'not_taken' }, 'medicine', NOW)).toEqual({ status: 'Not taken', detail: null, action: 'start' });
    expect(standingWords({ ...base, status: 'in_progress', answered: 2 }, 'medicine', NOW)).toEqual({
      status: 'In progress: 2 of 5 answered',
      detail: null,
      action: 'continue',
    });
  });
  it('names the skill a pass granted: 4 of 5 is Beta(5, 2), mean 5/7, 95% interval 0.3588–0.9567 (its CDF is x⁵(6 − 5x))', () => {
    const w = standingWords(
      { ...base, status: 'passed', answered: 5, skill: { n: 5, correct: 4, mean: 5 / 7, low: 0.3588, high: 0.9567 } },
      'medicine',
      NOW,
    );
    expect(w).toEqual({ status: 'Passed', detail: 'Your skill in medicine: 71.4% (95% interval 36–96%), from 4 of 5 correct', action: null });
  });
  it('after a failure, offers a retake only once the cooldown is over', () => {
    const cooling = standingWords({ ...base, status: 'failed', retakeAt: '2025-03-04T15:00:00.000Z' }, 'medicine', NOW);
    expect(cooling.action).toBeNull();
    expect(cooling.detail).toMatch(/^Retake after .+ \(in 3 h 00 min\)\.$/);
    expect(standingWords({ ...base, status: 'failed', retakeAt: '2025-03-04T11:00:00.000Z' }, 'medicine', NOW)).toEqual({
      status: 'Not passed',
      detail: 'You can retake it now.',
      action: 'retake',
    });
  });
});

describe('blockedWords', () => {
  it('says why in words for every reason, and points at qualifications only where one opens the project', () => {
    for (const reason of BLOCKED_REASONS) {
      const w = blockedWords(reason);
      expect(w.title.length, reason).toBeGreaterThan(0);
      expect(w.needsQualification, reason).toBe(reason === 'not_qualified');
    }
    expect(blockedWords('not_qualified').title).toBe('Needs a qualification');
    expect(blockedWords('quota_reached').title).toBe('Your vendor’s quota on this project is used up');
    expect(blockedWords('not_in_domain').advice).toMatch(/ask your manager to add it/);
  });
});
