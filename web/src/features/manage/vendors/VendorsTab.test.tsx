import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { VendorsTab } from './VendorsTab';
import { serve } from '../results/fake-api';
import { MANAGER, renderWithApp } from '../results/test-server';
import { CROWD_ANNOTATORS, CROWD_ONLY, SCORECARDS, headToHead } from './fixtures';
import type { ScorecardsView } from './types';
import type { SignalsView } from '../quality/types';

vi.mock('../../../api/client', async () => (await import('../results/fake-api')).clientModuleForTests());

const VENDOR_MANAGER = { ...MANAGER, id: 'user_vm', role: 'vendor_manager' as const, vendorId: 'v1' };

const kinds = (k: Partial<SignalsView['vendors'][number]['byKind']>) => ({ too_fast: 0, pasted: 0, near_duplicate: 0, straight_lining: 0, gold_fail_streak: 0, ...k });
/**
 * Flag counts: Crowd 12 of 200 (Ada 9 of 120, Bo 3 of 80), Experts 0 of 200, Mixed nothing checked, and 1 of 10 of
 * people without a vendor; the whole project 13 of 410. A vendor manager of Crowd gets Crowd's only.
 */
function signals(onlyCrowd: boolean): SignalsView {
  const vendors = [
    { vendorId: 'v1', n: 200, flagged: 12, byKind: kinds({ too_fast: 8, pasted: 4 }) },
    { vendorId: 'v2', n: 200, flagged: 0, byKind: kinds({}) },
    { vendorId: null, n: 10, flagged: 1, byKind: kinds({ gold_fail_streak: 1 }) },
  ];
  const annotators = [
    { annotatorId: 'u1', pseudonym: 'annotator-aa', vendorId: 'v1', n: 120, flagged: 9, byKind: kinds({ too_fast: 8, pasted: 1 }) },
    { annotatorId: 'u2', pseudonym: 'annotator-bb', vendorId: 'v1', n: 80, flagged: 3, byKind: kinds({ pasted: 3 }) },
  ];
  const policy = { tooFastRatio: 0.25, tooFastMinOthers: 3, pastedShare: 0.5, duplicateJaccard: 0.8, duplicateMinWords: 20, straightShare: 0.9, straightAlpha: 0.001, straightMinN: 20, goldFailStreak: null };
  return { projectId: 'p1', policy, items: [], nextCursor: null, annotators, vendors: onlyCrowd ? vendors.slice(0, 1) : vendors };
}

function serveAll(scorecards: ScorecardsView = SCORECARDS) {
  return serve({
    'GET /api/v1/projects/p1/vendors/scorecards': () => ({ body: scorecards }),
    'GET /api/v1/projects/p1/quality/signals': () => ({ body: signals(scorecards === CROWD_ONLY) }),
    'GET /api/v1/projects/p1/vendors/v1/annotators': () => ({ body: CROWD_ANNOTATORS }),
    'GET /api/v1/projects/p1/vendors/head-to-head': (url) => {
      const [a, b] = [url.searchParams.get('a'), url.searchParams.get('b')];
      if (a === 'v2' && b === 'v1') return { body: headToHead() };
      // Crowd against Mixed: 12 shared items, a small sample.
      const names: Record<string, string> = { v1: 'Crowd', v2: 'Experts', v3: 'Mixed' };
      const v = headToHead({ paired: { items: 12, judgmentsA: 30, judgmentsB: 14, difference: -0.133, lower: -0.41, upper: 0.18, pValue: 0.6875, smallSample: true } });
      return { body: { ...v, a: { vendorId: a, name: names[a!] }, b: { vendorId: b, name: names[b!] } } };
    },
  });
}

const scorecardTable = () => screen.getByRole('table', { name: /^Vendor scorecards/ });
const vendorOrder = () =>
  within(scorecardTable())
    .getAllByRole('button', { name: /annotators$/ })
    .map((b) => b.textContent!.replace(/^[▸▾] /, '').replace(/:.*$/, ''));
const row = (name: RegExp) => screen.getByRole('button', { name }).closest('tr')!;

