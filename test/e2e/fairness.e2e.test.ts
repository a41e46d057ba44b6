import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { expectNoAxeViolations, launchChromium, settled } from './browser.ts';

// Browser test of "Eerlijke matching" for the beleidsmedewerker on a fresh demo database: the figures differ per
// group (the top-10 stage is not 100% everywhere), switching the grouping shows a loading state and never the old
// figures under the new heading, and the page fits a phone (390×844) without sideways scrolling. axe on each state.
// Screenshots go to SCREENSHOT_DIR when it is set.

const shot = async (page: Page, name: string) => {
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true });
};

/** The page's width as laid out (the document's scroll width), against the viewport's. */
async function overflow(page: Page): Promise<{ scroll: number; client: number }> {
  return page.locator('html').evaluate((el: { scrollWidth: number; clientWidth: number }) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
}

describe('web app: eerlijke matching', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ template: 'demo' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/inloggen`);
    await page.getByRole('button', { name: /beleid/ }).first().click();
    await page.waitForURL((u) => !u.pathname.startsWith('/inloggen'));
    await page.goto(`${server.baseUrl}/eerlijke-matching`);
    await page.getByRole('heading', { level: 1, name: 'Eerlijke matching' }).waitFor();
    await page.locator('#fairness-table tbody tr').first().waitFor();
    await settled(page);
    return page;
  }

  it('shows different top-10 rates per group, and a loading state instead of old figures when the grouping changes', async () => {
    const page = await open({ width: 1366, height: 900 });
    const rates = await page.locator('#fairness-table tbody tr td:nth-child(3) .app-fair__rate').allTextContents();
    expect(rates.length).toBeGreaterThanOrEqual(2);
    expect(new Set(rates).size, `top-10 rates ${rates.join(', ')}`).toBeGreaterThan(1);
    expect(rates.every((r) => r.includes('100'))).toBe(false);
    // A warning says plainly that the ratio is below the threshold; it never reads "0,80 × … (drempel 0,8)".
    const warnings = await page.locator('.app-fair__warnings li').allTextContents();
    for (const w of warnings) {
      expect(w).toMatch(/: 0,[0-7]\d keer zo vaak als de groep met het hoogste percentage\. Dat is onder de drempel van 0,80\./);
      expect(w).not.toContain('drempel 0,8)');
    }
    await shot(page, 'fairness-desktop');
    await expectNoAxeViolations(page, 'eerlijke matching');

    // A slow answer (as it was: 2–3 s): the old table disappears at once, a loading message names what is coming.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/v1/fairness/monitor?*', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByLabel('Indeling in groepen').selectOption('householdType');
    await page.getByRole('button', { name: 'Toon' }).click();
    const loading = page.locator('#fairness-loading');
    await loading.waitFor();
    await expect(loading.textContent()).resolves.toMatch(/De cijfers worden berekend: Huishouden/);
    expect(await page.locator('#fairness-table').count()).toBe(0);
    await shot(page, 'fairness-loading');
    await expectNoAxeViolations(page, 'eerlijke matching laden');
    release();
    await page.locator('#fairness-table tbody tr', { hasText: 'Alleenstaande ouder' }).waitFor();
    await settled(page);
    await page.unroute('**/api/v1/fairness/monitor?*');
    await page.context().close();
  });

  it('takes the period as typed dates (day-month-year): a day that does not exist is named next to its field', async () => {
    const page = await open({ width: 1366, height: 900 });
    const from = page.getByLabel('Van', { exact: true });
    expect(await from.inputValue()).toMatch(/^\d{2}-\d{2}-\d{4}$/);
    await from.fill('31-02-2026');
    await page.getByRole('button', { name: 'Toon' }).click();
    // Next to the field (its description by aria-describedby), and in the summary above the form.
    const describedBy = (await from.getAttribute('aria-describedby')) ?? '';
    const described = await Promise.all(describedBy.split(/\s+/).filter(Boolean).map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(described.join(' ')).toContain('31 februari 2026 bestaat niet: februari 2026 heeft 28 dagen.');
    await page.locator('.app-error-summary').getByRole('link', { name: /^Van: 31 februari 2026 bestaat niet/ }).waitFor();
    expect(await from.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'eerlijke matching met een fout in de periode');
    await from.fill('01-01-2026');
    await page.getByRole('button', { name: 'Toon' }).click();
    await page.waitForURL((u) => u.searchParams.get('van') === '2026-01-01');
    await page.locator('#fairness-table tbody tr').first().waitFor();
    await page.context().close();
  });

  it('fits a phone (390×844) without sideways scrolling', async () => {
    const page = await open({ width: 390, height: 844 });
    await shot(page, 'fairness-phone');
    const { scroll, client } = await overflow(page);
    expect(scroll, `page is ${scroll}px wide on a ${client}px screen`).toBeLessThanOrEqual(client);
    await expectNoAxeViolations(page, 'eerlijke matching telefoon');
    await page.context().close();
  });
});
