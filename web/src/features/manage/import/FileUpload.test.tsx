import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../../api/client';
import { FileUpload } from './FileUpload';
import { ImportErrors, lineErrorsOf } from './ImportErrors';
import { ImportTab } from './ImportTab';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { importContentType } from './upload';

/** The server's reply to a file with two bad lines (the shape `importItems` throws). */
const twoBadLines = {
  error: {
    code: 'invalid',
    message: 'line 3: Question "sentiment" (label): item field "text" (the context shown) must be a string or an array of {role, content} turns; it is missing (and 1 more error); nothing was imported',
    field: 'data.text',
    details: {
      line: 3,
      errors: [
        { line: 3, message: 'line 3: Question "sentiment" (label): item field "text" (the context shown) must be a string or an array of {role, content} turns; it is missing', field: 'data.text' },
        { line: 12, message: 'line 12: not valid JSON (Unexpected token } in JSON at position 9)' },
      ],
    },
  },
};

/** A stand-in XMLHttpRequest: reports upload progress in two steps, then answers with `reply`. */
function fakeXhr(status: number, reply: unknown) {
  const sent: { body?: unknown; headers: Record<string, string>; url?: string } = { headers: {} };
  let finish: () => void = () => undefined;
  class FakeXhr {
    upload: { onprogress: ((e: { loaded: number; total: number; lengthComputable: boolean }) => void) | null } = { onprogress: null };
    status = 0;
    responseText = '';
    responseType = '';
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    open(_method: string, url: string) {
      sent.url = url;
    }
    setRequestHeader(name: string, value: string) {
      sent.headers[name] = value;
    }
    abort() {
      this.onabort?.();
    }
    send(body: unknown) {
      sent.body = body;
      this.upload.onprogress?.({ loaded: 40, total: 100, lengthComputable: true });
      finish = () => {
        this.upload.onprogress?.({ loaded: 100, total: 100, lengthComputable: true });
        this.status = status;
        this.responseText = JSON.stringify(reply);
        this.onload?.();
      };
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return { sent, finish: () => finish() };
}

afterEach(() => vi.unstubAllGlobals());

describe('import errors', () => {
  it('lists every bad line by its number, and says nothing was imported', () => {
    render(<ImportErrors error={new ApiError(400, 'invalid', twoBadLines.error.message, 'data.text', twoBadLines.error.details)} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Nothing was imported: 2 errors need fixing.');
    const items = within(alert).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'line 3: Question "sentiment" (label): item field "text" (the context shown) must be a string or an array of {role, content} turns; it is missingdata.text',
      'line 12: not valid JSON (Unexpected token } in JSON at position 9)',
    ]);
  });

  it('says how many were left out when the server counted more than it listed', () => {
    const listed = Array.from({ length: 20 }, (_, i) => ({ line: i + 1, message: `line ${i + 1}: not valid JSON`, kind: 'syntax' }));
    render(<ImportErrors error={new ApiError(400, 'invalid', 'line 1: not valid JSON', undefined, { line: 1, errors: listed, errorCount: 57 })} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Nothing was imported: first 20 of 57 errors shown; 57 errors in all.');
    expect(within(screen.getByRole('alert')).getAllByRole('listitem')).toHaveLength(20);
  });

  it('numbers a single error that carries only its line (a gold file)', () => {
    const err = new ApiError(400, 'invalid', 'the project has no item "x-9"', 'id', { line: 4 });
    expect(lineErrorsOf(err)).toEqual([{ line: 4, message: 'line 4: the project has no item "x-9"', field: 'id' }]);
  });

  it('shows the plain message when the failure names no line', () => {
    render(<ImportErrors error={new ApiError(415, 'unsupported_media_type', 'Content-Type must be one of …', 'Content-Type')} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Nothing was imported. Content-Type must be one of … (field: Content-Type)');
  });
});

describe('FileUpload', () => {
  it('sends the file as the body with its content type, shows upload progress, then the line-numbered errors', async () => {
    const xhr = fakeXhr(400, twoBadLines);
    const user = userEvent.setup();
    render(<FileUpload<{ imported: number }> label="Items file" url="/api/v1/projects/p1/items" describe={(r) => `Imported ${r.imported}`} />);
    const file = new File(['{"id":"a","text":"x"}\n'], 'items.jsonl');
    await user.upload(screen.getByLabelText('Items file'), file);
    expect(screen.getByText(/items\.jsonl .* sent as application\/x-ndjson/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Upload' }));
    const bar = screen.getByRole('progressbar', { name: 'Uploading items.jsonl' });
    expect(bar).toHaveAttribute('value', '40');
    expect(screen.getByText(/^40% · /)).toBeInTheDocument();
    expect(xhr.sent).toMatchObject({ url: '/api/v1/projects/p1/items', body: file, headers: { 'Content-Type': 'application/x-ndjson' } });
    xhr.finish();
    const alert = await screen.findByRole('alert');
    expect(within(alert).getAllByRole('listitem').map((li) => li.textContent?.slice(0, 8))).toEqual(['line 3: ', 'line 12:']);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('reports the count on success', async () => {
    const xhr = fakeXhr(201, { imported: 25, gold: 0 });
    const user = userEvent.setup();
    render(<FileUpload<{ imported: number }> label="Items file" url="/u" describe={(r) => `Imported ${r.imported} items.`} />);
    await user.upload(screen.getByLabelText('Items file'), new File(['id,text\n'], 'items.csv'));
    await user.click(screen.getByRole('button', { name: 'Upload' }));
    xhr.finish();
    expect(await screen.findByText('Imported 25 items.')).toBeInTheDocument();
    expect(xhr.sent.headers['Content-Type']).toBe('text/csv');
  });

  it('refuses a file that is not JSON, JSON Lines or CSV before sending it', async () => {
    const user = userEvent.setup({ applyAccept: false });
    render(<FileUpload label="Items file" url="/u" describe={() => ''} />);
    await user.upload(screen.getByLabelText('Items file'), new File(['x'], 'items.xlsx'));
    expect(screen.getByRole('alert')).toHaveTextContent('“items.xlsx” is not a .json, .jsonl or .csv file.');
    expect(screen.getByRole('button', { name: 'Upload' })).toBeDisabled();
    expect(importContentType({ name: 'a.NDJSON' })).toBe('application/x-ndjson');
  });
});

describe('checking a file before importing it', () => {
  const report = (over: Record<string, unknown>) => ({ dryRun: true, ok: true, items: 2, gold: 1, errors: [], errorCount: 0, duplicates: 0, ...over });
  const renderTab = () =>
    render(
      <QueryClientProvider client={new QueryClient()}>
        <ImportTab projectId="p 1" />
      </QueryClientProvider>,
    );

  it('offers the template for the project in JSON Lines and CSV', () => {
    renderTab();
    const items = screen.getByRole('region', { name: 'Items' });
    expect(within(items).getByRole('link', { name: 'Download template (JSONL)' })).toHaveAttribute('href', '/api/v1/projects/p%201/items/template?format=jsonl');
    expect(within(items).getByRole('link', { name: 'Download template (CSV)' })).toHaveAttribute('href', '/api/v1/projects/p%201/items/template?format=csv');
  });

  it('sends the file as a dry run and lists every error with its line, then says the fixed file is ready', async () => {
    const user = userEvent.setup();
    renderTab();
    const items = screen.getByRole('region', { name: 'Items' });
    const buttons = within(items).getAllByRole('button').map((b) => b.textContent);
    expect(buttons).toEqual(['Check file', 'Import']);
    await user.upload(within(items).getByLabelText('Items file'), new File(['{}\n'], 'items.jsonl'));
    let xhr = fakeXhr(200, report({ ok: false, items: 6, gold: 0, errorCount: 3, duplicates: 1, errors: [
      { line: 3, column: 39, kind: 'syntax', message: 'line 3, column 39: not valid JSON: expected "," or "}" after a value' },
      { line: 7, kind: 'field', field: 'data.text', message: 'line 7: item field "text" is missing' },
      { line: 9, kind: 'duplicate', field: 'id', message: 'line 9: the project already has an item with id "a"' },
    ] }));
    await user.click(within(items).getByRole('button', { name: 'Check file' }));
    expect(xhr.sent.url).toBe('/api/v1/projects/p%201/items?dryRun=true');
    xhr.finish();
    const alert = await within(items).findByRole('alert');
    expect(alert).toHaveTextContent('Checked items.jsonl, nothing written: 3 errors need fixing (1 repeated or existing id). 6 items pass every check');
    expect(within(alert).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'line 3, column 39: not valid JSON: expected "," or "}" after a value',
      'line 7: item field "text" is missing' + 'data.text',
      'line 9: the project already has an item with id "a"' + 'id',
    ]);

    xhr = fakeXhr(200, report({}));
    await user.upload(within(items).getByLabelText('Items file'), new File(['{}\n'], 'fixed.jsonl'));
    await user.click(within(items).getByRole('button', { name: 'Check file' }));
    xhr.finish();
    expect(await within(items).findByText('✓ fixed.jsonl is ready: importing it adds 2 items, 1 with a gold answer. Nothing was written yet.')).toBeInTheDocument();
    expect(within(items).queryByRole('alert')).not.toBeInTheDocument();

    xhr = fakeXhr(201, { imported: 2, gold: 1 });
    await user.click(within(items).getByRole('button', { name: 'Import' }));
    expect(xhr.sent.url).toBe('/api/v1/projects/p%201/items');
    xhr.finish();
    expect(await within(items).findByText('Imported 2 items with 1 gold answer.')).toBeInTheDocument();
  });

  it('checks a gold file the same way, counting gold answers', async () => {
    const user = userEvent.setup();
    renderTab();
    const gold = screen.getByRole('region', { name: 'Gold answers' });
    expect(within(gold).getAllByRole('button').map((b) => b.textContent)).toEqual(['Check file', 'Import']);
    await user.upload(within(gold).getByLabelText('Gold file'), new File(['{}\n'], 'gold.jsonl'));
    let xhr = fakeXhr(200, report({ ok: false, items: 1, gold: 1, errorCount: 2, duplicates: 0, errors: [
      { line: 2, column: 12, kind: 'syntax', message: 'line 2, column 12: not valid JSON: the line ends inside a value' },
      { line: 3, kind: 'field', field: 'id', message: 'line 3: the project has no item "nope"' },
    ] }));
    await user.click(within(gold).getByRole('button', { name: 'Check file' }));
    expect(xhr.sent.url).toBe('/api/v1/projects/p%201/gold?dryRun=true');
    xhr.finish();
    expect(await within(gold).findByRole('alert')).toHaveTextContent('Checked gold.jsonl, nothing written: 2 errors need fixing. 1 gold answer passes every check');
    xhr = fakeXhr(200, report({ items: 3, gold: 3 }));
    await user.click(within(gold).getByRole('button', { name: 'Check file' }));
    xhr.finish();
    expect(await within(gold).findByText('✓ gold.jsonl is ready: importing it adds 3 gold answers. Nothing was written yet.')).toBeInTheDocument();
  });
});
