import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../../api/client';
import { FileUpload } from './FileUpload';
import { ImportErrors, lineErrorsOf } from './ImportErrors';
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
    expect(alert).toHaveTextContent('Nothing was imported: 2 lines need fixing.');
    const items = within(alert).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'line 3: Question "sentiment" (label): item field "text" (the context shown) must be a string or an array of {role, content} turns; it is missingdata.text',
      'line 12: not valid JSON (Unexpected token } in JSON at position 9)',
    ]);
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
