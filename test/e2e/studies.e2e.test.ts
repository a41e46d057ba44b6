import { readFileSync } from 'node:fs';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { expectNoAxeViolations, launchChromium, settled } from './browser.ts';

// Browser test of the studies pages (issue 14) on a fresh demo: beleid opens Weten wat werkt and sees the CONSORT
// flow, the attrition and balance tables and the forest plot with its summary and table (axe 0, 1280 and 390 px,
// Dutch and English); the researcher lands on the studies, sees no resident, and downloads the pseudonymised data
// set (no identifying field). Screenshots go to SCREENSHOT_DIR when it is set.

const shot = async (page: Page, name: string) => {
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true });
};

describe('web app: studies', () => {
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

  async function login(viewport: { width: number; height: number }, persona: RegExp): Promise<Page> {
    const context = await browser.newContext({ viewport, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/inloggen`);
    await page.getByRole('button', { name: persona }).first().click();
    await page.waitForURL((u) => !u.pathname.startsWith('/inloggen'));
    return page;
  }

  async function openStudy(page: Page) {
    await page.getByRole('link', { name: 'Studies' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Studies' }).waitFor();
    await page.getByRole('link', { name: 'Weten wat werkt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Weten wat werkt' }).waitFor();
  }

  for (const size of [{ name: 'desktop', width: 1280, height: 900 }, { name: 'phone', width: 390, height: 844 }]) {
    it(`beleid sees the flow, attrition, balance and the forest plot with summary and table (${size.name})`, async () => {
      const page = await login(size, /beleid/);
      await openStudy(page);
      await page.locator('#resultaat svg').first().waitFor();
      await settled(page);
      const flow = await page.locator('#consort').textContent();
      expect(flow).toMatch(/Ingeschreven na toestemming: 752/);
      expect(flow).toMatch(/Geloot: 752/);
      for (const arm of ['Zelf in actie', 'Met extra hulp in actie', 'Werken loont']) expect(flow).toContain(arm);
      expect(flow).toMatch(/Geanalyseerd \(intention-to-treat\): \d+/);
      // The forest plot is one image with a name; the summary and the table carry the values.
      const svg = page.locator('#resultaat svg[role="img"]');
      expect(await svg.getAttribute('aria-label')).toMatch(/Forest plot/);
      expect(await page.locator('#forest-summary').textContent()).toMatch(/95%-BI .* p = /);
      const rows = await page.locator('#result-table tbody tr').count();
      expect(rows).toBeGreaterThanOrEqual(3);
      expect(await page.locator('#attrition-table tbody tr').count()).toBe(4);
      const edu = await page.locator('#balance-educationLevel tbody tr').allTextContents();
      expect(edu.some((r) => r.startsWith('Laag'))).toBe(true);
      await shot(page, `study-beleid-${size.name}`);
      await expectNoAxeViolations(page, `studie ${size.name}`);
      if (size.name === 'phone') {
        const { scroll, client } = await page.locator('html').evaluate((el: { scrollWidth: number; clientWidth: number }) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
        expect(scroll, `page is ${scroll}px wide on a ${client}px screen`).toBeLessThanOrEqual(client);
      }

      // In English, every text translated (no keys).
      await page.getByRole('button', { name: /^EN/ }).click();
      await page.getByRole('heading', { level: 2, name: 'Flow diagram (CONSORT)' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Result: effect per arm' }).waitFor();
      await page.locator('#resultaat svg').first().waitFor();
      await settled(page);
      await expect(page.locator('main').textContent()).resolves.not.toMatch(/studies\.|Stroomschema|Geloot/);
      await shot(page, `study-beleid-${size.name}-en`);
      await expectNoAxeViolations(page, `study english ${size.name}`);
      await page.getByRole('button', { name: /^NL/ }).click();
      await page.context().close();
    });
  }

  it('the researcher lands on the studies, sees no resident, and downloads the pseudonymised data set', async () => {
    const page = await login({ width: 1280, height: 900 }, /onderzoeker/);
    await page.waitForURL(/\/studies$/);
    await page.getByRole('heading', { level: 1, name: 'Studies' }).waitFor();
    const nav = await page.getByRole('navigation').first().textContent();
    expect(nav).not.toMatch(/Werklijst|Caseload|Inwoner/);
    await page.getByRole('link', { name: 'Weten wat werkt' }).click();
    await page.getByRole('heading', { level: 2, name: 'Dataset voor onderzoekers' }).waitFor();
    await page.locator('#resultaat svg').first().waitFor();
    await settled(page);
    await shot(page, 'study-researcher');
    await expectNoAxeViolations(page, 'studie onderzoeker');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download dataset/ }).click()]);
    const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(data.total).toBe(752);
    expect(Object.keys(data.items[0]).sort()).toEqual(
      ['ageGroup', 'allocatedMonth', 'area', 'arm', 'educationLevel', 'enrolledMonth', 'householdType', 'hoursPerWeek', 'movedAway', 'outflow', 'permanentContract', 'pseudonym', 'workingOver12h'].sort(),
    );
    expect(JSON.stringify(data)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"(?!,"studyName)|\b\d{9}\b|\d{4}-\d{2}-\d{2}T/);
    // A resident's page is not found for the researcher.
    await page.goto(`${server.baseUrl}/caseload`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.getByRole('heading', { level: 1 }).first().textContent()).not.toMatch(/Caseload/);
    await page.context().close();
  });
});
