import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

// Shared by the browser tests: Debian's Chromium through playwright-core, axe with the WCAG 2.1 AA tags.

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
  });
}

/** Runs axe on the page and asserts zero violations, printing them readably when there are some. */
export async function expectNoAxeViolations(page: Page, name: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  if (violations.length > 0) {
    const report = violations
      .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`)
      .join('\n');
    console.error(`axe violations on ${name}:\n${report}`);
  }
  expect(violations).toEqual([]);
}

/** Waits until the page shows no loading state (spinner, "bezig met zoeken", aria-busy). */
export async function settled(page: Page): Promise<void> {
  // Polled from here: the app's CSP forbids evaluating strings, and the test's TypeScript setup has no DOM types.
  await expect
    .poll(() => page.locator('.app-loading, .app-results__busy, [aria-busy="true"]').count(), { timeout: 20_000 })
    .toBe(0);
}
