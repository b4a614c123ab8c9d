import { describe, expect, it } from 'vitest';
import { CredentialCache } from './credential-cache.js';

const actor = (userId: string) => ({ kind: 'user' as const, userId, orgId: 'o', role: 'annotator' as const, vendorId: null });

describe('CredentialCache', () => {
  it('answers within the TTL and forgets after it', () => {
    const c = new CredentialCache(5_000);
    c.set('h1', actor('u1'), 1_000);
    expect(c.get('h1', 5_999)?.userId).toBe('u1');
    expect(c.get('h1', 6_000)).toBeUndefined();
  });

  it('never outlives the credential itself', () => {
    const c = new CredentialCache(5_000);
    c.set('h1', actor('u1'), 1_000, 2_000);
    expect(c.get('h1', 1_999)).toBeDefined();
    expect(c.get('h1', 2_000)).toBeUndefined();
  });

  it('forgets every credential of a user at once', () => {
    const c = new CredentialCache();
    c.set('a', actor('u1'), 0);
    c.set('b', actor('u1'), 0);
    c.set('c', actor('u2'), 0);
    c.deleteUser('u1');
    expect([c.get('a', 1), c.get('b', 1), c.get('c', 1)?.userId]).toEqual([undefined, undefined, 'u2']);
  });

  it('stays within its size bound, dropping the oldest', () => {
    const c = new CredentialCache(5_000, 2);
    c.set('a', actor('u1'), 0);
    c.set('b', actor('u2'), 0);
    c.set('c', actor('u3'), 0);
    expect(c.get('a', 1)).toBeUndefined();
    expect(c.get('c', 1)?.userId).toBe('u3');
  });

  it('is off with a TTL of 0', () => {
    const c = new CredentialCache(0);
    c.set('a', actor('u1'), 0);
    expect(c.get('a', 0)).toBeUndefined();
  });
});
