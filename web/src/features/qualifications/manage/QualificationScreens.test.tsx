import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import { fakeServer } from '../../admin/fakeApi';
import { renderWithApp } from '../../admin/testing';
import type { AttemptRecord, Qualification } from '../types';
import { NewQualificationPage } from './NewQualificationPage';
import { QualificationPage } from './QualificationPage';
import { QualificationsPage } from './QualificationsPage';

vi.mock('../../../api/client', async () => (await import('../../admin/fakeApi')).clientModuleForTests());

afterEach(() => vi.unstubAllGlobals());

const MEDICINE: Qualification = {
  id: 'q1',
  name: 'Medicine basics',
  description: 'Triage vocabulary',
  domain: 'medicine',
  passMark: 2 / 3,
  attemptSize: 3,
  cooldownSeconds: 86_400,
  goldItems: 6,
  createdAt: '2025-03-01T00:00:00.000Z',
};
const LAW: Qualification = { ...MEDICINE, id: 'q2', name: 'Contract law', description: '', domain: 'law/contracts', passMark: 0.9, attemptSize: 10, goldItems: 4 };

const PROJECT_ROW = (q: Qualification, status: string) => ({ id: q.id, name: q.name, description: q.description, status, schemaVersion: 1, guidelineVersion: 1, kind: 'qualification', goldFeedback: 'feedback' });

/** Beta(1 + 3, 1 + 0) for 3 of 3: mean 4/5, 95% interval from 0.025^(1/4) = 0.3976 to 0.975^(1/4) = 0.9937. */
const PASSED: AttemptRecord = {
  id: 'a1',
  qualificationId: 'q1',
  status: 'passed',
  size: 3,
  answered: 3,
  correct: 3,
  startedAt: '2025-03-04T09:00:00.000Z',
  finishedAt: '2025-03-04T09:05:00.000Z',
  retakeAt: null,
  annotatorId: 'u1',
  annotatorName: 'Ana Annotator',
  vendorId: 'v1',
  passed: true,
  accuracy: { n: 3, correct: 3, rate: 1, lower: 0.4385, upper: 1 },
};
/** 1 of 3: the share 1/3 with its Wilson 95% interval 0.0615–0.7923 (by hand, z = 1.96). */
const FAILED: AttemptRecord = {
  ...PASSED,
  id: 'a2',
  status: 'failed',
  correct: 1,
  annotatorId: 'u2',
  annotatorName: 'Ben Annotator',
  vendorId: 'v2',
  passed: false,
  retakeAt: '2025-03-05T09:05:00.000Z',
  accuracy: { n: 3, correct: 1, rate: 1 / 3, lower: 0.0615, upper: 0.7923 },
};
const OPEN: AttemptRecord = {
  ...PASSED,
  id: 'a3',
  status: 'open',
  answered: 1,
  correct: 1,
  finishedAt: null,
  annotatorId: 'u3',
  annotatorName: 'Cai Annotator',
  vendorId: null,
  passed: null,
  accuracy: { n: 1, correct: 1, rate: 1, lower: 0.2065, upper: 1 },
};
const VENDORS = { items: [{ id: 'v1', name: 'In-house' }, { id: 'v2', name: 'Crowd Co' }], nextCursor: null };

function Where() {
  const l = useLocation();
  return <output data-testid="where">{l.pathname}</output>;
}

function renderAt(path: string) {
  return renderWithApp(
    <>
      <Routes>
        <Route path="/qualifications" element={<QualificationsPage />} />
        <Route path="/qualifications/new" element={<NewQualificationPage />} />
        <Route path="/qualifications/:qualificationId/*" element={<QualificationPage />} />
      </Routes>
      <Where />
    </>,
    { path },
  );
}

const ok = (body: unknown) => () => ({ status: 200, body });

/** What the qualification's page reads: the qualification, its project row, its attempts and the vendors. */
const pageRoutes = (q: Qualification, attempts: AttemptRecord[]) => ({
  [`GET /api/v1/qualifications/${q.id}`]: ok(q),
  [`GET /api/v1/projects/${q.id}`]: ok(PROJECT_ROW(q, 'active')),
  [`GET /api/v1/qualifications/${q.id}/attempts`]: ok({ items: attempts }),
  'GET /api/v1/vendors': ok(VENDORS),
});

type User = ReturnType<typeof userEvent.setup>;

