import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { IntervalCell } from './IntervalCell';

describe('IntervalCell', () => {
  it('writes the figure and its interval beside the bar', () => {
    const { container } = render(<IntervalCell value={0.72} lower={0.58} upper={0.83} note="36 of 50 correct" />);
    expect(container).toHaveTextContent('72% (58%–83%)36 of 50 correct');
  });

  it('stacked (for wide tables): the figure and a shorter bar, the interval under them, then the note', () => {
    const { container } = render(<IntervalCell stacked value={0} lower={0} upper={0.31} note="0 of 8 correct" />);
    const cell = container.querySelector('.interval-cell.stacked')!;
    expect(cell.querySelector('.interval-line')).toHaveTextContent('0%');
    expect(cell.querySelector('.interval-line svg')).toHaveAttribute('width', '62');
    expect(cell.querySelector('.interval-range')).toHaveTextContent('95% interval 0%–31%');
    expect(cell.querySelector('.cell-note')).toHaveTextContent('0 of 8 correct');
  });
});
