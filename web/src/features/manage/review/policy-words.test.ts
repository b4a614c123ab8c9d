import { describe, expect, it } from 'vitest';
import { reviewPolicySentence } from './policy-words';

describe('reviewPolicySentence', () => {
  it('says that nothing is reviewed under the empty policy', () => {
    expect(reviewPolicySentence({ sampleRate: 0, firstN: 0, flagged: false, lowConfidence: null })).toBe('Nothing goes to review: turn on at least one rule below.');
  });

  it('lists every rule that is on', () => {
    expect(reviewPolicySentence({ sampleRate: 0.1, firstN: 2, flagged: true, lowConfidence: 0.7 })).toBe(
      "Reviewers are handed each annotator's first 2 annotations, a random 10% of all annotations, every annotation of a flagged item and every annotation of an item whose aggregated answer is less than 70% confident, never their own work.",
    );
  });

  it('says one annotation and a full sample plainly', () => {
    expect(reviewPolicySentence({ sampleRate: 1, firstN: 1, flagged: false, lowConfidence: null })).toBe(
      "Reviewers are handed each annotator's first annotation and every annotation, never their own work.",
    );
  });

  it('says whether gold items come to review', () => {
    expect(reviewPolicySentence({ sampleRate: 0.1, firstN: 0, flagged: false, lowConfidence: null, gold: true })).toBe(
      'Reviewers are handed a random 10% of all annotations, never their own work. Gold items are among them, shown with their gold answers.',
    );
    expect(reviewPolicySentence({ sampleRate: 0.1, firstN: 0, flagged: false, lowConfidence: null, gold: false })).toBe(
      'Reviewers are handed a random 10% of all annotations, never their own work. Gold items stay out of review, so no reviewer learns which items are gold.',
    );
  });
});