/** Replaces what the field labelled `label` holds with `text`. */
async function retype(user: User, label: string, text: string) {
  await user.clear(screen.getByLabelText(label));
  await user.type(screen.getByLabelText(label), text);
}

/** Types the name and domain, the two fields the form starts without. */
async function typeNameAndDomain(user: User) {
  await user.type(screen.getByLabelText('Name'), 'Medicine basics');
  await user.type(screen.getByLabelText('Domain'), 'medicine');
}

/** Pastes `schema` into the schema builder's JSON tab. */
async function pasteSchema(user: User, schema: unknown) {
  await user.click(screen.getByRole('tab', { name: 'JSON' }));
  const json = screen.getByLabelText('Task schema (JSON)');
  await user.clear(json);
  await user.click(json);
  await user.paste(JSON.stringify(schema));
}

describe('QualificationsPage', () => {
  it('lists each qualification with its domain, status, settings, pool and attempts, and warns where the pool is short', async () => {
    fakeServer({
      'GET /api/v1/qualifications': ok({ items: [MEDICINE, LAW] }),
      'GET /api/v1/projects': ok({ items: [PROJECT_ROW(MEDICINE, 'active'), PROJECT_ROW(LAW, 'draft')], nextCursor: null }),
      'GET /api/v1/qualifications/q1/attempts': ok({ items: [OPEN, FAILED, PASSED] }),
      'GET /api/v1/qualifications/q2/attempts': ok({ items: [] }),
    });
    renderAt('/qualifications');
    const table = await screen.findByRole('table', { name: /Qualifications/ });
    const row = (name: string) => within(table).getByRole('link', { name }).closest('tr')!;
    await waitFor(() => expect(row('Medicine basics')).toHaveTextContent('1 / 3'));
    const cells = (name: string) => within(row(name)).getAllByRole('cell').map((c) => c.textContent);
    expect(cells('Medicine basics')).toEqual(['medicine', 'Open', '66.7%', '3', '6', '24 h', '1 / 3']);
    await waitFor(() => expect(cells('Contract law')[1]).toBe('Draft'));
    expect(cells('Contract law')).toEqual(['law/contracts', 'Draft', '90%', '10', '4fewer than an attempt takes', '24 h', '0 / 0']);
    expect(within(table).getByRole('link', { name: 'Medicine basics' })).toHaveAttribute('href', '/qualifications/q1');
    expect(screen.getByRole('link', { name: 'New qualification' })).toHaveAttribute('href', '/qualifications/new');
  });
});

