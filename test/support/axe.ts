/**
 * Accessibility check for browser journeys: injects axe-core from node_modules (never from the network, which
 * `openSession` refuses anyway), runs it on the page as it is now, and keeps the serious and critical violations,
 * formatted so a failing test says which rule, why, and where.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, ImpactValue, Result, RunOptions } from 'axe-core';
import { expect } from 'vitest';

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const BLOCKING: readonly ImpactValue[] = ['serious', 'critical'];

export interface AxeOptions {
  /** A CSS selector to check instead of the whole document (e.g. an open dialog). */
  include?: string;
  /** CSS selectors to leave out (e.g. a third-party widget under someone else's care). */
  exclude?: string[];
  /** axe rule ids to skip, each with a reason in the caller's code. */
  disableRules?: string[];
}

/** What the page's `axe` global offers; typed here because the test code has no DOM types. */
interface AxeGlobal {
  axe?: { run: (context: unknown, options: RunOptions) => Promise<AxeResults> };
  document: unknown;
}

/** The page's serious and critical axe violations (every rule axe enables by default: WCAG A/AA and best practices). */
export async function seriousViolations(page: Page, options: AxeOptions = {}): Promise<Result[]> {
  if (!(await page.evaluate(() => (globalThis as unknown as AxeGlobal).axe !== undefined))) await page.addScriptTag({ path: AXE_SOURCE });
  const runOptions: RunOptions = {
    resultTypes: ['violations'],
    rules: Object.fromEntries((options.disableRules ?? []).map((id) => [id, { enabled: false }])),
  };
  const context = options.include || options.exclude ? { include: options.include ?? 'html', exclude: options.exclude ?? [] } : null;
  const results = await page.evaluate(
    ({ context, runOptions }) => {
      const g = globalThis as unknown as AxeGlobal;
      return g.axe!.run(context ?? g.document, runOptions);
    },
    { context, runOptions },
  );
  return results.violations.filter((v) => v.impact != null && BLOCKING.includes(v.impact));
}

/** One readable block per violation: rule, impact, help, link, and each failing node's selector and summary. */
export function formatViolations(violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 10)
        .map((n) => `    - ${n.target.join(' ')}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`)
        .join('\n');
      const more = v.nodes.length > 10 ? `\n    … and ${v.nodes.length - 10} more` : '';
      return `[${v.impact}] ${v.id}: ${v.help}\n  ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n\n');
}

/** Fails the test with the formatted violations when axe finds any serious or critical one on the page. */
export async function expectNoSeriousViolations(page: Page, name: string, options: AxeOptions = {}): Promise<void> {
  const violations = await seriousViolations(page, options);
  expect(violations.length, `axe on "${name}" (${page.url()}) found serious or critical violations:\n\n${formatViolations(violations)}`).toBe(0);
}
