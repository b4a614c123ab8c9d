import { describe, expect, it } from 'vitest';
import { measuredSkill, preferenceFor, preferredAvailable } from './adaptive.js';

describe('preferenceFor', () => {
  it('avoids the vendor holding a strict majority of the judgments and prefers more than the judges’ mean skill', () => {
    // Two of three judgments from v1: avoid v1; skills 0.9, 0.6, 0.75 → mean 0.75 (hand computed).
    const p = preferenceFor([
      { annotatorId: 'a', vendorId: 'v1', skill: 0.9 },
      { annotatorId: 'b', vendorId: 'v1', skill: 0.6 },
      { annotatorId: 'c', vendorId: 'v2', skill: 0.75 },
    ]);
    expect(p.avoidVendor).toBe('v1');
    expect(p.preferSkill).toBeCloseTo(0.75, 12);
  });

  it('avoids no vendor on a tie or when judges have none', () => {
    expect(preferenceFor([{ annotatorId: 'a', vendorId: 'v1', skill: 0.5 }, { annotatorId: 'b', vendorId: 'v2', skill: 0.7 }]).avoidVendor).toBeNull();
    expect(preferenceFor([{ annotatorId: 'a', vendorId: null, skill: 0.5 }]).avoidVendor).toBeNull();
    expect(preferenceFor([])).toEqual({ avoidVendor: null, preferSkill: null });
  });
});

describe('measuredSkill', () => {
  it('is the Beta(1 + correct, 1 + misses) mean', () => {
    expect(measuredSkill(0, 0)).toBe(0.5);
    expect(measuredSkill(10, 8)).toBeCloseTo(9 / 12, 12);
  });
});

describe('preferredAvailable', () => {
  const pref = { avoidVendor: 'v1', preferSkill: 0.6 };
  it('finds a candidate of another vendor (or none) with at least the preferred skill who never had the item', () => {
    expect(preferredAvailable(pref, [{ annotatorId: 'x', vendorId: 'v2', skill: 0.6 }], new Set())).toBe(true);
    expect(preferredAvailable(pref, [{ annotatorId: 'x', vendorId: null, skill: 0.7 }], new Set())).toBe(true);
  });
  it('finds none when every candidate is of the avoided vendor, under the skill, or already had the item', () => {
    const candidates = [
      { annotatorId: 'a', vendorId: 'v1', skill: 0.95 }, // avoided vendor
      { annotatorId: 'b', vendorId: 'v2', skill: 0.59 }, // under 0.6
      { annotatorId: 'c', vendorId: 'v3', skill: 0.8 }, // had it
    ];
    expect(preferredAvailable(pref, candidates, new Set(['c']))).toBe(false);
    expect(preferredAvailable(pref, [], new Set())).toBe(false);
    // Without a vendor to avoid or a skill to reach, anyone who never had the item will do.
    expect(preferredAvailable({ avoidVendor: null, preferSkill: null }, candidates, new Set(['c']))).toBe(true);
  });
});
