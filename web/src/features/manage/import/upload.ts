/**
 * Uploads a file as the request body with XMLHttpRequest, because fetch reports no upload progress. The body is
 * the file itself with the content type the import route reads its format from; the session cookie rides along.
 */
import { ApiError, toApiError } from '../../../api/client';

/** Import formats by file extension, as `POST /projects/{id}/items` and `/gold` expect them. */
const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json',
  jsonl: 'application/x-ndjson',
  ndjson: 'application/x-ndjson',
  csv: 'text/csv',
};

export const ACCEPTED_EXTENSIONS = '.json,.jsonl,.ndjson,.csv';

/** The content type to send a file as, from its extension (browsers give .jsonl no type of their own). */
export function importContentType(file: Pick<File, 'name'>): string | null {
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  return ext ? (CONTENT_TYPES[ext] ?? null) : null;
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

/** POSTs `file` to `url`; resolves with the JSON reply, rejects with the server's `ApiError`. */
export function uploadFile<T>(url: string, file: Blob, contentType: string, onProgress: (p: UploadProgress) => void, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', contentType);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.responseType = 'text';
    xhr.upload.onprogress = (e) => onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        // A proxy's HTML error page: the status says enough.
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(toApiError(xhr.status, body));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'The upload did not reach the server; check the connection and try again'));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'The upload was cancelled'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
