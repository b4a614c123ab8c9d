import { describe, expect, it } from 'vitest';
import type { CalibrationView } from '../services/quality/calibration.js';
import { calibrationBars, calibrationOption, calibrationSection } from './calibration-section.js';

// Hand-made: 40 judged gold items; 12 at 50–60% (6 right), 8 at 70–80% (5 right), 20 at 90–100% (17 right).
const empty = (k: number) => ({ lower: k / 10, upper: (k + 1) / 10, n: 0, confidence: null, accuracy: null });
const view: CalibrationView = {
  projectId: 'p1',
  questionId: 'sentiment',
  basis: { kind: 'calibrated', nGold: 40 },
  n: 40,
  ece: 0.098,
  bins: [
    ...[0, 1, 2, 3, 4].map(empty),
    { lower: 0.5, upper: 0.6, n: 12, confidence: 0.55, accuracy: { rate: 0.5, lower: 0.2538, upper: 0.7462 } },
    empty(6),
    { lower: 0.7, upper: 0.8, n: 8, confidence: 0.74, accuracy: { rate: 0.625, lower: 0.3057, upper: 0.8632 } },
    empty(8),
    { lower: 0.9, upper: 1, n: 20, confidence: 0.97, accuracy: { rate: 0.85, lower: 0.6396, upper: 0.9476 } },
  ],
};

describe('the report\'s confidence against gold', () => {
  it('charts the non-empty bins in percent with their intervals and n, and the mean confidence as a line', () => {
    expect(calibrationBars(view)).toEqual([
      { name: '50%–60%', value: 50, lower: 25.4, upper: 74.6, note: 'n 12' },
      { name: '70%–80%', value: 62.5, lower: 30.6, upper: 86.3, note: 'n 8' },
      { name: '90%–100%', value: 85, lower: 64, upper: 94.8, note: 'n 20' },
    ]);
    const series = (calibrationOption(view) as { series: { type: string; data: unknown[] }[] }).series;
    expect(series.find((s) => s.type === 'line')!.data).toEqual([55, 74, 97]);
  });

  it('says the basis in words, the ECE with n, and lists each bin with its interval, beside an SVG chart', () => {
    const out = calibrationSection(view).value;
    expect(out).toContain('<h2>Confidence against gold</h2>');
    expect(out).toContain('are <strong>calibrated on 40 gold items</strong>');
    expect(out).toContain('Expected calibration error over 40 gold items: <strong>0.098</strong>');
    expect(out).toContain('<td>90%–100%</td><td class="num">20</td><td class="num">97.0%</td><td class="num">85.0% <span class="muted">(64%–95%)</span></td>');
    expect(out).toMatch(/<svg[^>]*>[\s\S]*Mean confidence/);
  });

  it('says model-based, and that there is nothing to check yet, without judged gold', () => {
    const none = calibrationSection({ ...view, basis: { kind: 'model', nGold: 0 }, n: 0, ece: null, bins: view.bins.map((b) => ({ ...b, n: 0, confidence: null, accuracy: null })) }).value;
    expect(none).toContain('<strong>model-based, not calibrated</strong>');
    expect(none).toContain('No gold item has been judged yet');
    expect(none).not.toContain('<svg');
    expect(calibrationSection({ ...view, questionId: null }).value).toContain('no label question');
  });
});
