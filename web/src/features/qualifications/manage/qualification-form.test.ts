import { describe, expect, it } from 'vitest';
import { fieldOfServerError, parseQualification, STARTING_VALUES } from './qualification-form';

const valid = { ...STARTING_VALUES, name: ' Medicine basics ', domain: 'medicine/cardiology' };

describe('parseQualification', () => {
  it('turns the typed values into the request: the pass mark as a share, trimmed text, no empty description', () => {
    expect(parseQualification({ ...valid, passPercent: '66.7', attemptSize: '5', cooldownHours: '1.5', feedback: 'feedback' })).toEqual({
      ok: true,
      value: { name: 'Medicine basics', domain: 'medicine/cardiology', passMark: 0.667, attemptSize: 5, cooldownHours: 1.5, goldFeedback: 'feedback' },
    });
    expect(parseQualification({ ...valid, description: ' For triage work ' })).toMatchObject({ ok: true, value: { description: 'For triage work', passMark: 0.8 } });
  });
  it('names each field that is wrong, with the limit the server applies', () => {
    const r = parseQualification({ ...STARTING_VALUES, domain: 'Medicine/', passPercent: '120', attemptSize: '2.5', cooldownHours: '-1' });
    expect(r).toEqual({
      ok: false,
      problems: {
        name: 'A name is needed',
        domain: 'A lowercase path such as medicine or medicine/cardiology',
        passPercent: 'A percentage from 0 to 100',
        attemptSize: 'A whole number from 1 to 10,000',
        cooldownHours: 'Hours from 0 (retake at once) to 8,760 (a year)',
      },
    });
    expect(parseQualification({ ...valid, attemptSize: '0' })).toMatchObject({ ok: false, problems: { attemptSize: expect.any(String) } });
    expect(parseQualification({ ...valid, passPercent: '' })).toMatchObject({ ok: false, problems: { passPercent: expect.any(String) } });
  });
});

describe('fieldOfServerError', () => {
  it('maps the server field names onto the form’s', () => {
    expect(fieldOfServerError('passMark')).toBe('passPercent');
    expect(fieldOfServerError('domain')).toBe('domain');
    expect(fieldOfServerError('schema.questions[0].options')).toBe('schema');
    expect(fieldOfServerError('body')).toBeNull();
    expect(fieldOfServerError(undefined)).toBeNull();
  });
});
