/**
 * Who is behind a session or API token, remembered for a few seconds. Every request authenticates, and the label
 * cycle is two requests, so this saves two queries per cycle. Within a process, signing out, revoking a token and
 * changing or deactivating a user take effect at once (they evict); on other server processes within `ttlMs`.
 */
import type { Actor } from '../../core/permissions.js';

interface Entry {
  actor: Extract<Actor, { kind: 'user' }>;
  expiresAt: number;
}

export class CredentialCache {
  private readonly entries = new Map<string, Entry>();

  /** @param ttlMs how long an answer is trusted; 0 disables the cache. */
  constructor(
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 10_000,
  ) {}

  get(hash: string, nowMs: number): Entry['actor'] | undefined {
    const e = this.entries.get(hash);
    if (!e) return undefined;
    if (e.expiresAt <= nowMs) {
      this.entries.delete(hash);
      return undefined;
    }
    return e.actor;
  }

  /** Remembers the actor until the TTL ends or, if sooner, the credential itself expires. */
  set(hash: string, actor: Entry['actor'], nowMs: number, credentialExpiresAt = Infinity): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(hash, { actor, expiresAt: Math.min(nowMs + this.ttlMs, credentialExpiresAt) });
  }

  delete(hash: string): void {
    this.entries.delete(hash);
  }

  /** Forgets every credential of a user (token revoked, role changed, deactivated). */
  deleteUser(userId: string): void {
    for (const [hash, e] of this.entries) if (e.actor.userId === userId) this.entries.delete(hash);
  }
}
