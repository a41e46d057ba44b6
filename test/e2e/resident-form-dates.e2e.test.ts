import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { expectNoAxeViolations, launchChromium, settled } from './browser.ts';

// Browser test of issue 10.4 on the resident form (fresh demo database): dates that cannot be are said as such, next
// to their field and all at once, with the server's own rules (src/domain/date-rules.ts). 31 February keeps what was
// typed and says it does not exist; a benefit start before the date of birth is refused before anything is sent.
// axe and no sideways scrolling at 1366×900 and 390×844. E2E_SHOTS=/dir saves screenshots.

const SHOTS = process.env.E2E_SHOTS;
const clean = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('web app: the resident form says which dates cannot be', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  async function check(name: string, focus: string) {
    for (const [width, height] of [[1366, 900], [390, 844]] as const) {
      await page.setViewportSize({ width, height });
      await settled(page);
      await expectNoAxeViolations(page, `${name} (${width})`);
      const overflow = await page.evaluate(() => {
        const d = (globalThis as any).document.documentElement;
        return d.scrollWidth - d.clientWidth;
      });
      expect(overflow, `${name} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
      if (SHOTS) {
        await page.locator(focus).scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SHOTS}/${name.replace(/[^a-z0-9]+/gi, '-')}-${width}.png` });
      }
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  }

  beforeAll(async () => {
    server = await startTestServer({ template: 'demo' });
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('31 February: "bestaat niet" next to the field, the typed date kept, every other message at the same time', async () => {
    await page.goto(`${server.baseUrl}/inloggen`);
    await page.getByRole('button', { name: /werkmatcher\.overvecht/ }).click();
    await page.waitForURL('**/werklijst');
    let posted = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/v1/residents')) posted += 1;
    });
    await page.goto(`${server.baseUrl}/inwoners/nieuw`);
    const form = page.locator('form.app-resident-form');
    await form.waitFor();
    await form.getByLabel('Geboortedatum').fill('31-02-1990');
    await form.getByLabel('Startdatum bijstand').fill('01-01-1980');
    await form.getByRole('button', { name: 'Inwoner toevoegen' }).click();
    await form.locator('.app-error-summary').waitFor();
    expect(clean(await page.locator('#resident-dateOfBirth-error').textContent())).toContain('31 februari 1990 bestaat niet: februari 1990 heeft 28 dagen.');
    expect(await form.getByLabel('Geboortedatum').inputValue()).toBe('31-02-1990');
    // All required fields at once too (BSN, names, address, household, education): nothing was sent.
    const items = await form.locator('.app-error-summary li').count();
    expect(items).toBeGreaterThanOrEqual(9);
    expect(posted).toBe(0);
    await check('inwoner 31 februari', '#resident-dateOfBirth');
  });

  it('a benefit start before the date of birth, and before the 18th birthday, is said next to the start date', async () => {
    const form = page.locator('form.app-resident-form');
    await form.getByLabel('Geboortedatum').fill('01-05-1990');
    await form.getByRole('button', { name: 'Inwoner toevoegen' }).click();
    await expect
      .poll(async () => clean(await page.locator('#resident-benefitStartDate-error').textContent()))
      .toContain('De uitkering kan niet beginnen vóór de geboortedatum (1 mei 1990).');
    expect(await page.locator('#resident-dateOfBirth-error').count()).toBe(0);
    await form.getByLabel('Startdatum bijstand').fill('01-01-2005');
    await form.getByRole('button', { name: 'Inwoner toevoegen' }).click();
    await expect
      .poll(async () => clean(await page.locator('#resident-benefitStartDate-error').textContent()))
      .toContain('Bijstand begint op zijn vroegst op de 18e verjaardag (1 mei 2008).');
    await check('inwoner uitkering voor 18', '#resident-benefitStartDate');
  });
});
