import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { TableScroll } from './TableScroll';

/** jsdom lays nothing out: give every element the widths a layout would. */
function widths(scrollWidth: number, clientWidth: number) {
  vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockReturnValue(scrollWidth);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(clientWidth);
}

const table = (
  <table>
    <tbody>
      <tr>
        <th scope="row">Ana</th>
        <td>72%</td>
      </tr>
    </tbody>
  </table>
);

afterEach(() => vi.restoreAllMocks());

describe('TableScroll', () => {
  it('adds nothing when the table fits', () => {
    widths(800, 800);
    const { container } = render(<TableScroll label="Annotators">{table}</TableScroll>);
    expect(container.querySelector('.table-scroll-frame')).not.toHaveAttribute('data-overflow');
    expect(screen.queryByRole('region')).toBeNull();
    expect(screen.queryByText(/Scroll sideways/)).toBeNull();
  });

  it('marks a table that does not fit as a focusable region that scrolls, says so, and follows the scroll', () => {
    widths(1400, 900);
    const { container } = render(<TableScroll label="Annotators">{table}</TableScroll>);
    const region = screen.getByRole('region', { name: 'Annotators, scrolls sideways' });
    expect(region).toHaveAttribute('tabindex', '0');
    expect(container.querySelector('.table-scroll-frame')).toHaveAttribute('data-overflow', 'right');
    expect(screen.getByText('Scroll sideways for more columns →')).toBeInTheDocument();
    act(() => {
      region.scrollLeft = 200;
      fireEvent.scroll(region);
    });
    expect(container.querySelector('.table-scroll-frame')).toHaveAttribute('data-overflow', 'both');
    act(() => {
      region.scrollLeft = 500;
      fireEvent.scroll(region);
    });
    expect(container.querySelector('.table-scroll-frame')).toHaveAttribute('data-overflow', 'left');
    expect(screen.getByText('← More columns to the left')).toBeInTheDocument();
  });
});
