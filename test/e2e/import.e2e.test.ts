import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleBsns, sampleCsv, sampleHeader, sampleLine } from '../../src/modules/imports/imports.sample.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { expectNoAxeViolations, launchChromium, settled } from './browser.ts';

// Browser test of the import page for the functional administrator (beheerder) on a fresh demo database: a file with
// errors shows the report per line and the download, nothing is written; a good file shows progress while it is
// sent and checked, then the counts; the list of earlier imports. axe on each state, desktop and 390×844.
// Screenshots go to SCREENSHOT_DIR when it is set.

const shot = async (page: Page, name: string) => {
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true });
};

describe('web app: inwoners importeren', () => {
  let server: TestServer;
  let browser: Browser;
  let pc4: number;

  beforeAll(async () => {
    server = await startTestServer({ template: 'demo' });
    browser = await launchChromium();
    const { rows } = await (await import('kysely')).sql<{ pc4_from: number }>`
      SELECT r.pc4_from FROM area_postcode_ranges r JOIN municipalities m ON m.id = r.municipality_id WHERE m.code = '0344' ORDER BY r.pc4_from LIMIT 1`.execute(server.ownerDb);
    pc4 = rows[0]!.pc4_from;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/inloggen`);
    await page.getByRole('button', { name: /beheerder/ }).first().click();
    await page.waitForURL((u) => u.pathname === '/import');
    await page.getByRole('heading', { level: 1, name: 'Inwoners importeren' }).waitFor();
    await settled(page);
    return page;
  }

  it('a file with errors: the report per line and the download, nothing written', async () => {
    const page = await open({ width: 1366, height: 900 });
    await expectNoAxeViolations(page, 'import, leeg');
    const bsns = sampleBsns(3, 78_800_000);
    const lines = [sampleHeader('suite4sd').join(';'), sampleLine(0, bsns[0]!, { pc4: [pc4] }).join(';')];
    const bad = sampleLine(1, bsns[1]!, { pc4: [pc4] });
    bad[0] = '123456789';
    bad[4] = '31-02-1990';
    lines.push(bad.join(';'), sampleLine(0, bsns[0]!, { pc4: [pc4] }).join(';'));
    await page.getByLabel('Bestand', { exact: true }).setInputFiles({ name: 'export-met-fouten.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    await page.getByRole('button', { name: 'Controleren en inlezen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Niets ingelezen: 3 problemen gevonden' }).waitFor();
    const rows = await page.locator('#import-report tbody tr').allTextContents();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('elfproef');
    expect(rows[1]).toContain('31 februari 1990 bestaat niet');
    expect(rows[2]).toContain('hetzelfde BSN als regel 2');
    const download = page.getByRole('link', { name: 'Rapport downloaden (CSV)' });
    const href = await download.getAttribute('href');
    const csv = await page.evaluate(async (h) => (await fetch(h!)).text(), href);
    expect(csv).toContain('regel;kolom;code;melding');
    await settled(page);
    await shot(page, 'import-invalid-desktop');
    await expectNoAxeViolations(page, 'import, rapport');
    await page.context().close();
  });

  it('a good file: progress while it is sent and checked, then the counts and the list (phone)', async () => {
    const page = await open({ width: 390, height: 844 });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/v1/imports?*', async (route) => {
      await held;
      await route.continue();
    });
    const file = sampleCsv(40, { pc4: [pc4], bsnStart: 78_900_000 });
    await page.getByLabel('Bestand', { exact: true }).setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await page.getByRole('button', { name: 'Controleren en inlezen' }).click();
    const progress = page.locator('.app-import-progress progress');
    await progress.waitFor();
    await expect.poll(() => page.locator('.app-import-progress').textContent()).toMatch(/Bestand versturen: \d+%|gecontroleerd en ingelezen/);
    await shot(page, 'import-progress-phone');
    await expectNoAxeViolations(page, 'import, bezig');
    release();
    await page.getByRole('heading', { level: 2, name: 'Ingelezen: 40 regels' }).waitFor();
    expect(await page.locator('.app-import-result').textContent()).toContain('40 nieuw, 0 gewijzigd, 0 ongewijzigd.');
    await page.locator('#import-history tbody tr').first().waitFor();
    expect(await page.locator('#import-history tbody tr').first().textContent()).toContain('export.csv');
    const { scroll, client } = await page.locator('html').evaluate((el: { scrollWidth: number; clientWidth: number }) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(scroll).toBeLessThanOrEqual(client);
    await settled(page);
    await shot(page, 'import-done-phone');
    await expectNoAxeViolations(page, 'import, klaar');
    await page.context().close();
  });
});
