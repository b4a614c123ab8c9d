import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, Link, RouterProvider } from 'react-router';
import { queryKeys, useProject } from '../../../api/queries';
import type { Project } from '../../../api/types';
import { fakeServer } from '../../admin/fakeApi';
import { ADMIN } from '../../admin/testing';
import { SettingsTab } from './SettingsTab';

vi.mock('../../../api/client', async () => (await import('../../admin/fakeApi')).clientModuleForTests());

afterEach(() => vi.unstubAllGlobals());

const PROJECT: Project = {
  id: 'p1',
  name: 'Tone',
  description: 'Sentiment of replies',
  status: 'active',
  schemaVersion: 1,
  guidelineVersion: 1,
  overlapK: 2,
  goldRate: 0.1,
  goldFeedback: 'audit',
  leaseSeconds: 1800,
  priority: 0,
  vendors: [],
  qualityGate: { enabled: true, floor: 0.6, chance: null },
  kind: 'production',
  domain: null,
  minSkill: 0,
  overlapMode: 'fixed',
  overlapKMax: 5,
  overlapTau: 0.9,
  excludePaused: false,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};

type Answer = { status: number; body?: unknown };

/** A server holding one project and its review policy; PATCH merges as the real one does unless `refuse` answers. */
function serve({ refuse }: { refuse?: (body: Record<string, unknown>) => Answer | undefined } = {}) {
  let project: Project = { ...PROJECT };
  let policy = { projectId: 'p1', sampleRate: 0, firstN: 0, flagged: false, lowConfidence: null as number | null, gold: false, updatedAt: null as string | null };
  let edits = 0;
  const server = fakeServer({
    'GET /api/v1/projects/p1': () => ({ status: 200, body: project }),
    'PATCH /api/v1/projects/p1': ({ body }) => {
      const patch = body as Record<string, unknown>;
      const refused = refuse?.(patch);
      if (refused) return refused;
      const gate = { ...project.qualityGate!, ...(patch.qualityGate as object | undefined) };
      project = { ...project, ...(patch as Partial<Project>), qualityGate: gate, updatedAt: `2026-11-02T00:00:0${++edits}.000Z` };
      return { status: 200, body: project };
    },
    'GET /api/v1/projects/p1/review-policy': () => ({ status: 200, body: policy }),
    // The Settings section reads only the schema's chance rate from the gates view.
    'GET /api/v1/projects/p1/quality/gates': () => ({ status: 200, body: { projectId: 'p1', policy: project.qualityGate, rule: { schemaChance: 0.25 }, paused: [], events: [] } }),
    'PUT /api/v1/projects/p1/review-policy': ({ body }) => {
      const refused = refuse?.(body as Record<string, unknown>);
      if (refused) return refused;
      policy = { ...policy, ...(body as object), updatedAt: '2026-11-02T00:00:00.000Z' };
      return { status: 200, body: policy };
    },
    'GET /api/v1/vendors': () => ({
      status: 200,
      body: {
        items: [
          { id: 'v1', name: 'In-house', kind: 'in_house', createdAt: '2026-01-01T00:00:00.000Z' },
          { id: 'v2', name: 'CrowdCo', kind: 'crowd', createdAt: '2026-01-01T00:00:00.000Z' },
        ],
        nextCursor: null,
      },
    }),
  });
  return server;
}

/** The tab as the project page mounts it: with the project as the server holds it now, in a data router (the form
 * asks before leaving), with a link to another page. */
function Harness() {
  const project = useProject('p1');
  return (
    <>
      <Link to="/elsewhere">Overview</Link>
      {project.data ? <SettingsTab project={project.data} /> : null}
    </>
  );
}

function renderTab() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  queryClient.setQueryData(queryKeys.me, ADMIN);
  const router = createMemoryRouter(
    [
      { path: '/', element: <Harness /> },
      { path: '/elsewhere', element: <p>Somewhere else</p> },
    ],
    { initialEntries: ['/'] },
  );
  return render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

