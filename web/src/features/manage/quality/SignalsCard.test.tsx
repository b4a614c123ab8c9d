import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SignalsCard } from './SignalsCard';
import { fakeServer } from '../../admin/fakeApi';
import { currentLocation, MANAGER, renderWithApp } from '../results/test-server';
import { flagged, POLICY, signalsPage } from './signal-fixtures';
import type { SignalPolicyView } from './types';

vi.mock('../../../api/client', async () => (await import('../../admin/fakeApi')).clientModuleForTests());

afterEach(() => vi.unstubAllGlobals());

const PASTED = { kind: 'pasted' as const, detail: '412 characters pasted into 430 of text answers', value: 0.958, threshold: 0.5 };

/** The signals route in two pages (cursor c1), filtered by kind; the policy, vendors and names beside it. */
function serveSignals(put?: (body: Partial<SignalPolicyView>) => { status: number; body?: unknown }) {
  let policy = POLICY;
  const all = [
    flagged(1),
    flagged(2, { itemExternalId: null, flags: [PASTED] }),
    flagged(3, { annotatorId: 'u2', pseudonym: 'annotator-bb', vendorId: 'v2', itemExternalId: 'review-3' }),
  ];
  return fakeServer({
    'GET /api/v1/projects/p1/quality/signals': ({ url }) => {
      const kind = url.searchParams.get('kind');
      const annotator = url.searchParams.get('annotatorId');
      const rows = all.filter((f) => (!kind || f.flags.some((g) => g.kind === kind)) && (!annotator || f.annotatorId === annotator));
      if (url.searchParams.get('cursor') === 'c1') return { status: 200, body: signalsPage(rows.slice(2)) };
      return { status: 200, body: signalsPage(rows.slice(0, 2), rows.length > 2 ? 'c1' : null) };
    },
    'GET /api/v1/projects/p1/signal-policy': () => ({ status: 200, body: policy }),
    'PUT /api/v1/projects/p1/signal-policy': ({ body }) => {
      const answer = put?.(body as Partial<SignalPolicyView>);
      if (answer) return answer;
      policy = { ...policy, ...(body as Partial<SignalPolicyView>), updatedAt: '2025-03-02T09:00:00.000Z' };
      return { status: 200, body: policy };
    },
    'GET /api/v1/vendors': () => ({ status: 200, body: { items: [{ id: 'v1', name: 'In-house' }, { id: 'v2', name: 'Crowd Co' }], nextCursor: null } }),
    'GET /api/v1/users': () => ({ status: 200, body: { items: [{ id: 'u1', name: 'Ada Lovelace' }], nextCursor: null } }),
  });
}

const open = (path = '/manage/projects/p1/quality', me = MANAGER) => renderWithApp(<SignalsCard projectId="p1" />, { path, me });
const card = () => screen.getByRole('region', { name: 'Effort and fraud signals' });
const listRows = () => within(within(card()).getByRole('table')).getAllByRole('row').slice(1);

