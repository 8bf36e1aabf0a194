import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, ImpactValue } from 'axe-core';

/**
 * axe-core run inside the page the app shows. Its source goes in through the page's evaluation
 * (the app's CSP rightly blocks inline script tags), then `axe.run` audits the whole document
 * against WCAG 2.1 A/AA and axe's best practices.
 */

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), {
  encoding: 'utf8',
});

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] as const;

export interface AxeFinding {
  rule: string;
  impact: ImpactValue | null;
  help: string;
  /** The element, as a CSS selector axe built. */
  target: string;
  /** axe's "fix any of / fix all of" text for this element. */
  fix: string;
}

export async function runAxe(page: Page): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResults> } }).axe
        .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
        .then((r) => ({
          violations: r.violations.map((v) => ({
            id: v.id,
            impact: v.impact ?? null,
            help: v.help,
            nodes: v.nodes.map((n) => ({
              target: n.target.map((t) => (Array.isArray(t) ? t.join(' >> ') : t)).join(' >> '),
              fix: n.failureSummary ?? '',
              impact: n.impact ?? null,
            })),
          })),
        })),
    [...AXE_TAGS],
  );
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => ({
      rule: v.id,
      impact: n.impact ?? v.impact,
      help: v.help,
      target: n.target,
      fix: n.fix.replace(/\s+/g, ' ').trim(),
    })),
  );
}

export function describeFindings(findings: readonly AxeFinding[]): string {
  return findings
    .map((f) => `  [${f.impact ?? '?'}] ${f.rule} — ${f.help}\n    at ${f.target}\n    ${f.fix}`)
    .join('\n');
}
