import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { CalibrationCard, calibrationChart } from './CalibrationCard';
import { CALIBRATION } from './calibration-fixture';
import { serve } from '../results/fake-api';
import { renderWithApp } from '../results/test-server';
import type { Question } from '../../../schema';

vi.mock('../../../api/client', async () => (await import('../results/fake-api')).clientModuleForTests());

const questions = [
  { id: 'sentiment', type: 'label', prompt: 'Sentiment?', required: true, field: 'text', options: [{ value: 'pos', label: 'Positive' }, { value: 'neg', label: 'Negative' }] },
] as unknown as Question[];

describe('CalibrationCard', () => {
  it('charts the non-empty bins: share right (with its interval) beside mean confidence, n in each label', () => {
    const c = calibrationChart(CALIBRATION);
    expect(c.categories).toEqual(['50%–60% (n = 12)', '70%–80% (n = 8)', '90%–100% (n = 20)']);
    expect(c.series[0]!.values).toEqual([50, 62.5, 85]);
    expect(c.series[1]!.values.map((v) => Math.round(v! * 10) / 10)).toEqual([55, 74, 97]);
    expect(c.band.lower.map((v) => Math.round(v! * 100) / 100)).toEqual([25.38, 30.57, 63.96]);
    // The largest gap by hand: 90–100%, 0.85 against 0.97, 12 points below.
    expect(c.summary).toBe('40 gold items judged; expected calibration error 0.098 (10 bins). Largest gap in 90%–100%: 12% less often right than the confidence says.');
    // Under 30 gold items the sentence says the figure rests on too few.
    expect(calibrationChart({ ...CALIBRATION, n: 3 }).summary).toContain("on too few items to say much: see each bin's interval");
  });

  it('shows the diagram, its numbers with n and the basis in words, for the chosen question', async () => {
    const sent = serve({ 'GET /api/v1/projects/p1/quality/calibration': () => ({ body: CALIBRATION }) });
    renderWithApp(<CalibrationCard projectId="p1" questions={questions} />);
    expect(await screen.findByText(/expected calibration error 0\.098/)).toBeInTheDocument();
    const table = screen.getByRole('table', { name: /Share right on gold per confidence range/ });
    expect(within(table).getByRole('row', { name: /90%–100% \(n = 20\)/ })).toHaveTextContent('85%');
    expect(document.querySelector('.confidence-basis')).toHaveTextContent('Confidences shown for this question are calibrated on 40 gold items.');
    expect(sent.find((u) => u.pathname.endsWith('/quality/calibration'))!.searchParams.get('question')).toBe('sentiment');
  });

  it('says so when no gold item has been judged yet, and that the confidences are the model\'s', async () => {
    serve({
      'GET /api/v1/projects/p1/quality/calibration': () => ({
        body: { ...CALIBRATION, basis: { kind: 'model', nGold: 0 }, n: 0, ece: null, bins: CALIBRATION.bins.map((b) => ({ ...b, n: 0, confidence: null, accuracy: null })) },
      }),
    });
    renderWithApp(<CalibrationCard projectId="p1" questions={questions} />);
    expect(await screen.findByText('No gold item has been judged yet, so there is nothing to check the confidences against.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
    expect(document.querySelector('.confidence-basis')).toHaveTextContent('model-based, not calibrated');
  });
});