describe('VendorsTab', () => {
  it('shows a scorecard per vendor and the whole project: accuracy with interval and n, alpha, review, throughput, cost in the currency', async () => {
    serveAll();
    renderWithApp(<VendorsTab projectId="p1" />);
    await screen.findByRole('table', { name: /^Vendor scorecards/ });
    // Most accurate first (Mixed: 10 of 12).
    expect(vendorOrder()).toEqual(['Experts', 'Mixed', 'Crowd']);
    const crowd = within(row(/^Crowd:/));
    expect(crowd.getByText('70%')).toBeInTheDocument();
    expect(crowd.getByText('63%–76%')).toBeInTheDocument();
    expect(crowd.getByText('140 of 200 correct')).toBeInTheDocument();
    expect(crowd.getByText('0.41')).toBeInTheDocument();
    expect(crowd.getByText('18 of 20 accepted')).toBeInTheDocument();
    expect(crowd.getByText('Rejected for 1 reason')).toBeInTheDocument();
    expect(crowd.getByText('off guideline (2)')).toBeInTheDocument();
    expect(crowd.getByText('100.0 / h')).toBeInTheDocument();
    expect(crowd.getByText('median 36 s')).toBeInTheDocument();
    // 5¢ a judgment; 7.14¢ a correct one (5 / 0.70, exact, written to a hundredth of a cent under 10¢), 95% from
    // 5 / 0.7593 = 6.585¢ (rounded down) to 5 / 0.6332 = 7.896¢ (rounded up): the interval written contains the estimate.
    const cells = crowd.getAllByRole('cell');
    expect(cells.at(-3)!.textContent).toBe('$0.05');
    expect(cells.at(-1)!.textContent).toBe('$0.071495%: $0.0658 to $0.079');
    const experts = within(row(/^Experts:/));
    expect(experts.getByText('87%–95%')).toBeInTheDocument();
    expect(experts.getByText('median 5.0 min')).toBeInTheDocument();
    expect(experts.getAllByRole('cell').at(-1)!.textContent).toBe('$0.4395%: $0.42 to $0.46');
    expect(experts.queryByText('Small sample')).toBeNull();
    // 12 gold judgments: labelled a small sample; no pay terms.
    const mixed = within(row(/^Mixed:/));
    expect(mixed.getByText('Small sample')).toBeInTheDocument();
    expect(mixed.getByText('no pay terms')).toBeInTheDocument();
    const overall = within(within(scorecardTable()).getByRole('rowheader', { name: 'Whole project' }).closest('tr')!);
    expect(overall.getByText('334 of 412 correct')).toBeInTheDocument();
  });

  it("shows each vendor's effort and fraud flags, flagged of n and by kind, and the whole project's", async () => {
    const sent = serveAll();
    const user = userEvent.setup();
    renderWithApp(<VendorsTab projectId="p1" />);
    await screen.findByRole('table', { name: /^Vendor scorecards/ });
    expect(within(scorecardTable()).getByRole('columnheader', { name: 'Effort and fraud flags' })).toBeInTheDocument();
    const flagsCell = (tr: HTMLElement) => within(tr).getByText(/flagged|nothing checked/).closest('td')!;
    await waitFor(() => expect(flagsCell(row(/^Crowd:/))).toHaveTextContent('12 of 200 flagged'));
    expect(within(flagsCell(row(/^Crowd:/))).getAllByText(/^(Too fast|Pasted)/).map((b) => b.textContent)).toEqual(['Too fast 8', 'Pasted 4']);
    expect(flagsCell(row(/^Experts:/)).textContent).toBe('0 of 200 flagged');
    expect(flagsCell(row(/^Mixed:/)).textContent).toBe('nothing checked yet');
    const overall = within(scorecardTable()).getByRole('rowheader', { name: 'Whole project' }).closest('tr')!;
    expect(flagsCell(overall)).toHaveTextContent('13 of 410 flagged');
    expect(within(flagsCell(overall)).getAllByText(/^(Too fast|Pasted|Gold misses)/).map((b) => b.textContent)).toEqual(['Too fast 8', 'Pasted 4', 'Gold misses in a row 1']);
    // The counts are asked for without the list.
    expect(sent.find((u) => u.pathname.endsWith('/quality/signals'))!.searchParams.get('limit')).toBe('1');

    await user.click(screen.getByRole('button', { name: /Crowd: show annotators/ }));
    const annotators = await screen.findByRole('table', { name: 'Annotators of Crowd' });
    const [, ada, bo] = within(annotators).getAllByRole('row');
    expect(flagsCell(ada!)).toHaveTextContent('9 of 120 flagged');
    expect(flagsCell(bo!)).toHaveTextContent('3 of 80 flagged');
    expect(within(flagsCell(bo!)).getByText('Pasted 3')).toBeInTheDocument();
  });

  it('sorts by cost per correct label from the keyboard, vendors without pay terms last', async () => {
    serveAll();
    const user = userEvent.setup();
    renderWithApp(<VendorsTab projectId="p1" />);
    await screen.findByRole('table', { name: /^Vendor scorecards/ });
    screen.getByRole('button', { name: /^Cost per correct/ }).focus();
    await user.keyboard('{Enter}');
    expect(vendorOrder()).toEqual(['Crowd', 'Experts', 'Mixed']);
    expect(within(scorecardTable()).getByRole('columnheader', { name: /^Cost per correct/ })).toHaveAttribute('aria-sort', 'ascending');
    await user.keyboard(' ');
    expect(vendorOrder()).toEqual(['Experts', 'Crowd', 'Mixed']);
    expect(within(scorecardTable()).getByRole('columnheader', { name: /^Cost per correct/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it("expands a vendor to its annotators from the keyboard, and collapses it again", async () => {
    const sent = serveAll();
    const user = userEvent.setup();
    renderWithApp(<VendorsTab projectId="p1" />);
    await screen.findByRole('table', { name: /^Vendor scorecards/ });
    const toggle = screen.getByRole('button', { name: /Crowd: show annotators/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(sent.some((u) => u.pathname.endsWith('/annotators'))).toBe(false);
    toggle.focus();
    await user.keyboard('{Enter}');
    const table = await screen.findByRole('table', { name: 'Annotators of Crowd' });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle).toHaveAttribute('aria-controls', table.closest('tr')!.id);
    const names = within(table).getAllByRole('rowheader').map((h) => h.querySelector('.annotator-name')!.textContent);
    expect(names).toEqual(['Ada Lovelace', 'Bo Brandt']);
    const ada = within(within(table).getAllByRole('row')[1]!);
    expect(ada.getByText('90 of 120 correct')).toBeInTheDocument();
    expect(ada.getByText('67%–82%')).toBeInTheDocument();
    expect(sent.filter((u) => u.pathname === '/api/v1/projects/p1/vendors/v1/annotators')).toHaveLength(1);
    await user.keyboard(' ');
    expect(screen.queryByRole('table', { name: 'Annotators of Crowd' })).toBeNull();
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });

  it('charts accuracy with its interval and cost per correct label, with the numbers as a table', async () => {
    serveAll();
    const user = userEvent.setup();
    renderWithApp(<VendorsTab projectId="p1" />);
    const accuracy = await screen.findByRole('figure', { name: 'Gold accuracy by vendor' });
    await user.click(within(accuracy).getByText('Show the numbers'));
    const cellsOf = (fig: HTMLElement) => within(within(fig).getByRole('table')).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(cellsOf(accuracy)).toEqual(['Crowd70%63%76%', 'Experts92%87%95%', 'Mixed83%55%95%']);
    const cost = screen.getByRole('figure', { name: 'Cost per correct label by vendor' });
    await user.click(within(cost).getByText('Show the numbers'));
    expect(cellsOf(cost)).toEqual(['Crowd$0.0714$0.0659$0.079', 'Experts$0.43$0.42$0.46']);
    expect(screen.getByText('No cost bar: Mixed (no pay terms set).')).toBeInTheDocument();
    // One error bar per vendor with an interval, not one band across them.
    expect(accuracy.querySelector('.chart-canvas')).toHaveAttribute('data-error-bars', '3');
    expect(cost.querySelector('.chart-canvas')).toHaveAttribute('data-error-bars', '2');
    // By week: Crowd 60 of 100 then 80 of 100; Experts only in the second week (a gap before); Mixed has no trend.
    const trend = screen.getByRole('figure', { name: 'Gold accuracy by week' });
    await user.click(within(trend).getByText('Show the numbers'));
    expect(cellsOf(trend)).toEqual(['Week of Mar 360%——', 'Week of Mar 1080%92%—']);
  });

  it('compares two picked vendors in one sentence with the test, p-value and n, and labels a small sample', async () => {
    const sent = serveAll();
    const user = userEvent.setup();
    renderWithApp(<VendorsTab projectId="p1" />);
    const card = await screen.findByRole('region', { name: 'Head-to-head' });
    await user.selectOptions(within(card).getByRole('combobox', { name: 'Vendor A' }), 'v2');
    await user.selectOptions(within(card).getByRole('combobox', { name: 'Vendor B' }), 'v1');
    expect(
      await within(card).findByText("Experts are 22 points more accurate than Crowd on the 200 gold items both labeled, from 600 judgments by Experts and 580 by Crowd (95% interval 15 to 29; paired bootstrap-t test p < 0.001).", { exact: false }),
    ).toBeInTheDocument();
    expect(within(card).queryByText('Small sample')).toBeNull();
    expect(within(card).getByText('200, with 600 judgments by 4 annotators of Experts and 580 judgments by 5 annotators of Crowd, every one counted')).toBeInTheDocument();
    const last = sent.filter((u) => u.pathname.endsWith('/head-to-head')).at(-1)!;
    expect([last.searchParams.get('a'), last.searchParams.get('b')]).toEqual(['v2', 'v1']);

    await user.selectOptions(within(card).getByRole('combobox', { name: 'Vendor A' }), 'v1');
    await user.selectOptions(within(card).getByRole('combobox', { name: 'Vendor B' }), 'v3');
    expect(
      await within(card).findByText("Crowd are 13 points less accurate than Mixed on the 12 gold items both labeled, from 30 judgments by Crowd and 14 by Mixed (95% interval -41 to 18; paired bootstrap-t test p = 0.69).", { exact: false }),
    ).toBeInTheDocument();
    expect(within(card).getByText('Small sample')).toBeInTheDocument();

    await user.selectOptions(within(card).getByRole('combobox', { name: 'Vendor B' }), 'v1');
    expect(within(card).getByText('Pick two different vendors.')).toBeInTheDocument();
  });

  it("shows a vendor manager their own vendor's card only: no overall row, no head-to-head", async () => {
    const sent = serveAll(CROWD_ONLY);
    renderWithApp(<VendorsTab projectId="p1" />, { me: VENDOR_MANAGER });
    await screen.findByRole('table', { name: /^Vendor scorecards/ });
    expect(screen.getByRole('heading', { name: 'Your scorecard' })).toBeInTheDocument();
    expect(vendorOrder()).toEqual(['Crowd']);
    expect(screen.queryByRole('rowheader', { name: 'Whole project' })).toBeNull();
    expect(await within(row(/^Crowd:/)).findByText('12 of 200 flagged')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Head-to-head' })).toBeNull();
    expect(screen.getByRole('figure', { name: 'Gold accuracy by vendor' })).toBeInTheDocument();
    await waitFor(() => expect(sent.some((u) => u.pathname.endsWith('/scorecards'))).toBe(true));
    expect(sent.some((u) => u.pathname.endsWith('/head-to-head'))).toBe(false);
  });

  it('says so when no vendor has judgments yet', async () => {
    serveAll({ ...SCORECARDS, vendors: [], overall: null });
    renderWithApp(<VendorsTab projectId="p1" />);
    expect(await screen.findByText(/No vendor has judgments on this project yet/)).toBeInTheDocument();
  });
});