const sectionOf = async (title: string) => screen.findByRole('region', { name: title }, { timeout: 5000 });
const sent = (server: ReturnType<typeof fakeServer>, method: string, path = '/api/v1/projects/p1') =>
  server.sent.filter((r) => r.method === method && r.path === path).map((r) => r.body);
const saveButton = () => screen.getByRole('button', { name: /^(Save changes|Saving…)$/ });
const barText = () => screen.getByRole('button', { name: 'Discard changes' }).closest('.settings-save-bar')!.querySelector('[role="status"]')!;

describe('SettingsTab', () => {
  it('has one Save for the whole page, and none per section', async () => {
    serve();
    renderTab();
    await sectionOf('Review');
    expect(screen.getAllByRole('button', { name: /save/i })).toEqual([saveButton()]);
    expect(saveButton()).toBeDisabled();
    expect(barText()).toHaveTextContent('No unsaved changes.');
  });

  it('says the quality gate in words as it is typed and saves only the gate', async () => {
    const server = serve();
    const user = userEvent.setup();
    renderTab();
    const gate = await sectionOf('Quality gate');
    expect(await within(gate).findByText(/than from 65% accuracy/)).toBeInTheDocument();
    expect(gate).toHaveTextContent(/right 25% of the time/);
    expect(within(gate).getByLabelText('Chance of a right guess (%)')).toHaveValue(null);
    expect(gate).toHaveTextContent("Leave empty to take it from the schema (the schema's options: 25%)");

    await user.clear(within(gate).getByLabelText('Accuracy floor (%)'));
    await user.type(within(gate).getByLabelText('Accuracy floor (%)'), '70');
    await user.type(within(gate).getByLabelText('Chance of a right guess (%)'), '50');
    expect(gate).toHaveTextContent(/right 50% of the time\) than from 75% accuracy/);
    expect(gate).toHaveTextContent(/short of 95%/);
    expect(within(gate).getByText('Unsaved')).toBeInTheDocument();
    expect(barText()).toHaveTextContent('Unsaved changes in Quality gate.');

    await user.click(saveButton());
    expect(await screen.findByText('Saved Quality gate.')).toBeInTheDocument();
    expect(sent(server, 'PATCH')).toEqual([{ qualityGate: { enabled: true, floor: 0.7, chance: 0.5 } }]);
    expect(within(gate).queryByText('Unsaved')).toBeNull();
  });

  it('saves two sections of the project in one PATCH and the review policy after it, with one click', async () => {
    const server = serve();
    const user = userEvent.setup();
    renderTab();
    const general = await sectionOf('General');
    await user.clear(within(general).getByLabelText('Name'));
    await user.type(within(general).getByLabelText('Name'), 'Tone, second round');
    const results = await sectionOf('Results');
    await user.click(within(results).getByRole('checkbox', { name: "Leave paused annotators' annotations out of results and exports" }));
    expect(results).toHaveTextContent('leave out the annotations of annotators the quality gate has paused');
    const review = await sectionOf('Review');
    await user.click(within(review).getByRole('checkbox', { name: 'Review every annotation of a flagged item' }));
    await user.click(within(review).getByRole('checkbox', { name: /Send gold items to review too/ }));
    expect(within(review).getByText(/Gold items are among them, shown with their gold answers\./)).toBeInTheDocument();
    expect(barText()).toHaveTextContent('Unsaved changes in General, Results and Review.');

    await user.click(saveButton());
    await screen.findByText('Saved General, Results and Review.');
    expect(sent(server, 'PATCH')).toEqual([{ name: 'Tone, second round', description: 'Sentiment of replies', status: 'active', goldRate: 0.1, goldFeedback: 'audit', leaseSeconds: 1800, priority: 0, excludePaused: true }]);
    expect(sent(server, 'PUT', '/api/v1/projects/p1/review-policy')).toEqual([{ sampleRate: 0, firstN: 0, flagged: true, lowConfidence: null, gold: true }]);
    expect(within(general).getByLabelText('Name')).toHaveValue('Tone, second round');
    expect(saveButton()).toBeDisabled();
  });

  it('Discard puts every section back to what the server holds', async () => {
    const server = serve();
    const user = userEvent.setup();
    renderTab();
    const general = await sectionOf('General');
    await user.clear(within(general).getByLabelText('Name'));
    await user.type(within(general).getByLabelText('Name'), 'Other');
    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(within(general).getByLabelText('Name')).toHaveValue('Tone');
    expect(barText()).toHaveTextContent('No unsaved changes.');
    expect(server.sent.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('an edit typed back to the saved value leaves nothing unsaved', async () => {
    serve();
    const user = userEvent.setup();
    renderTab();
    const overlap = await sectionOf('Overlap');
    const k = within(overlap).getByLabelText('Judgments per item (k)');
    await user.clear(k);
    await user.type(k, '3');
    expect(barText()).toHaveTextContent('Unsaved changes in Overlap.');
    await user.clear(k);
    await user.type(k, '2');
    expect(barText()).toHaveTextContent('No unsaved changes.');
  });

  it('saves from the keyboard: Enter in a field submits the form', async () => {
    const server = serve();
    const user = userEvent.setup();
    renderTab();
    const general = await sectionOf('General');
    await user.click(within(general).getByLabelText('Gold rate (%)'));
    await user.keyboard('{Control>}a{/Control}0{Enter}');
    await waitFor(() => expect(sent(server, 'PATCH')).toHaveLength(1));
    expect(sent(server, 'PATCH')[0]).toMatchObject({ name: 'Tone', goldRate: 0, leaseSeconds: 1800, status: 'active' });
    expect(within(general).getByLabelText('Gold rate (%)')).toHaveFocus();
  });

  it('sends nothing while a changed section does not parse, says where, and focuses the field', async () => {
    const server = serve();
    const user = userEvent.setup();
    renderTab();
    const general = await sectionOf('General');
    await user.clear(within(general).getByLabelText('Name'));
    await user.type(within(general).getByLabelText('Name'), 'Renamed');
    const overlap = await sectionOf('Overlap');
    await user.click(within(overlap).getByRole('radio', { name: /Adaptive/ }));
    const kMax = within(overlap).getByLabelText('Most judgments (k max)');
    await user.clear(kMax);
    await user.type(kMax, '1');
    expect(kMax).toHaveAccessibleDescription('At least the starting judgments (2)');
    await user.click(saveButton());
    expect(barText()).toHaveTextContent('Nothing was saved: correct the marked field in Overlap first.');
    await waitFor(() => expect(kMax).toHaveFocus());
    expect(server.sent.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('shows k max and τ only for adaptive overlap, and sends them with the mode', async () => {
    const server = serve();
    const user = userEvent.setup();
    renderTab();
    const overlap = await sectionOf('Overlap');
    expect(overlap).toHaveTextContent('Every item gets 2 judgments, each from a different annotator.');
    expect(within(overlap).getByLabelText('Judgments per item (k)')).toHaveValue(2);
    expect(within(overlap).queryByLabelText('Most judgments (k max)')).toBeNull();
    expect(within(overlap).queryByLabelText(/τ/)).toBeNull();

    await user.click(within(overlap).getByRole('radio', { name: /Adaptive/ }));
    expect(within(overlap).getByLabelText('Starting judgments (k)')).toHaveValue(2);
    const kMax = within(overlap).getByLabelText('Most judgments (k max)');
    await user.clear(kMax);
    await user.type(kMax, '6');
    const tau = within(overlap).getByLabelText('Confidence to stop at (τ, %)');
    await user.clear(tau);
    await user.type(tau, '95');
    expect(overlap).toHaveTextContent('Every item starts with 2 judgments; while the confidence of its aggregated answer stays under 95%, it gets one more, up to 6 judgments in all.');
    await user.click(saveButton());
    await screen.findByText('Saved Overlap.');
    expect(sent(server, 'PATCH')).toEqual([{ overlapMode: 'adaptive', overlapK: 2, overlapKMax: 6, overlapTau: 0.95 }]);
  });

  it("shows the server's refusal at the field it names, and says nothing was saved", async () => {
    const server = serve({ refuse: (body) => ('domain' in body ? { status: 400, body: { error: { code: 'invalid', message: 'domain must be a lowercase path such as medicine/cardiology', field: 'domain' } } } : undefined) });
    const user = userEvent.setup();
    renderTab();
    const routing = await sectionOf('Routing');
    const domain = within(routing).getByLabelText('Required domain');
    await user.type(domain, 'medicine/cardiology');
    const review = await sectionOf('Review');
    await user.click(within(review).getByRole('checkbox', { name: 'Review every annotation of a flagged item' }));
    await user.click(saveButton());
    expect(await within(routing).findByRole('alert')).toHaveTextContent('domain must be a lowercase path such as medicine/cardiology');
    expect(domain).toHaveAttribute('aria-invalid', 'true');
    expect(domain).toHaveAccessibleDescription('domain must be a lowercase path such as medicine/cardiology');
    expect(barText()).toHaveTextContent('Nothing was saved. Routing: domain must be a lowercase path such as medicine/cardiology. Your changes are still here.');
    // The project's PATCH failed, so the review policy was never sent.
    expect(sent(server, 'PUT', '/api/v1/projects/p1/review-policy')).toEqual([]);
    expect(barText()).not.toHaveTextContent('Unsaved');
    expect(within(routing).getByText('Unsaved')).toBeInTheDocument();
  });

  it('says plainly when the project saved but the review policy did not, and keeps the review edits', async () => {
    const server = serve({ refuse: (body) => ('firstN' in body ? { status: 400, body: { error: { code: 'invalid', message: 'firstN is too large', field: 'firstN' } } } : undefined) });
    const user = userEvent.setup();
    renderTab();
    const results = await sectionOf('Results');
    await user.click(within(results).getByRole('checkbox', { name: "Leave paused annotators' annotations out of results and exports" }));
    const review = await sectionOf('Review');
    const first = within(review).getByLabelText('First annotations per annotator');
    await user.clear(first);
    await user.type(first, '9');
    await user.click(saveButton());
    expect(await within(review).findByRole('alert')).toHaveTextContent('firstN is too large');
    expect(barText()).toHaveTextContent('Saved Results, but not Review: firstN is too large. Its changes are still here.');
    expect(sent(server, 'PATCH')).toEqual([{ excludePaused: true }]);
    expect(first).toHaveValue(9);
    expect(within(results).queryByText('Unsaved')).toBeNull();
    expect(within(review).getByText('Unsaved')).toBeInTheDocument();
  });

  it('asks before leaving for another page with unsaved changes, and stays when asked to', async () => {
    serve();
    const user = userEvent.setup();
    renderTab();
    const general = await sectionOf('General');
    await user.type(within(general).getByLabelText('Description'), ' and more');
    await user.click(screen.getByRole('link', { name: 'Overview' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Leave without saving?' });
    expect(dialog).toHaveTextContent('Your changes to General are not saved.');
    await user.click(within(dialog).getByRole('button', { name: 'Stay on Settings' }));
    expect(within(general).getByLabelText('Description')).toHaveValue('Sentiment of replies and more');
    await user.click(screen.getByRole('link', { name: 'Overview' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Leave without saving' }));
    expect(await screen.findByText('Somewhere else')).toBeInTheDocument();
  });

  it('warns the browser before the tab closes with unsaved changes, and not otherwise', async () => {
    serve();
    const user = userEvent.setup();
    renderTab();
    const general = await sectionOf('General');
    const unload = () => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(unload()).toBe(false);
    await user.type(within(general).getByLabelText('Description'), '!');
    expect(unload()).toBe(true);
  });

  it('sends the domain and the minimum skill as a share, and checks the domain while typing', async () => {
    const server = serve();
    const user = userEvent.setup();
    renderTab();
    const routing = await sectionOf('Routing');
    expect(routing).toHaveTextContent('Any annotator may be served this project');
    await user.type(within(routing).getByLabelText('Required domain'), 'Medicine');
    expect(within(routing).getByLabelText('Required domain')).toHaveAttribute('aria-invalid', 'true');
    await user.clear(within(routing).getByLabelText('Required domain'));
    await user.type(within(routing).getByLabelText('Required domain'), 'medicine/cardiology');
    await user.clear(within(routing).getByLabelText('Minimum measured skill (%)'));
    await user.type(within(routing).getByLabelText('Minimum measured skill (%)'), '70');
    expect(routing).toHaveTextContent('Only annotators whose profile includes medicine/cardiology (or a field under it, such as medicine/cardiology/…) and whose skill measured there is at least 70% are served this project.');
    await user.click(saveButton());
    await screen.findByText('Saved Routing.');
    expect(sent(server, 'PATCH')).toEqual([{ domain: 'medicine/cardiology', minSkill: 0.7 }]);
  });

  it('restricts the project to ticked vendors with caps, and maps a refused cap back to its vendor', async () => {
    const server = serve({
      refuse: (body) => {
        const vendors = body.vendors as { quotaShare: number | null }[] | undefined;
        return vendors?.[1]?.quotaShare === 0.5 ? { status: 400, body: { error: { code: 'invalid', message: 'quotaShare is too high for this project', field: 'vendors[1].quotaShare' } } } : undefined;
      },
    });
    const user = userEvent.setup();
    renderTab();
    const vendors = await sectionOf('Vendors');
    const crowdShare = await within(vendors).findByLabelText('Most share of judgments for CrowdCo (%)');
    expect(crowdShare).toBeDisabled();
    await user.click(within(vendors).getByRole('radio', { name: /Only annotators of the vendors ticked below/ }));
    await user.click(within(vendors).getByRole('checkbox', { name: 'In-house' }));
    await user.click(within(vendors).getByRole('checkbox', { name: 'CrowdCo' }));
    await user.type(within(vendors).getByLabelText('Most tasks for In-house'), '100');
    await user.type(crowdShare, '50');
    expect(within(vendors).getByRole('row', { name: /CrowdCo/ })).toHaveTextContent('at most 50% of the judgments');
    await user.click(saveButton());
    expect(await within(vendors).findByRole('alert')).toHaveTextContent('quotaShare is too high for this project');
    expect(crowdShare).toHaveAttribute('aria-invalid', 'true');

    await user.clear(crowdShare);
    await user.type(crowdShare, '25');
    await user.click(saveButton());
    await screen.findByText('Saved Vendors.');
    expect(sent(server, 'PATCH').at(-1)).toEqual({
      vendors: [
        { vendorId: 'v1', enabled: true, quotaTasks: 100, quotaShare: null },
        { vendorId: 'v2', enabled: true, quotaTasks: null, quotaShare: 0.25 },
      ],
    });
  });

  it('sets the review policy through its own resource, with the low-confidence rule off as null', async () => {
    const server = serve();
    const user = userEvent.setup();
    renderTab();
    const review = await sectionOf('Review');
    expect(review).toHaveTextContent('Nothing goes to review: turn on at least one rule below.');
    await user.clear(within(review).getByLabelText('First annotations per annotator'));
    await user.type(within(review).getByLabelText('First annotations per annotator'), '2');
    await user.click(within(review).getByRole('checkbox', { name: 'Review every annotation of a flagged item' }));
    expect(review).toHaveTextContent("Reviewers are handed each annotator's first 2 annotations and every annotation of a flagged item, never their own work.");
    await user.click(saveButton());
    await screen.findByText('Saved Review.');
    expect(sent(server, 'PUT', '/api/v1/projects/p1/review-policy')).toEqual([{ sampleRate: 0, firstN: 2, flagged: true, lowConfidence: null, gold: false }]);

    await user.click(within(review).getByRole('checkbox', { name: /not confident enough/ }));
    const under = within(review).getByLabelText('Confidence under (%)');
    await user.clear(under);
    await user.type(under, '75');
    await user.click(saveButton());
    await waitFor(() => expect(sent(server, 'PUT', '/api/v1/projects/p1/review-policy')).toHaveLength(2));
    expect(sent(server, 'PUT', '/api/v1/projects/p1/review-policy')[1]).toEqual({ sampleRate: 0, firstN: 2, flagged: true, lowConfidence: 0.75, gold: false });
    expect(sent(server, 'PATCH')).toEqual([]);
  });
});
