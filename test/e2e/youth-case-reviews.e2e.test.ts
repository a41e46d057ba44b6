import { mkdirSync } from 'node:fs';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInNl } from '../../src/domain/dates.ts';
import { addDaysIso } from '../../src/domain/search-period.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { expectNoAxeViolations, launchChromium, settled } from './browser.ts';

// Case reviews in Chromium on a fresh demo (ADR 0030): werkmatcher.jongeren plans a casuïstiekoverleg, puts one of
// her young people on the agenda with a question, and records the outcome with an action that lands in the plan.
// axe on the page, desktop and 390×844. Screenshots go to SCREENSHOT_DIR when it is set.

const shot = async (page: Page, name: string) => {
  if (process.env.SCREENSHOT_DIR) {
    mkdirSync(process.env.SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true });
  }
};

describe('web app: Team Jongeren case reviews', () => {
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

  async function login(username: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/inloggen`);
    await page.getByRole('button', { name: new RegExp(username.replace('.', '\\.')) }).first().click();
    await page.waitForURL((u) => !u.pathname.startsWith('/inloggen'));
    return page;
  }

  it('plans a casuïstiekoverleg, puts a young person on the agenda and records the outcome into the plan', async () => {
    const page = await login('werkmatcher.jongeren');
    await page.getByRole('link', { name: 'Casuïstiekoverleg', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Casuïstiekoverleg en afstemmingsoverleg' }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'overleg (leeg)');

    const [y, m, d] = addDaysIso(todayInNl(), 12).split('-');
    // The demo's agenda: the next casuïstiekoverleg has two young people on it.
    await page.getByText('2 op de agenda, 0 besproken', { exact: false }).first().waitFor();
    await page.getByText('Een overleg plannen').click();
    await page.getByLabel('Soort overleg').selectOption('caseConsultation');
    await page.getByLabel('Datum').fill(`${d}-${m}-${y}`);
    await page.getByRole('button', { name: 'Overleg plannen' }).click();
    const label = new Intl.DateTimeFormat('nl', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${y}-${m}-${d}T12:00:00Z`));
    const heading = page.getByRole('heading', { level: 2, name: `Casuïstiekoverleg · ${label}` });
    await heading.waitFor();
    const section = page.locator('section.app-section').filter({ has: heading });

    await section.getByText('Een jongere op de agenda zetten').click();
    const select = section.getByLabel('Jongere', { exact: true });
    await expect.poll(async () => select.locator('option').count()).toBeGreaterThan(1);
    const name = (await select.locator('option').nth(1).textContent())!;
    await select.selectOption({ index: 1 });
    await section.getByLabel('Vraag aan het overleg').fill('Zoektermijn nu, of eerst de schulden op orde?');
    await section.getByLabel('Partner die deelneemt').selectOption('schoolRmc');
    await section.getByLabel('Naam van de partner of organisatie').fill('RMC Utrecht');
    // Without the young person's consent an outside partner is refused, the checkbox named.
    await section.getByRole('button', { name: 'Op de agenda zetten' }).click();
    await section.getByText('alleen deel als de jongere daarmee instemde', { exact: false }).waitFor();
    await section.getByLabel('De jongere vindt het goed').check();
    await section.getByRole('button', { name: 'Op de agenda zetten' }).click();
    await section.getByRole('heading', { level: 3, name }).waitFor();
    await settled(page);
    await shot(page, 'youth-case-review');
    await expectNoAxeViolations(page, 'overleg met agendapunt');

    await section.getByText('Uitkomst vastleggen').first().click();
    await section.getByLabel('Wat is besproken').fill('De schulden lopen op; zoeken zou de schuldhulp doorkruisen.');
    await section.getByLabel('Besluit', { exact: true }).fill('Eerst schuldhulp, ontheffing voorstellen.');
    await section.getByLabel('Afgesproken actie (komt in het plan)').fill('Aanmelden bij schuldhulp');
    await section.getByRole('button', { name: 'Uitkomst vastleggen' }).click();
    await section.getByText('1 actie staat in het plan.').waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'overleg besproken');

    const phone = await login('werkmatcher.jongeren', { width: 390, height: 844 });
    await phone.goto(`${server.baseUrl}/jongeren/overleg`);
    await phone.getByText('1 actie staat in het plan.').first().waitFor();
    expect(await phone.getByRole('heading', { level: 2 }).count()).toBeGreaterThanOrEqual(4);
    await settled(phone);
    await shot(phone, 'youth-case-review-phone');
    await expectNoAxeViolations(phone, 'overleg op de telefoon');
    const o = await phone.locator('html').evaluate((el: { scrollWidth: number; clientWidth: number }) => ({ s: el.scrollWidth, c: el.clientWidth }));
    expect(o.s).toBeLessThanOrEqual(o.c);
  });

  it('the youth menu only for who works in Team Jongeren: werkmatcher.overvecht does not see it, werkmatcher.jongeren does', async () => {
    const page = await login('werkmatcher.overvecht');
    await page.getByRole('link', { name: 'Werklijst', exact: true }).first().waitFor();
    await settled(page);
    for (const name of ['Zoektermijnen', 'Warme overdrachten', 'Maatwerk', 'Casuïstiekoverleg']) {
      expect(await page.getByRole('link', { name, exact: true }).count(), name).toBe(0);
    }
    const youth = await login('werkmatcher.jongeren');
    await youth.getByRole('link', { name: 'Zoektermijnen', exact: true }).first().waitFor();
    expect(await youth.getByRole('link', { name: 'Casuïstiekoverleg', exact: true }).count()).toBeGreaterThan(0);
  });

  it('beleid: the council letter with its text, tables per wijk and the PDF link (axe, desktop and phone)', async () => {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      const page = await login('beleid', viewport);
      await page.goto(`${server.baseUrl}/jongeren/raadsopgave`);
      await page.getByRole('heading', { level: 1, name: 'Opgave jongvolwassenen aan de raad' }).waitFor();
      await page.locator('#council-searchPeriods').waitFor();
      await settled(page);
      await expect(page.getByLabel('Tekst van de brief').inputValue()).resolves.toContain('zoektermijnen van vier weken');
      expect(await page.getByRole('link', { name: /als pdf/ }).count()).toBe(1);
      await shot(page, `youth-council-letter-${viewport.width}`);
      await expectNoAxeViolations(page, `raadsopgave ${viewport.width}`);
    }
  });
});
