import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { expectNoAxeViolations, launchChromium, settled } from './browser.ts';

// Browser test of the werkgeversadviseur's pages on a fresh demo database: he lands on Kandidaten, opens the
// hospital with its intention agreement (pledged vs realised), creates a school-hours vacancy with the ESCO field and
// the schedule field (after first seeing the errors of an empty form), and finds it with the school-hours badge.
// axe on every page and state. Needs a web build (web/dist, or SAMENPLAN_WEB_DIST) and Chromium at /usr/bin/chromium.

const TITLE = 'Medewerker linnenkamer (e2e)';

describe('web app: werkgeversadviseur', () => {
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

  it('lands on Kandidaten with the employer advisor navigation (no axe violations)', async () => {
    await page.goto(`${server.baseUrl}/inloggen`);
    await page.getByRole('button', { name: /werkgeversadviseur/ }).first().click();
    await page.waitForURL('**/kandidaten');
    await page.getByRole('heading', { level: 1, name: 'Kandidaten' }).waitFor();
    await settled(page);
    expect(await page.title()).toBe('Kandidaten — Samenplan');
    const nav = page.getByRole('navigation', { name: /hoofdmenu|navigatie/i });
    await expect(nav.getByRole('link').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['Kandidaten', 'Vacatures', 'Werkgevers']),
    );
    await expectNoAxeViolations(page, 'kandidaten');
  });

  it('opens the hospital and sees its intention agreement as "x van 40 plaatsingen" with a progress bar', async () => {
    await page.getByRole('link', { name: 'Werkgevers', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Werkgevers' }).waitFor();
    await page.locator('#employers-table tbody tr').first().waitFor();
    await settled(page);
    const row = page.locator('#employers-table tbody tr', { hasText: 'Stadsziekenhuis' });
    await expect(row.textContent()).resolves.toMatch(/\d+ van 40 plaatsingen/);
    await expectNoAxeViolations(page, 'werkgevers');

    // Search narrows the list.
    await page.getByLabel('Zoek een werkgever').fill('ziekenhuis');
    await expect.poll(() => page.locator('#employers-table tbody tr').count(), { timeout: 10_000 }).toBe(1);
    await settled(page);

    await row.getByRole('link', { name: /Stadsziekenhuis/ }).click();
    await page.getByRole('heading', { level: 1, name: /Stadsziekenhuis Utrecht/ }).waitFor();
    await settled(page);
    const agreements = page.locator('#afspraken');
    await expect(agreements.textContent()).resolves.toMatch(/Intentieverklaring/);
    const bar = agreements.getByRole('progressbar').first();
    expect(await bar.getAttribute('aria-valuemax')).toBe('40');
    expect(await bar.getAttribute('aria-valuetext')).toMatch(/^\d+ van 40 plaatsingen$/);
    // Contacts are shown to the advisor.
    await page.locator('#contactpersonen').waitFor();
    await expectNoAxeViolations(page, 'werkgever');

    // The agreement form with errors after an empty submit.
    await page.getByRole('button', { name: 'Afspraak toevoegen' }).click();
    await page.locator('#agreement-form').getByRole('button', { name: 'Afspraak opslaan' }).click();
    await expect(page.locator('#agreement-pledged-error').textContent()).resolves.toContain('plaatsingen');
    await expectNoAxeViolations(page, 'afspraak fouten');
    await page.locator('#agreement-form').getByRole('button', { name: 'Annuleren' }).click();
  });

  it('creates a school-hours vacancy with the ESCO field and the schedule field (errors first; no axe violations)', async () => {
    await page.locator('#vacatures').getByRole('link', { name: 'Vacature toevoegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vacature toevoegen' }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'vacature nieuw');

    // Empty form: an error summary and errors next to the fields.
    await page.getByRole('button', { name: 'Vacature opslaan' }).click();
    await page.locator('.app-error-summary').waitFor();
    await expect(page.locator('#vacancy-title-error').textContent()).resolves.toContain('Vul een titel in');
    await expect(page.locator('#vacancy-occupation-error').textContent()).resolves.toContain('Kies een beroep');
    await expectNoAxeViolations(page, 'vacature fouten');

    await page.getByLabel('Titel van de vacature').fill(TITLE);
    await page.locator('#vacancy-occupation').fill('schoonmaker');
    const option = page.getByRole('button', { name: 'schoonmaker gebouwen', exact: true });
    await option.waitFor();
    await expect(page.locator('.app-occupation').textContent()).resolves.toContain(
      'Deze dienst gebruikt de ESCO-classificatie van de Europese Commissie',
    );
    await expectNoAxeViolations(page, 'beroep zoeken');
    await option.click();
    await expect(page.locator('#vacancy-occupation-chosen').textContent()).resolves.toContain('schoonmaker gebouwen');

    await page.getByLabel('Uren per week').fill('20');
    await page.getByRole('button', { name: /Schooltijden/ }).click();
    await expect(page.locator('.app-schedule-note').textContent()).resolves.toContain('Past binnen schooltijden');
    await page.getByLabel('Postcode van de werkplek').fill('3584 CX');
    await page.getByLabel('Vast contract').check();
    await page.locator('#vacancy-required-skills').fill('nauwkeurig, plannen');
    await page.keyboard.press('Enter');
    await expect(page.locator('.app-skill-list').first().locator('li').count()).resolves.toBe(2);
    await page.getByLabel('Jobcoaching').check();
    await expectNoAxeViolations(page, 'vacature ingevuld');

    await page.getByRole('button', { name: 'Vacature opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await settled(page);
    const main = page.locator('main');
    await expect(main.textContent()).resolves.toContain('schoonmaker gebouwen');
    await expect(main.textContent()).resolves.toContain('ma–vr 09:00–14:30');
    await expect(main.textContent()).resolves.toContain('Past binnen schooltijden');
    await expect(main.textContent()).resolves.toContain('Jobcoaching');
    await expectNoAxeViolations(page, 'vacature');
  });

  it('finds the new vacancy under "alleen binnen schooltijden" with the school-hours badge', async () => {
    await page.getByRole('link', { name: 'Vacatures', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Vacatures' }).waitFor();
    await page.locator('#vacancies-table').waitFor();
    await page.getByLabel('Alleen binnen schooltijden').check();
    await page.waitForURL(/schooltijden=ja/);
    await page.getByLabel('Zoek in vacatures').fill('linnenkamer');
    await expect.poll(() => page.locator('#vacancies-table tbody tr').count(), { timeout: 10_000 }).toBe(1);
    await settled(page);
    const row = page.locator('#vacancies-table tbody tr', { hasText: TITLE });
    await expect(row.textContent()).resolves.toContain('Past binnen schooltijden');
    await expect(row.textContent()).resolves.toContain('Stadsziekenhuis');
    await expectNoAxeViolations(page, 'vacatures schooltijden');
  });
});