describe('SignalsCard', () => {
  it('says the thresholds in force in words, one sentence per kind', async () => {
    serveSignals();
    open();
    expect(await screen.findByRole('heading', { name: 'Thresholds in force (the defaults)' })).toBeInTheDocument();
    const terms = within(card()).getAllByRole('term').map((t) => t.textContent);
    const sentences = within(card()).getAllByRole('definition').map((d) => d.textContent);
    expect(Object.fromEntries(terms.map((t, i) => [t, sentences[i]]))).toEqual({
      'Too fast': "Under 25% of the item's median time (from at least 3 other annotations, else the project's median) and of the annotator's own median.",
      Pasted: '50% or more of the free-text answers pasted in.',
      'Near-duplicate': "Free text of 20 words or more, at least 80% similar to another annotator's (estimated Jaccard similarity of word 3-grams).",
      'Straight-lining': "One answer to a label question in 90% or more of at least 20 answers, far above the other annotators' share (one-sided binomial p under 0.001).",
      'Gold misses in a row': "As many gold items missed in a row as the quality gate's streak (off when the gate's is 0).",
    });
  });

  it('lists flagged annotations with their item linking into Results, who made them and the flags in words, a page at a time', async () => {
    const server = serveSignals();
    const user = userEvent.setup();
    open();
    await within(card()).findByRole('table');
    expect(listRows()).toHaveLength(2);
    const [first, second] = listRows();
    expect(within(first!).getByRole('link', { name: 'review-1' })).toHaveAttribute('href', '/manage/projects/p1/results?item=i1');
    expect(first).toHaveTextContent('Ada Lovelace');
    expect(first).toHaveTextContent('annotator-aa');
    expect(first).toHaveTextContent('In-house');
    expect(within(first!).getByRole('listitem')).toHaveTextContent("Too fast 700 ms on task: 0.05 × the item's median of other annotators (14000 ms)");
    // No external id: the item's id stands in.
    expect(within(second!).getByRole('link', { name: 'i2' })).toHaveAttribute('href', '/manage/projects/p1/results?item=i2');
    expect(within(second!).getByRole('listitem')).toHaveTextContent('Pasted 412 characters pasted into 430 of text answers');

    await user.click(within(card()).getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(listRows()).toHaveLength(3));
    const third = listRows()[2]!;
    // No name for u2 in the names list: the pseudonym, and the vendor.
    expect(third).toHaveTextContent('annotator-bb');
    expect(third).toHaveTextContent('Crowd Co');
    expect(within(card()).getByText('3 flagged annotations shown, all loaded')).toBeInTheDocument();
    const pages = server.sent.filter((r) => r.path.endsWith('/quality/signals'));
    expect(pages.map((r) => r.query.cursor ?? null)).toEqual([null, 'c1']);
    expect(pages[0]!.query.limit).toBe('25');
  });

  it('filters by kind on the server and keeps the filter in the URL', async () => {
    const server = serveSignals();
    const user = userEvent.setup();
    open();
    await within(card()).findByRole('table');
    await user.selectOptions(within(card()).getByRole('combobox', { name: 'Kind' }), 'Pasted');
    await waitFor(() => expect(listRows()).toHaveLength(1));
    expect(listRows()[0]).toHaveTextContent('Pasted');
    expect(server.sent.filter((r) => r.path.endsWith('/quality/signals')).at(-1)!.query).toMatchObject({ kind: 'pasted' });
    expect(currentLocation()).toBe('/manage/projects/p1/quality?flagKind=pasted');
    await user.selectOptions(within(card()).getByRole('combobox', { name: 'Kind' }), 'Straight-lining');
    expect(await within(card()).findByText('No flagged annotation matches these filters.')).toBeInTheDocument();
  });

  it("shows one annotator's flagged annotations when the URL names them, with their count, and everyone's again on request", async () => {
    const server = serveSignals();
    const user = userEvent.setup();
    open('/manage/projects/p1/quality?flagAnnotator=u2');
    await within(card()).findByRole('table');
    expect(listRows()).toHaveLength(1);
    expect(server.sent.filter((r) => r.path.endsWith('/quality/signals')).at(-1)!.query).toMatchObject({ annotatorId: 'u2' });
    expect(within(card()).getByText(/^Only/)).toHaveTextContent('Only annotator-bb (5 of 12 annotations flagged)');
    await user.click(within(card()).getByRole('button', { name: 'Show every annotator' }));
    await waitFor(() => expect(listRows()).toHaveLength(2));
    expect(currentLocation()).toBe('/manage/projects/p1/quality');
  });

  it('lets a manager change the thresholds: labelled fields checked while typing, shares sent as fractions, Saved announced', async () => {
    const server = serveSignals();
    const user = userEvent.setup();
    open();
    await user.click(await within(card()).findByRole('button', { name: 'Change thresholds' }));
    expect(within(card()).getByRole('button', { name: 'Close the thresholds form' })).toHaveAttribute('aria-expanded', 'true');
    const form = within(card()).getByRole('form', { name: 'Signal thresholds' });
    const ratio = within(form).getByRole('spinbutton', { name: 'Time under (% of the medians)' });
    expect(ratio).toHaveValue(25);
    await user.clear(ratio);
    await user.type(ratio, '0');
    expect(ratio).toHaveAttribute('aria-invalid', 'true');
    expect(ratio).toHaveAccessibleDescription('A percentage above 0 and up to 100');
    expect(within(form).getByRole('button', { name: 'Save thresholds' })).toBeDisabled();
    const alpha = within(form).getByRole('spinbutton', { name: 'Binomial p under' });
    await user.clear(alpha);
    await user.type(alpha, '1');
    expect(alpha).toHaveAccessibleDescription('A number above 0 and below 1, e.g. 0.001');

    await user.clear(ratio);
    await user.type(ratio, '10');
    await user.clear(alpha);
    await user.type(alpha, '0.01');
    await user.click(within(form).getByRole('checkbox', { name: "Use the quality gate's streak" }));
    const streak = within(form).getByRole('spinbutton', { name: 'Gold items missed in a row' });
    await user.clear(streak);
    await user.type(streak, '4');
    await user.click(within(form).getByRole('button', { name: 'Save thresholds' }));
    expect(await within(form).findByRole('status')).toHaveTextContent('Saved.');
    const put = server.sent.find((r) => r.method === 'PUT')!;
    expect(put.body).toEqual({
      tooFastRatio: 0.1,
      tooFastMinOthers: 3,
      pastedShare: 0.5,
      duplicateJaccard: 0.8,
      duplicateMinWords: 20,
      straightShare: 0.9,
      straightAlpha: 0.01,
      straightMinN: 20,
      goldFailStreak: 4,
    });
    // The sentences follow what the server now holds, and the list is asked for again.
    expect(await within(card()).findByText(/^Under 10% of the item's median time/)).toBeInTheDocument();
    expect(within(card()).getByText('4 gold items or more missed in a row.')).toBeInTheDocument();
    expect(within(card()).getByRole('heading', { name: 'Thresholds in force' })).toBeInTheDocument();
    await waitFor(() => expect(server.sent.filter((r) => r.path.endsWith('/quality/signals')).length).toBeGreaterThan(1));
  });

  it("shows the server's 400 beside the field it names", async () => {
    serveSignals((body) =>
      body.straightMinN === 7
        ? { status: 400, body: { error: { code: 'invalid', message: 'straightMinN must be an integer from 1 to 100000', field: 'straightMinN' } } }
        : { status: 200, body: { ...POLICY, ...body } },
    );
    const user = userEvent.setup();
    open();
    await user.click(await within(card()).findByRole('button', { name: 'Change thresholds' }));
    const form = within(card()).getByRole('form', { name: 'Signal thresholds' });
    const minN = within(form).getByRole('spinbutton', { name: 'Answers at least' });
    await user.clear(minN);
    await user.type(minN, '7');
    await user.click(within(form).getByRole('button', { name: 'Save thresholds' }));
    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('straightMinN must be an integer from 1 to 100000');
    expect(minN).toHaveAttribute('aria-invalid', 'true');
    expect(minN).toHaveAccessibleDescription('straightMinN must be an integer from 1 to 100000');
    expect(within(form).getByRole('status')).not.toHaveTextContent('Saved.');
  });

  it('shows a reviewer the thresholds and the list, with nothing to change them', async () => {
    serveSignals();
    open('/manage/projects/p1/quality', { ...MANAGER, role: 'reviewer' });
    await within(card()).findByRole('table');
    expect(within(card()).getAllByRole('term')).toHaveLength(5);
    expect(within(card()).queryByRole('button', { name: 'Change thresholds' })).toBeNull();
  });
});
