/**
 * What every use case is given: the store and the settings it needs, plus a clock so tests can move time (lease
 * expiry) without sleeping. Services name the store modules they use; there is no service locator.
 */
import type { Store } from '../store/db.js';
import { CredentialCache } from './auth/credential-cache.js';
import type { RawAnnotation } from './quality/live-aggregate.js';

export interface ServiceDeps {
  store: Store;
  /** Secret for deriving pseudonyms and signing; from ASSAY_SECRET. */
  secret: string;
  /** Current time; `() => new Date()` outside tests. */
  now: () => Date;
  /** How long a login session lasts. */
  sessionTtlMs: number;
  /** Recently resolved sessions and tokens (see credential-cache.ts). */
  credentials: CredentialCache;
  /**
   * Live results (item aggregates after submits, adaptive overlap); absent, nothing is refreshed after submits
   * (results are still computed on demand). `assay serve` has one unless ASSAY_LIVE_QUALITY=off.
   */
  live?: LiveResultsFeed | undefined;
  /**
   * Uniform on [0, 1) for the hidden-gold draw; absent (always, outside tests), the operating system's CSPRNG, so
   * no annotator can predict or replay it. Seeded simulations pass their own to be reproducible.
   */
  random?: (() => number) | undefined;
}

/**
 * What use cases tell live results, and what the process that owns them (serve, the jobs) asks of them. The class
 * (`quality/live-results.ts`) is given these deps itself, so naming it here would make deps and it import each
 * other; services see only this.
 */
export interface LiveResultsFeed {
  /** A submit landed in the project; `annotation`, when given, spares the refresh a read. */
  noteSubmitted(projectId: string, annotation?: RawAnnotation): void;
  /** The project's inputs changed other than by a new annotation (a review, a pause): the next refresh starts over. */
  noteInputsChanged(projectId: string): void;
  /** Refreshes the large projects that had submits (the background job). */
  refreshLarge(): Promise<void>;
  /** Stops taking work and waits for what runs. */
  close(): Promise<void>;
}

export const nowIsoOf = (deps: Pick<ServiceDeps, 'now'>): string => deps.now().toISOString();

export function makeDeps(store: Store, opts: Partial<Omit<ServiceDeps, 'store'>> = {}): ServiceDeps {
  return {
    store,
    secret: opts.secret ?? 'dev-secret-change-me',
    now: opts.now ?? (() => new Date()),
    sessionTtlMs: opts.sessionTtlMs ?? 12 * 3600_000,
    credentials: opts.credentials ?? new CredentialCache(),
    live: opts.live,
    random: opts.random,
  };
}
