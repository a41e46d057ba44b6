import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../helpers/client.ts';
import { folded, pdfToText } from '../helpers/pdf.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { expectNoAxeViolations, launchChromium, settled } from './browser.ts';

// Browser test of the programme dashboard (issue 12) on a fresh demo: beleid opens Werkbeweging, filters Overvecht,
// switches a chart to its table, exports XLSX (the file opens and holds the dashboard's numbers) and downloads the
// council report (rendered to PNG with pdftoppm to look at). axe on every state, desktop and 390×844. The werkmatcher
// sees the outflow form on a resident's page. Screenshots go to SCREENSHOT_DIR when it is set.

const run = promisify(execFile);
const shot = async (page: Page, name: string) => {
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true });
};

describe('web app: programme dashboard', () => {
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

  it('beleid opens Werkbeweging, filters Overvecht, switches a chart to its table, exports XLSX and the council PDF', async () => {
    const page = await login({ width: 1366, height: 900 }, /beleid/);
    await page.getByRole('link', { name: "Programma's" }).first().click();
    await page.getByRole('heading', { level: 1, name: "Programma's" }).waitFor();
    await page.getByRole('link', { name: 'Werkbeweging' }).click();
    await page.getByRole('heading', { level: 1, name: 'Werkbeweging' }).waitFor();
    await page.locator('#voortgang svg').first().waitFor();
    await settled(page);
    const summary = await page.locator('#voortgang-summary').textContent();
    expect(summary).toMatch(/inwoners stroomden uit de bijstand/);
    expect(summary).toMatch(/Het doel is 2\.000 extra/);
    await shot(page, 'programme-dashboard');
    await expectNoAxeViolations(page, 'programmadashboard');

    // Filter Overvecht.
    await page.locator('#prog-area').selectOption({ label: 'Overvecht' });
    await page.getByRole('button', { name: 'Toon', exact: true }).click();
    await page.waitForURL(/wijk=/);
    await page.getByText(/Werkbeweging, wijk Overvecht/).first().waitFor();
    await settled(page);
    await shot(page, 'programme-overvecht');
    await expectNoAxeViolations(page, 'programmadashboard Overvecht');

    // The reason chart as its table.
    const card = page.locator('#per-reason');
    await card.getByRole('button', { name: 'Toon als tabel' }).click();
    const table = page.locator('#per-reason-table');
    await table.waitFor();
    expect(await card.getByRole('button', { name: 'Toon als grafiek' }).getAttribute('aria-pressed')).toBe('true');
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows.some((r) => r.startsWith('Werk, voltijd'))).toBe(true);
    await shot(page, 'programme-overvecht-table');
    await expectNoAxeViolations(page, 'tabelweergave');

    // XLSX of the filtered view: it opens and holds the numbers the table shows.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download Excel (XLSX)' }).click()]);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file!);
    const ws = wb.worksheets.find((w) => w.name.startsWith('Uitstroom naar reden'))!;
    const sheet: string[] = [];
    ws.eachRow((row, i) => i > 4 && sheet.push(`${row.getCell(1).value}${row.getCell(2).value}`.replace(/\s/g, '')));
    const shown = rows.map((r) => r.replace(/\s/g, '').replace(/\./g, '').replace(/onderdruktonderdrukt.*$/, 'onderdrukt'));
    expect(sheet.slice(0, shown.length)).toEqual(shown);

    // The council report: a tagged PDF with the figures, rendered to PNG to look at.
    const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Raadsrapportage (pdf)' }).click()]);
    const pdfPath = await pdfDownload.path();
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(pdfPath!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = folded(await pdfToText(bytes));
    expect(text).toContain('Raadsrapportage Werkbeweging');
    expect(text).toContain('Voortgang naar het doel');
    const dir = process.env.SCREENSHOT_DIR ?? mkdtempSync(path.join(tmpdir(), 'sp-report-'));
    writeFileSync(path.join(dir, 'council-report.pdf'), bytes);
    await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', path.join(dir, 'council-report.pdf'), path.join(dir, 'council-report')]);
    await page.context().close();
  });

  it('fits a phone (390×844) without sideways scrolling', async () => {
    const page = await login({ width: 390, height: 844 }, /beleid/);
    await page.goto(`${server.baseUrl}/programmas`);
    await page.getByRole('link', { name: 'Werkbeweging' }).click();
    await page.locator('#voortgang svg').first().waitFor();
    await settled(page);
    await shot(page, 'programme-phone');
    const { scroll, client } = await page.locator('html').evaluate((el: { scrollWidth: number; clientWidth: number }) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(scroll, `page is ${scroll}px wide on a ${client}px screen`).toBeLessThanOrEqual(client);
    // The KPI tables stack on a phone: no table to scroll sideways, every figure next to its column's name.
    const kpi = page.locator('#line-contact');
    await kpi.scrollIntoViewIfNeeded();
    const region = await kpi.locator('xpath=..').evaluate((el: { scrollWidth: number; clientWidth: number }) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(region.scroll, 'KPI table scrolls sideways').toBeLessThanOrEqual(region.client);
    expect(await kpi.getByRole('row').count()).toBeGreaterThan(2);
    if (process.env.SCREENSHOT_DIR) {
      await kpi.locator('xpath=..').screenshot({ path: `${process.env.SCREENSHOT_DIR}/programme-phone-kpis.png` });
      await page.locator('#line-jobs').locator('xpath=..').screenshot({ path: `${process.env.SCREENSHOT_DIR}/programme-phone-kpis-jobs.png` });
    }
    // Dates in Dutch words on the page too.
    await expect(page.getByText(/bijgewerkt op \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) 20\d\d/i).first().isVisible()).resolves.toBe(true);
    await expectNoAxeViolations(page, 'programmadashboard telefoon');
    await page.context().close();
  });

  it('a placement that ends the benefit without an outflow yet is offered in the outflow form, and on the placement page', async () => {
    const api = await loginAs(server.baseUrl, 'werkmatcher.overvecht');
    const list = (await api.get('/api/v1/placements')).body.items as Array<{ id: string; residentId: string; outflow: string; status: string; outflowRegistration: unknown; startDate: string; hoursPerWeek: number }>;
    const pending = list.find((p) => p.outflow === 'full' && p.status === 'active' && p.outflowRegistration === null);
    expect(pending, 'a demo placement that ends the benefit, outflow not registered').toBeDefined();
    const page = await login({ width: 390, height: 844 }, /werkmatcher\.overvecht|Overvecht/);
    await page.goto(`${server.baseUrl}/plaatsingen/${pending!.id}`);
    await page.getByText('Nog niet geregistreerd.').waitFor();
    await settled(page);
    await shot(page, 'placement-outflow-pending-phone');
    await expectNoAxeViolations(page, 'plaatsing zonder uitstroom');
    await page.getByRole('link', { name: /Registreer de uitstroom bij de inwoner/ }).click();
    await page.waitForURL(/\/inwoners\//);
    await page.goto(`${page.url().replace(/[?#].*$/, '')}?tab=gegevens`);
    await page.getByRole('button', { name: 'Reden en datum van de plaatsing overnemen' }).click();
    expect(await page.locator('#outflow-reason').inputValue()).toBe(pending!.hoursPerWeek >= 36 ? 'workFullTime' : 'workPartTime');
    const [y, m, d] = pending!.startDate.split('-');
    expect(await page.locator('#outflow-date').inputValue()).toBe(`${d}-${m}-${y}`);
    await settled(page);
    await shot(page, 'outflow-form-from-placement-phone');
    await expectNoAxeViolations(page, 'uitstroomformulier met plaatsing');
    await page.context().close();
  });

  it('the werkmatcher finds the outflow form on a resident page, with errors next to the fields', async () => {
    const page = await login({ width: 1366, height: 900 }, /werkmatcher\.overvecht|Overvecht/);
    await page.goto(`${server.baseUrl}/caseload`);
    await page.locator('table tbody tr a').first().click();
    await page.waitForURL(/\/inwoners\//);
    await page.goto(`${page.url().split('?')[0]}?tab=gegevens`);
    await page.getByRole('heading', { name: 'Uitstroom registreren' }).waitFor();
    await page.getByLabel('Datum uitstroom').fill('01-01-1990');
    await page.getByRole('button', { name: 'Uitstroom registreren' }).click();
    await page.getByText('Kies de reden van uitstroom.').waitFor();
    await page.getByText(/De uitstroom kan niet vóór de start van de uitkering liggen/).waitFor();
    await settled(page);
    await shot(page, 'outflow-form-errors');
    await expectNoAxeViolations(page, 'uitstroomformulier');
    await page.context().close();
  });
});
