/**
 * Qualifications end to end in a real browser against a real `assay serve` on a fresh SQLite file. A manager
 * creates a qualification in the domain `medicine` in the console (settings in the form, the schema in the builder's
 * JSON tab) and imports its gold items on its gold-items tab; a production project in `medicine` asking for a
 * measured skill of 0.6 is set up through the API. An annotator whose profile lists `medicine` signs in and finds
 * the project blocked ("Needs the … qualification", with the server's sentence), starts the qualification from the keyboard, answers its items
 * with the keyboard alone, passes, and then gets a task on the production project. The manager sees the attempt in
 * the qualification's table. axe on every screen; no request leaves the server under test.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { screenshot, signIn, unexpectedErrors, type Session } from '../support/browser.js';
import { startJourney, type ApiCaller, type Journey } from '../support/journey.js';
import { expectNoSeriousViolations } from '../support/axe.js';

const MEDIC = { email: 'mo.medic@demo.assay', name: 'Mo Medic', password: 'triage-in-a-test-42' };

/** The task schema of both the qualification and the production project. */
const SCHEMA = {
  questions: [
    {
      id: 'urgency',
      type: 'label',
      prompt: 'How urgent is this patient?',
      required: true,
      field: 'text',
      options: [
        { value: 'now', label: 'See now' },
        { value: 'soon', label: 'See today' },
        { value: 'later', label: 'Routine' },
      ],
    },
  ],
};

/** Gold items: the note, and the key (1–3, the option's place) that answers it correctly. */
const GOLD: { text: string; answer: string; key: string }[] = [
  { text: 'Crushing chest pain spreading to the left arm for 20 minutes.', answer: 'now', key: '1' },
  { text: 'Fever of 38.5 °C since this morning, drinking well.', answer: 'soon', key: '2' },
  { text: 'Asks for a repeat prescription of a statin, no complaints.', answer: 'later', key: '3' },
  { text: 'Sudden weakness of the right arm and slurred speech.', answer: 'now', key: '1' },
];

/** The page's document as the evaluated callbacks use it (the test code is compiled without DOM types). */
declare const document: { activeElement: { getAttribute(name: string): string | null } | null };

