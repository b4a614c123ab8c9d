/**
 * Starts a worker thread from a module beside the caller: the compiled `.js` in a build; when running from source
 * (tests, `tsx`), the `.ts` file behind a bootstrap that registers tsx's loader in the thread first, since a thread
 * does not inherit the parent's loader hooks.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** @param name the module's file name without extension, e.g. `aggregation-thread`; @param base the caller's `import.meta.url`. */
export function startThread(name: string, base: string): Worker {
  const js = new URL(`./${name}.js`, base);
  if (existsSync(fileURLToPath(js))) return new Worker(js);
  const ts = new URL(`./${name}.ts`, base).href;
  return new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(ts)}); });`, { eval: true });
}
