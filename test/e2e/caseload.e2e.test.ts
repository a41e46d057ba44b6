import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { expectNoAxeViolations, launchChromium, settled } from './browser.ts';

// Browser test of the web app against a real server on a fresh demo database:
// demo login via the picker, caseload, search while typing, resident page; axe on every page.
// Needs web/dist (npm test builds it first) and Chromium at /usr/bin/chromium.

describe('web app: caseload of a werkmatcher', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // A copy of the seeded demo (the seed runs ANALYZE, so the copy has planner statistics).
    server = await startTestServer({ template: 'demo' });
    browser = await launchChromium();
    // axe-core/playwright needs a page from an explicit context.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('logs in as werkmatcher.overvecht with the demo picker (login page has no axe violations)', async () => {
    await page.goto(`${server.baseUrl}/caseload`);
    // Not logged in: sent to the login page.
    await page.waitForURL('**/inloggen');
    await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' }).isVisible()).resolves.toBe(true);
    await page.getByRole('heading', { name: /Demo-omgeving/ }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    await expectNoAxeViolations(page, 'inloggen');

    await page.getByRole('button', { name: /werkmatcher\.overvecht/ }).click();
    // Sent to the login page from /caseload: back there after logging in.
    await page.waitForURL('**/caseload');
  });

  it('shows the caseload with rows and a total (no axe violations)', async () => {
    await page.getByRole('heading', { level: 1, name: 'Mijn caseload' }).waitFor();
    await page.locator('#caseload-table tbody tr').first().waitFor();
    await settled(page);
    expect(await page.locator('#caseload-table tbody tr').count()).toBeGreaterThan(0);
    await expect(page.locator('.app-results').textContent()).resolves.toMatch(/\d+ inwoners?/);
    expect(await page.title()).toBe('Mijn caseload — Samenplan');
    // A werkmatcher starts with her own residents.
    expect(await page.getByLabel('Alleen mijn inwoners').isChecked()).toBe(true);
    await expectNoAxeViolations(page, 'caseload');
  });

  it('finds a resident by name while typing and opens the resident page (no axe violations)', async () => {
    const rows = page.locator('#caseload-table tbody tr');
    const name = (await rows.nth(Math.min(2, (await rows.count()) - 1)).locator('th a').textContent())?.trim() ?? '';
    expect(name).not.toBe('');
    const me = (await page.locator('.app-header__user strong').textContent())?.trim() ?? '';
    expect(me).not.toBe('');

    await page.getByLabel('Zoek op naam of BSN').pressSequentially(name, { delay: 20 });
    await page.waitForURL((url) => url.searchParams.get('q') === name);
    await settled(page);
    const links = page.locator('#caseload-table tbody th a');
    await expect(links.allTextContents()).resolves.toContain(name);

    await page.getByRole('link', { name, exact: true }).first().click();
    await page.waitForURL(/\/inwoners\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await settled(page);
    expect(await page.title()).toBe(`${name} — Samenplan`);

    // Header: she is the contact person ("Alleen mijn inwoners"), with the date since; BSN masked with a reveal button.
    const summary = page.locator('.app-summary');
    await expect(summary.textContent()).resolves.toContain('Vast aanspreekpunt');
    await expect(summary.textContent()).resolves.toContain(me);
    await expect(summary.textContent()).resolves.toMatch(/sinds \d{1,2} \w+ \d{4}/);
    expect(await page.getByRole('button', { name: 'Toon BSN' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'inwoner');
    // The contact-person history is under "Geschiedenis".
    await page.getByRole('navigation', { name: 'Onderdelen van het dossier' }).getByRole('link', { name: /^Geschiedenis/ }).click();
    await page.waitForURL(/\?tab=geschiedenis$/);
    await page.getByRole('heading', { level: 2, name: 'Vast aanspreekpunt' }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'inwoner, geschiedenis');
  });
});
