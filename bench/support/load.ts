/** Closed-loop load: N virtual users, each running `cycle` back to back for a fixed time, with per-cycle latency. */
import { Pool } from 'undici';

export interface LoadResult {
  cycles: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export async function runLoad(users: number, seconds: number, cycle: (user: number) => Promise<boolean>): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: users }, async (_, u) => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const ok = await cycle(u).catch(() => false);
        if (ok) latencies.push(performance.now() - t0);
        else errors++;
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return { cycles: latencies.length, seconds: elapsed, perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors };
}

export function httpPool(url: string, connections: number) {
  return new Pool(url, { connections, pipelining: 1, keepAliveTimeout: 60_000 });
}

export async function postJson(pool: Pool, path: string, body: unknown, headers: Record<string, string>) {
  const res = await pool.request({ method: 'POST', path, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.body.text();
  return { status: res.statusCode, body: text };
}
