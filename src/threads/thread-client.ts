/**
 * Request/response over one worker thread: started on first use, reused, unref'd while idle so it never keeps the
 * process alive, and every pending request rejected if the thread dies (the next request starts a new one).
 */
import type { MessagePort, Transferable, Worker } from 'node:worker_threads';
import { startThread } from './start-thread.js';

interface Pending<R> {
  resolve: (r: R) => void;
  reject: (e: Error) => void;
}

export class ThreadClient<Req extends object, Res> {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending<Res>>();

  /** @param name the thread module's file name beside `base`, without extension; @param base its `import.meta.url`. */
  constructor(
    private readonly name: string,
    private readonly base: string,
  ) {}

  /** Sends `req` (copied by structured clone, or `transfer`red) and resolves with the thread's answer. */
  request(req: Req, transfer: readonly Transferable[] = []): Promise<Res> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<Res>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, ...req }, [...transfer]);
    });
  }

  /** Stops the thread; pending requests are rejected. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = startThread(this.name, this.base);
    worker.unref();
    worker.on('message', (msg: { id: number; result?: Res; error?: string }) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (this.pending.size === 0) worker.unref();
      if (msg.error !== undefined) p.reject(new Error(msg.error));
      else p.resolve(msg.result as Res);
    });
    const failAll = (err: Error) => {
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      if (this.worker === worker) this.worker = null;
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`${this.name} exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }
}

/** The thread side: answers each `{ id, ...request }` with `{ id, result }` or `{ id, error }`. */
export function serveRequests<Req, Res>(port: MessagePort, handle: (req: Req) => Res | Promise<Res>, transferOf?: (res: Res) => Transferable[]) {
  port.on('message', (msg: Req & { id: number }) => {
    void (async () => {
      try {
        const result = await handle(msg);
        port.postMessage({ id: msg.id, result }, transferOf ? transferOf(result) : []);
      } catch (err) {
        port.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) });
      }
    })();
  });
}
