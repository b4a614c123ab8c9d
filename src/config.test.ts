import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to SQLite under the data dir and keeps a generated secret there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'assay-config-'));
    const c = loadConfig({ ASSAY_DATA_DIR: dir });
    expect(c.databaseUrl).toBe(`sqlite:${join(dir, 'assay.db')}`);
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', secureCookies: false });
    expect(readFileSync(join(dir, 'secret'), 'utf8').trim()).toBe(c.secret);
    expect(loadConfig({ ASSAY_DATA_DIR: dir }).secret).toBe(c.secret);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must start with sqlite: or postgres/);
    expect(() => loadConfig({ ASSAY_SECRET: 'short' })).toThrow(/ASSAY_SECRET must be at least 16/);
  });

  it('takes PostgreSQL and the secret from the environment', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db', ASSAY_SECRET: 'x'.repeat(32), PORT: '8080', HOST: '0.0.0.0' });
    expect(c).toMatchObject({ databaseUrl: 'postgres://u@h:5432/db', secret: 'x'.repeat(32), port: 8080, host: '0.0.0.0' });
  });
});