describe.skipIf(!inject('chromium'))('qualifications in the browser', () => {
  let journey: Journey;
  let manager: Session;
  let medic: Session;
  let managerApi: ApiCaller;
  let qualificationId = '';
  let projectId = '';

  beforeAll(async () => {
    journey = await startJourney({ name: 'qualification', as: 'manager@demo.assay' });
    manager = journey.session;
    managerApi = await journey.apiAs('manager@demo.assay');
    const admin = await journey.apiAs('admin@demo.assay');
    const vendors = await admin.call<{ items: { id: string; name: string }[] }>('GET', '/api/v1/vendors');
    const created = await admin.call('POST', '/api/v1/users', {
      email: MEDIC.email,
      name: MEDIC.name,
      role: 'annotator',
      password: MEDIC.password,
      vendorId: vendors.json.items[0]!.id,
      domains: ['medicine'],
      languages: ['en'],
    });
    expect(created.status).toBe(201);

    // The production project: medicine, a measured skill of at least 0.6, no hidden gold (its draw is random).
    const project = await managerApi.call<{ id: string }>('POST', '/api/v1/projects', {
      name: 'Triage notes',
      description: 'Urgency of incoming patient notes.',
      status: 'active',
      overlapK: 1,
      goldRate: 0,
      domain: 'medicine',
      minSkill: 0.6,
      schema: SCHEMA,
      guidelines: '# Triage\n\nSee now: danger to life.',
    });
    expect(project.status).toBe(201);
    projectId = project.json.id;
    const items = await managerApi.call('POST', `/api/v1/projects/${projectId}/items`, [
      { id: 'note-1', data: { text: 'Sprained ankle while running, can walk.' } },
      { id: 'note-2', data: { text: 'Short of breath at rest, lips bluish.' } },
    ]);
    expect(items.status).toBe(201);
  });
  afterAll(() => journey?.close());

  it('creates a qualification in the console and imports its gold items', async () => {
    const { page } = manager;
    await page.goto('/manage');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Qualifications' }).click();
    await page.waitForURL('**/qualifications');
    await page.getByText('No qualifications yet').waitFor();
    await expectNoSeriousViolations(page, 'qualifications list (empty)');
    await page.getByRole('link', { name: 'New qualification' }).click();
    await page.waitForURL('**/qualifications/new');

    await page.getByLabel('Name', { exact: true }).fill('Medicine: triage basics');
    await page.getByLabel('Description').fill('Three notes to rank by urgency.');
    await page.getByLabel('Domain').fill('medicine');
    await page.getByLabel('Pass mark (%)').fill('66');
    await page.getByLabel('Items per attempt').fill('3');
    await page.getByLabel('Cooldown (hours)').fill('12');
    await page.getByRole('radio', { name: /Feedback/ }).check();
    await page.getByRole('tab', { name: 'JSON' }).click();
    await page.getByLabel('Task schema (JSON)').fill(JSON.stringify(SCHEMA, null, 2));
    await page.getByText('✓ Valid: 1 question').waitFor();
    await page.getByRole('region', { name: 'Live preview' }).getByRole('radio', { name: /See now/ }).waitFor();
    await expectNoSeriousViolations(page, 'new qualification');
    await screenshot(page, 'qualification-new-1280');

    const posted = page.waitForResponse((r) => r.url().endsWith('/api/v1/qualifications') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Create qualification' }).click();
    expect((await posted).status()).toBe(201);
    await page.waitForURL(/\/qualifications\/[^/]+\/items$/);
    qualificationId = new URL(page.url()).pathname.split('/').at(-2)!;
    await page.getByText('Qualification created. Now import its gold items.').waitFor();
    await page.getByRole('note').filter({ hasText: 'No gold items yet' }).waitFor();

    const items = page.getByRole('region', { name: 'Items' });
    const jsonl = GOLD.map((g, i) => JSON.stringify({ id: `gold-${i + 1}`, data: { text: g.text }, gold: { urgency: g.answer }, gold_explanation: `Answer: ${g.answer}` })).join('\n');
    await items.getByLabel('Items file').setInputFiles({ name: 'triage-gold.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(jsonl) });
    await items.getByRole('button', { name: 'Import' }).click();
    await items.getByText('Imported 4 items with 4 gold answers.').waitFor();
    // The pool now holds more than an attempt: the warning goes, the settings count the items.
    await expect.poll(() => page.getByRole('note').filter({ hasText: 'No gold items yet' }).count()).toBe(0);
    await expect.poll(() => page.getByLabel('Settings').innerText()).toMatch(/Gold items\s+4/);
    await expectNoSeriousViolations(page, 'qualification gold items');
    await screenshot(page, 'qualification-gold-items-1280');

    const q = await managerApi.call<Record<string, unknown>>('GET', `/api/v1/qualifications/${qualificationId}`);
    expect(q.json).toMatchObject({ name: 'Medicine: triage basics', domain: 'medicine', passMark: 0.66, attemptSize: 3, cooldownSeconds: 43_200, goldItems: 4 });
  });

  it('shows the annotator the project blocked, with the way to a qualification', async () => {
    medic = await journey.openSession();
    const { page } = medic;
    await signIn(page, MEDIC.email, MEDIC.password);
    await page.waitForURL('**/annotate');
    const project = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Triage notes' }) });
    const note = project.getByRole('note');
    await note.waitFor();
    expect(await note.innerText()).toMatch(/Needs the “Medicine: triage basics” qualification/);
    expect(await note.innerText()).toMatch(/at least 60% in medicine/);
    expect(await project.getByRole('link', { name: /Start labeling/ }).count()).toBe(0);
    const qualification = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Medicine: triage basics' }) });
    await qualification.getByText('Not taken').waitFor();
    expect(await qualification.innerText()).toMatch(/Pass mark\s+66%/);
    await expectNoSeriousViolations(page, 'annotator start page, blocked');
    await screenshot(page, 'qualification-annotator-blocked-1280');

    // The link moves the keyboard to the Qualifications section.
    await note.getByRole('link', { name: 'Take “Medicine: triage basics”' }).press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('id'))).toBe('qualifications');
  });

  it('takes the qualification with the keyboard alone and passes', async () => {
    const { page } = medic;
    const start = page.getByRole('button', { name: 'Start the qualification Medicine: triage basics' });
    await start.focus();
    const started = page.waitForResponse((r) => r.url().endsWith(`/qualifications/${qualificationId}/attempts`) && r.request().method() === 'POST');
    await page.keyboard.press('Enter');
    expect((await started).status()).toBe(201);
    await page.waitForURL(`**/annotate/${qualificationId}`);

    const urgency = page.getByRole('radiogroup', { name: /How urgent/ });
    const seen: string[] = [];
    for (let n = 0; n < 3; n++) {
      await urgency.waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('radio');
      const text = await page.locator('.question').first().locator('.item-text').innerText();
      const gold = GOLD.find((g) => text.includes(g.text));
      expect(gold, text).toBeDefined();
      seen.push(gold!.text);
      if (n === 0) {
        await expectNoSeriousViolations(page, 'qualification workspace');
        await screenshot(page, 'qualification-workspace-1280');
      }
      await page.keyboard.press(gold!.key);
      await expect.poll(() => urgency.getByRole('radio', { checked: true }).count()).toBe(1);
      const submitted = page.waitForResponse((r) => r.url().includes('/submit?next=true') && r.request().method() === 'POST');
      await page.keyboard.press('Control+Enter');
      expect((await submitted).status()).toBe(201);
      if (n < 2) await expect.poll(() => page.locator('.question').first().locator('.item-text').innerText()).not.toBe(text);
    }
    expect(new Set(seen).size).toBe(3);

    // After the last item the workspace says how it went.
    await page.getByRole('heading', { name: 'Your qualification attempt is over' }).waitFor();
    expect(await page.locator('.ws-no-task').innerText()).toMatch(/You passed this qualification \(3 of 3 correct, pass mark 66%\)/);
    await expectNoSeriousViolations(page, 'qualification complete');
    await screenshot(page, 'qualification-passed-1280');
  });

  it('then starts the production project and gets a task', async () => {
    const { page } = medic;
    // The way on, focused: back to the start page's qualifications.
    const back = page.getByRole('link', { name: 'Back to your qualifications' });
    expect(await back.evaluate((a) => a === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/annotate#qualifications');
    const qualification = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Medicine: triage basics' }) });
    await qualification.getByText('Passed', { exact: true }).waitFor();
    // 3 of 3: Beta(4, 1), mean 0.8, 95% interval 0.025^(1/4) = 0.40 to 0.975^(1/4) = 0.99.
    expect(await qualification.innerText()).toContain('Your skill in medicine: 80% (95% interval 40–99%), from 3 of 3 correct');
    const project = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Triage notes' }) });
    const startLabeling = project.getByRole('link', { name: 'Start labeling in Triage notes' });
    await startLabeling.waitFor();
    expect(await project.getByRole('note').count()).toBe(0);
    await expectNoSeriousViolations(page, 'annotator start page, qualified');
    await screenshot(page, 'qualification-annotator-qualified-1280');

    await startLabeling.focus();
    const claimed = page.waitForResponse((r) => r.url().endsWith(`/projects/${projectId}/tasks/next`) && r.request().method() === 'POST');
    await page.keyboard.press('Enter');
    expect((await claimed).status()).toBe(200);
    await page.getByRole('radiogroup', { name: /How urgent/ }).waitFor();
    expect(await page.locator('.question').first().locator('.item-text').innerText()).toMatch(/Sprained ankle|Short of breath/);

    expect(medic.outside).toEqual([]);
    expect(unexpectedErrors(medic)).toEqual([]);
  });

  it('shows the manager the attempt in the list and in the qualification’s attempts table', async () => {
    const { page } = manager;
    await page.goto('/qualifications');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Medicine: triage basics' }) });
    await expect.poll(() => row.innerText()).toMatch(/medicine\s+Open\s+66%\s+3\s+4\s+12 h\s+1 \/ 1/);
    await expectNoSeriousViolations(page, 'qualifications list');
    await screenshot(page, 'qualification-list-1280');

    await row.getByRole('link', { name: 'Medicine: triage basics' }).click();
    const table = page.getByRole('table', { name: /Attempts at this qualification/ });
    await table.waitFor();
    const attempt = table.getByRole('row').filter({ hasText: MEDIC.name });
    await expect.poll(() => attempt.innerText()).toMatch(/3 of 3\s+3\s+Passed/);
    // The attempt's score, 3 of 3: 100% with its Wilson 95% interval 44–100% (the skill it granted, a posterior mean, reads 80%).
    expect(await attempt.innerText()).toContain('100% (44–100%)');
    expect(await page.getByText('1 attempt: 1 passed, 0 failed, 0 in progress.', { exact: false }).count()).toBe(1);
    await expectNoSeriousViolations(page, 'qualification attempts');
    await screenshot(page, 'qualification-attempts-1280');

  });

  it('shows the Quality tab’s annotator table with agreement with the consensus and a Paused badge', async () => {
    // A project of its own: k = 2, every claim prefers gold while a normal item is left, a gate that pauses after 2
    // gold misses in a row (the rule derived from a floor of 94% at chance 1/3; its likelihood rule starts later).
    const created = await managerApi.call<{ id: string }>('POST', '/api/v1/projects', {
      name: 'Ward notes',
      status: 'active',
      overlapK: 2,
      goldRate: 1,
      qualityGate: { enabled: true, floor: 0.94, chance: 1 / 3 },
      schema: SCHEMA,
    });
    expect(created.status).toBe(201);
    const wardId = created.json.id;
    const notes = [
      { id: 'g1', data: { text: GOLD[0]!.text }, gold: { urgency: GOLD[0]!.answer } },
      { id: 'g2', data: { text: GOLD[2]!.text }, gold: { urgency: GOLD[2]!.answer } },
      ...['Itchy rash on both forearms.', 'Twisted knee, swollen.', 'Cough for three weeks.'].map((text, i) => ({ id: `n${i + 1}`, data: { text } })),
    ];
    expect((await managerApi.call('POST', `/api/v1/projects/${wardId}/items`, notes)).status).toBe(201);
    const goldOf = new Map(GOLD.map((g) => [g.text, g.answer]));
    /** Labels everything the annotator is given: gold right (or wrong, to be paused), normal items "soon". */
    const label = async (email: string, goldRight: boolean) => {
      const { call } = await journey.apiAs(email);
      for (;;) {
        const next = await call<{ assignmentId: string; item: { data: { text: string } } }>('POST', `/api/v1/projects/${wardId}/tasks/next`, {});
        if (next.status === 409) return (next.json as unknown as { error: { details: { reason: string } } }).error.details.reason;
        const gold = goldOf.get(next.json.item.data.text);
        const urgency = gold === undefined ? 'soon' : goldRight ? gold : gold === 'now' ? 'later' : 'now';
        expect((await call('POST', `/api/v1/tasks/${next.json.assignmentId}/submit`, { answers: { urgency }, timeSpentMs: 3000 })).status).toBe(201);
      }
    };
    expect(await label('annotator3@demo.assay', false)).toBe('paused');
    await label('annotator1@demo.assay', true);
    await label('annotator2@demo.assay', true);

    const { page } = manager;
    await page.goto(`/manage/projects/${wardId}/quality`);
    const table = page.getByRole('table', { name: /agreement with the consensus/ });
    await table.waitFor();
    const row = (name: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(name) }) });
    await expect.poll(() => row('Cai Annotator').innerText()).toMatch(/Paused/);
    expect(await row('Cai Annotator').innerText()).toMatch(/no consensus yet/);
    // Both labelled the three normal items alike: 3 of 3, Wilson 95% from 0.44 to 1.
    await expect.poll(() => row('Ana Annotator').innerText()).toMatch(/100%\s+95% interval\s+44%–100%\s+3 of 3 agree/);
    expect(await row('Ana Annotator').innerText()).toMatch(/Active/);
    const header = page.getByRole('columnheader', { name: /Agreement with consensus/ });
    await header.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    // Without a consensus yet (Cai) sorts last.
    expect(await table.getByRole('rowheader').last().innerText()).toMatch(/Cai Annotator/);
    await expectNoSeriousViolations(page, 'quality tab');
    await screenshot(page, 'qualification-quality-annotators-1280');

    expect(manager.outside).toEqual([]);
    expect(unexpectedErrors(manager)).toEqual([]);
  });
});
