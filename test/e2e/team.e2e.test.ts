import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { expectNoAxeViolations, launchChromium, settled } from './browser.ts';

// Browser test of the teamleider's pages against a real server on a fresh demo database: caseload per werkmatcher,
// a catch-up campaign (preview, start over two werkmatchers, coverage) and a bulk reassignment; axe on every step.
// Needs web/dist (npm test builds it first) and Chromium at /usr/bin/chromium.

describe('web app: teamleider', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer({ template: 'demo' });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('teamleider.overvecht lands on the team page with the caseload per werkmatcher (no axe violations)', async () => {
    await page.goto(`${server.baseUrl}/inloggen`);
    await page.getByRole('button', { name: /teamleider\.overvecht/ }).click();
    await page.waitForURL('**/team');
    await page.getByRole('heading', { level: 1, name: 'Mijn team' }).waitFor();
    await page.locator('#caseloads table tbody tr').first().waitFor();
    await settled(page);
    expect(await page.title()).toBe('Mijn team — Samenplan');
    expect(await page.getByRole('link', { name: 'Team', exact: true }).getAttribute('aria-current')).toBe(
      'page',
    );
    // Chart (an image with a label) and the same numbers in a table, with the contact norm stated.
    expect(await page.locator('#caseloads [role="img"]').first().getAttribute('aria-label')).toMatch(
      /actieve inwoners per werkmatcher/,
    );
    expect(await page.locator('#caseloads table tbody tr').count()).toBeGreaterThan(1);
    await expect(page.locator('#caseloads table thead').textContent()).resolves.toContain(
      'Boven contactnorm (90 dagen)',
    );
    await expectNoAxeViolations(page, 'team');
  });

  it('previews and starts a catch-up campaign over two werkmatchers, then sees its coverage (no axe violations)', async () => {
    // The demo already has the team's running campaign (listed with its coverage); a new one starts from the button.
    await expect(page.locator('.app-campaign').first().textContent()).resolves.toMatch(/\d+% gesproken/);
    await page.getByRole('button', { name: 'Nieuwe inhaalslag' }).click();
    const form = page.locator('#catchup-form');
    await form.getByLabel('Minstens zoveel maanden in de bijstand').fill('24');
    await form.getByLabel('Minstens zoveel maanden geen gesprek').fill('12');
    await form.getByRole('button', { name: 'Bekijk wie erbij hoort' }).click();
    await page.locator('#catchup-sample tbody tr').first().waitFor();
    const total = Number(
      (await form.locator('.app-catchup-preview strong').textContent())?.match(/(\d+) inwoners?/)?.[1],
    );
    expect(total).toBeGreaterThan(0);
    expect(await page.locator('#catchup-sample tbody tr').count()).toBe(Math.min(10, total));
    await expectNoAxeViolations(page, 'inhaalslag voorbeeld');

    // Two werkmatchers: choose nobody, then the first two.
    await form.getByRole('button', { name: 'Kies niemand' }).click();
    const staff = form.locator('input[id^="catchup-staff-"]');
    await staff.nth(0).check();
    await staff.nth(1).check();
    const chosen = [
      (await form.locator(`label[for="${await staff.nth(0).getAttribute('id')}"]`).textContent())?.trim() ??
        '',
      (await form.locator(`label[for="${await staff.nth(1).getAttribute('id')}"]`).textContent())?.trim() ??
        '',
    ];
    await form.getByLabel('Om de beurt').check();
    await form.getByLabel('Naam van de inhaalslag').fill('Lang niet gesproken (e2e)');
    // Starting asks first: what happens, then the confirmation.
    await form.getByRole('button', { name: 'Bekijk wat er gebeurt' }).click();
    await form.locator('#catchup-moves tbody tr').first().waitFor();
    expect((await form.locator('#catchup-moves tbody th').allTextContents()).map((s) => s.trim()).sort()).toEqual([...chosen].sort());
    await form.getByRole('button', { name: /^Ja, start de inhaalslag voor \d+ inwoners?$/ }).click();

    await page.waitForURL(/\/team\/inhaalslag\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: /Lang niet gesproken \(e2e\)/ }).waitFor();
    await settled(page);
    await expect(page.locator('.utrecht-alert--ok').textContent()).resolves.toContain(
      `gestart met ${total} inwoner`,
    );
    await expect(page.locator('main').textContent()).resolves.toContain('0% gesproken, 0% met plan');
    const perStaff = await page.locator('#per-staff-table tbody th').allTextContents();
    expect(perStaff.map((s) => s.trim()).sort()).toEqual([...chosen].sort());
    expect(await page.locator('#weeks-table tbody tr').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'inhaalslag');

    // Back on the team page, the campaign is listed with its coverage.
    await page.getByRole('link', { name: 'Terug naar Mijn team' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn team' }).waitFor();
    const item = page.locator('.app-campaign', { hasText: 'Lang niet gesproken (e2e)' });
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain('0% gesproken, 0% met plan');
  });

  it('hands one resident over with a handover note and sees how many were handed over (no axe violations)', async () => {
    await page.locator('#reassign-table tbody tr').first().waitFor();
    await settled(page);
    const submit = page.getByRole('button', { name: 'Overdragen', exact: true });
    // Without choices: errors next to the fields.
    await submit.click();
    await expect(page.locator('#reassign-note-error').textContent()).resolves.toContain(
      'wat moet de nieuwe werkmatcher weten?',
    );
    await expectNoAxeViolations(page, 'overdragen fouten');

    const row = page.locator('#reassign-table tbody tr').first();
    const current = (await row.locator('td').nth(2).textContent())?.trim() ?? '';
    await row.locator('input[type="checkbox"]').check();
    const options = (await page.locator('#reassign-to option').allTextContents())
      .map((s) => s.trim())
      .filter((s) => s && s !== 'Kies een werkmatcher');
    const to = options.find((o) => o !== current)!;
    await page.getByLabel('Nieuwe werkmatcher').selectOption({ label: to });
    await page
      .getByLabel('Overdrachtsnotitie')
      .fill('Warme overdracht: schulden lopen via de budgetcoach, volgende afspraak staat.');
    await page.getByRole('button', { name: '1 inwoner overdragen' }).click();
    const done = page.locator('.utrecht-alert--ok');
    await done.waitFor();
    await expect(done.textContent()).resolves.toContain(`1 inwoner overgedragen aan ${to}.`);
    await settled(page);
    await expectNoAxeViolations(page, 'overdragen gelukt');
  });
});