describe('NewQualificationPage', () => {
  const schema = {
    questions: [{ id: 'triage', type: 'label', prompt: 'How urgent?', required: true, field: 'text', options: [{ value: 'now', label: 'Now' }, { value: 'later', label: 'Later' }] }],
  };

  it('names each missing or wrong field and sends nothing until they are right', async () => {
    const { sent } = fakeServer({});
    const user = userEvent.setup();
    renderAt('/qualifications/new');
    await retype(user, 'Pass mark (%)', '150');
    await user.click(screen.getByRole('button', { name: 'Create qualification' }));
    expect(screen.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('A name is needed');
    expect(screen.getByLabelText('Domain')).toHaveAccessibleDescription('A lowercase path such as medicine or medicine/cardiology');
    expect(screen.getByLabelText('Pass mark (%)')).toHaveAccessibleDescription('A percentage from 0 to 100');
    expect(screen.getByRole('alert')).toHaveTextContent('The qualification needs valid settings and a valid schema first.');
    expect(sent).toEqual([]);
  });

  it('creates it from the settings, the schema (JSON tab) and the guidelines in one call, then opens its gold-items tab', async () => {
    const { sent } = fakeServer({
      'POST /api/v1/qualifications': ({ body }) => ({ status: 201, body: { ...MEDICINE, ...(body as object), id: 'q9', goldItems: 0, cooldownSeconds: 43_200 } }),
      'GET /api/v1/qualifications/q9': ok({ ...MEDICINE, id: 'q9', goldItems: 0 }),
      'GET /api/v1/projects/q9': ok(PROJECT_ROW({ ...MEDICINE, id: 'q9' }, 'active')),
    });
    const user = userEvent.setup();
    renderAt('/qualifications/new');
    await typeNameAndDomain(user);
    await retype(user, 'Pass mark (%)', '66.7');
    await retype(user, 'Items per attempt', '3');
    await retype(user, 'Cooldown (hours)', '12');
    // The radio group from the keyboard: Tab into it, an arrow moves to Feedback.
    screen.getByRole('radio', { name: /Audit/ }).focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('radio', { name: /Feedback/ })).toBeChecked();
    await pasteSchema(user, schema);
    await user.click(screen.getByRole('button', { name: 'Create qualification' }));

    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent('/qualifications/q9/items'));
    const post = sent.find((r) => r.method === 'POST' && r.path === '/api/v1/qualifications')!;
    expect(post.body).toEqual({
      name: 'Medicine basics',
      domain: 'medicine',
      passMark: 0.667,
      attemptSize: 3,
      cooldownHours: 12,
      goldFeedback: 'feedback',
      schema,
      guidelines: expect.stringContaining('# Qualification'),
    });
    expect(await screen.findByText('Qualification created. Now import its gold items.')).toHaveAttribute('role', 'status');
    expect(await screen.findByLabelText('Items file')).toBeInTheDocument();
  });

  it('shows a refusal at the field the server names', async () => {
    fakeServer({
      'POST /api/v1/qualifications': () => ({ status: 400, body: { error: { code: 'invalid', message: 'passMark must be within 0..1', field: 'passMark' } } }),
    });
    const user = userEvent.setup();
    renderAt('/qualifications/new');
    await typeNameAndDomain(user);
    await pasteSchema(user, schema);
    await user.click(screen.getByRole('button', { name: 'Create qualification' }));
    await waitFor(() => expect(screen.getByLabelText('Pass mark (%)')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByLabelText('Pass mark (%)')).toHaveAccessibleDescription('passMark must be within 0..1');
    expect(screen.getByTestId('where')).toHaveTextContent('/qualifications/new');
  });
});

describe('QualificationPage', () => {
  it('shows the settings and the attempts table: annotator, vendor, answered, correct, result and accuracy with its interval', async () => {
    fakeServer(pageRoutes(MEDICINE, [OPEN, FAILED, PASSED]));
    renderAt('/qualifications/q1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Medicine basics' })).toBeInTheDocument();
    const settings = within(screen.getByLabelText('Settings'));
    expect(settings.getByText('Pass mark').nextSibling).toHaveTextContent('66.7%');
    expect(settings.getByText('Feedback mode').nextSibling).toHaveTextContent('Feedback');
    const table = await screen.findByRole('table', { name: /Attempts at this qualification/ });
    await waitFor(() => expect(table).toHaveTextContent('Crowd Co'));
    const rows = within(table).getAllByRole('row').slice(1);
    const texts = rows.map((r) => [within(r).getByRole('rowheader').textContent, ...within(r).getAllByRole('cell').map((c) => c.textContent)]);
    expect(texts.map((t) => [t[0], t[1], t[3], t[4], t[5]])).toEqual([
      ['Cai Annotator', 'none', '1 of 3', '1', 'In progress'],
      ['Ben Annotator', 'Crowd Co', '3 of 3', '1', expect.stringMatching(/^Failedretake from /)],
      ['Ana Annotator', 'In-house', '3 of 3', '3', 'Passed'],
    ]);
    expect(texts[2]![6]).toBe('100% (44–100%)3 of 3');
    expect(texts[1]![6]).toBe('33.3% (6–79%)1 of 3');
    expect(screen.getByText(/3 attempts: 1 passed, 1 failed, 1 in progress/)).toBeInTheDocument();
    expect(screen.queryByRole('note')).toBeNull();
    expect(screen.getByRole('link', { name: 'Gold items' })).toHaveAttribute('href', '/qualifications/q1/items');
  });

  it('says annotators cannot start while the pool is smaller than an attempt, with the way to import', async () => {
    fakeServer(pageRoutes(LAW, []));
    renderAt('/qualifications/q2');
    const note = await screen.findByRole('note');
    expect(note).toHaveTextContent('Only 4 gold items: an attempt takes 10, so annotators cannot start it until there are at least that many.');
    expect(within(note).getByRole('link', { name: 'Import gold items' })).toHaveAttribute('href', '/qualifications/q2/items');
    expect(await screen.findByText(/Nobody has taken it yet/)).toBeInTheDocument();
  });
});
