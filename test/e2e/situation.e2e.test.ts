import { sql } from 'kysely';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { expectNoAxeViolations, launchChromium, settled } from './browser.ts';

// Browser test of the "Situatie" section of the resident page against a real server on a fresh demo database:
// a werkmatcher records a Zelfredzaamheid-Matrix scoring and a ladder rung through the form, sees the bars and
// labels, adds a barrier and changes its status (also after someone else changed it: 412). axe on every step.
// Needs web/dist (npm test builds it first) and Chromium at /usr/bin/chromium.

const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe('web app: Situatie (ZRM, participatieladder, belemmeringen)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let section: Locator;

  beforeAll(async () => {
    server = await startTestServer({ template: 'demo' });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    section = page.locator('section#situatie');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens a resident from the caseload: Situatie is the second tab, with an empty state that says what to do', async () => {
    await page.goto(`${server.baseUrl}/inloggen`);
    await page.getByRole('heading', { name: /Demo-omgeving/ }).waitFor();
    await page.getByRole('button', { name: /werkmatcher\.overvecht/ }).click();
    // A werkmatcher lands on her werklijst; the caseload is one click away in the navigation.
    await page.waitForURL('**/werklijst');
    await page.getByRole('link', { name: 'Mijn caseload', exact: true }).first().click();
    await page.waitForURL('**/caseload');
    await page.locator('#caseload-table tbody tr').first().waitFor();
    await settled(page);

    const link = page.locator('#caseload-table tbody th a').first();
    const name = (await link.textContent())?.trim() ?? '';
    await link.click();
    await page.waitForURL(/\/inwoners\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const tabs = page.getByRole('navigation', { name: 'Onderdelen van het dossier' });
    // Plan first (work first), then Situatie.
    const labels = (await tabs.getByRole('link').allTextContents()).map((l) => /^\D+?(?=\d|$)/.exec(l)![0].trim());
    expect(labels.slice(0, 3)).toEqual(['Plan', 'Situatie', 'Gesprekken']);
    await tabs.getByRole('link', { name: /^Situatie/ }).click();
    await page.waitForURL(/\?tab=situatie$/);
    await section.getByRole('heading', { level: 2, name: 'Situatie' }).waitFor();
    await settled(page);

    await expect(text(section)).resolves.toContain(
      'Nog geen scoring. Vul de Zelfredzaamheid-Matrix samen met de inwoner in',
    );
    await expect(text(section)).resolves.toContain('Nog geen belemmeringen vastgelegd.');
    await expectNoAxeViolations(page, 'situatie leeg');
  });

  it('an empty scoring is refused with an error summary that links to the field (no axe violations)', async () => {
    await section.getByRole('button', { name: 'Nieuwe scoring vastleggen' }).click();
    const form = page.locator('#zrm-form');
    await form.waitFor();
    await form.getByRole('button', { name: 'Scoring opslaan' }).click();
    const summary = form.locator('.app-error-summary');
    await summary.waitFor();
    await expect(text(summary)).resolves.toContain('Kies voor minstens één domein een score');
    expect(await summary.getByRole('link').first().getAttribute('href')).toBe('#zrm-finances-1');
    await expectNoAxeViolations(page, 'scoring met fouten');
  });

  it('records a scoring with a few domains and a ladder rung; the bars show the Dutch labels and the date', async () => {
    const form = page.locator('#zrm-form');
    const choose = (domain: string, label: string) =>
      form.getByRole('group', { name: domain, exact: true }).getByLabel(label, { exact: true }).check();
    await choose('Financiën', '2 – Niet zelfredzaam');
    await choose('Werk & opleiding', '3 – Beperkt zelfredzaam');
    await choose('Huisvesting', '4 – Voldoende zelfredzaam');
    await form.getByLabel('Trede op de participatieladder').selectOption('3');
    await form.getByLabel('Toelichting').fill('3-gesprek: schuldhulp loopt, wil vrijwilligerswerk doen.');
    // The date is typed as day-month-year; a day that does not exist is named next to the field, nothing is saved.
    const date = form.locator('#zrm-date');
    const today = await date.inputValue();
    expect(today).toMatch(/^\d{2}-\d{2}-\d{4}$/);
    await date.fill('30-02-2026');
    await form.getByRole('button', { name: 'Scoring opslaan' }).click();
    await form.locator('.app-error-summary').getByRole('link', { name: /30 februari 2026 bestaat niet/ }).waitFor();
    await date.fill(today);
    await form.getByRole('button', { name: 'Scoring opslaan' }).click();

    await section.getByRole('status').filter({ hasText: 'Scoring opgeslagen' }).waitFor();
    await settled(page);
    expect(await page.locator('#zrm-form').count()).toBe(0);

    const row = (domain: string) =>
      section.locator('.app-zrm__row').filter({ has: page.getByText(domain, { exact: true }) });
    await expect(text(row('Financiën'))).resolves.toContain('2 – Niet zelfredzaam');
    await expect(text(row('Werk & opleiding'))).resolves.toContain('3 – Beperkt zelfredzaam');
    await expect(text(row('Huisvesting'))).resolves.toContain('4 – Voldoende zelfredzaam');
    await expect(text(row('Huisvesting'))).resolves.toMatch(/\d{1,2} \w+ \d{4}/);
    await expect(text(row('Huisvesting'))).resolves.toContain('eerste score');
    await expect(text(row('Huisvesting'))).resolves.not.toContain('Verouderd');
    await expect(text(row('Justitie'))).resolves.toContain('Nog niet gescoord');
    expect(await section.locator('.app-zrm__row .app-scorebar').count()).toBe(3);
    await expect(text(section)).resolves.toContain('3 van de 13 domeinen hebben een score');
    await expect(text(section)).resolves.toContain(
      'Trede 3 van 6 – Deelname aan georganiseerde activiteiten',
    );

    // The chart has a table view.
    const toggle = section.getByRole('button', { name: 'Toon als tabel' });
    await toggle.click();
    const table = section.locator('#zrm-history');
    await table.waitFor();
    expect(
      await section.getByRole('button', { name: 'Verberg tabel' }).first().getAttribute('aria-expanded'),
    ).toBe('true');
    await expect(text(table.locator('tbody tr').filter({ hasText: 'Huisvesting' }))).resolves.toContain(
      'Voldoende zelfredzaam',
    );
    await expect(text(table)).resolves.toContain('schuldhulp loopt');
    await expectNoAxeViolations(page, 'situatie met scoring');
  });

  it('adds a barrier and changes its status; a change by someone else in between is explained (412), then redone', async () => {
    const description = 'Schulden bij de zorgverzekeraar, nog geen regeling.';
    await section.getByRole('button', { name: 'Belemmering toevoegen' }).click();
    const form = page.locator('#barrier-form');
    await form.waitFor();
    // Required fields first: inline errors, no request.
    await form.getByRole('button', { name: 'Belemmering vastleggen' }).click();
    await form.getByText('Kies het leefgebied van de belemmering.').waitFor();
    await expectNoAxeViolations(page, 'belemmering met fouten');

    await form.getByLabel('Leefgebied').selectOption({ label: 'Financiën' });
    await form.getByLabel('Wat staat de inwoner in de weg?').fill(description);
    await form.getByRole('button', { name: 'Belemmering vastleggen' }).click();
    await section.getByRole('status').filter({ hasText: 'Belemmering Financiën is vastgelegd.' }).waitFor();
    await settled(page);

    const card = section.locator('.app-barrier').filter({ hasText: description });
    await section.getByRole('heading', { level: 4, name: 'Open (1)' }).waitFor();
    await expect(text(card)).resolves.toMatch(/Vastgelegd door .+ op \d{1,2} \w+ \d{4}/);
    const barrierId = ((await card.getAttribute('id')) ?? '').replace(/^barrier-/, '');
    expect(barrierId).toMatch(/^[0-9a-f-]{36}$/);

    // Someone else changes the barrier after we loaded it.
    await sql`UPDATE barriers SET description = description || ' Afspraak schuldhulp op 1 december.', version = version + 1, updated_at = now() WHERE id = ${barrierId}`.execute(
      server.ownerDb,
    );
    await card.getByLabel(/^Status/).selectOption('inProgress');
    await card.getByRole('button', { name: /^Opslaan/ }).click();
    await card.getByText('Iemand anders heeft deze belemmering net gewijzigd.').waitFor();
    await settled(page);
    await card.getByText(/Afspraak schuldhulp op 1 december/).waitFor();
    await expectNoAxeViolations(page, 'belemmering conflict');

    // Redo on top of the new version.
    await card.getByLabel(/^Status/).selectOption('inProgress');
    await card.getByRole('button', { name: /^Opslaan/ }).click();
    await section
      .getByRole('status')
      .filter({ hasText: 'De status van belemmering Financiën is nu: Wordt aangepakt.' })
      .waitFor();
    await settled(page);
    await section.getByRole('heading', { level: 4, name: 'Wordt aangepakt (1)' }).waitFor();
    expect(await section.getByRole('heading', { level: 4, name: /^Open/ }).count()).toBe(0);
    expect(await card.getByLabel(/^Status/).inputValue()).toBe('inProgress');
    await expectNoAxeViolations(page, 'situatie met belemmering');
  });
});
