import { mkdirSync } from 'node:fs';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { expectNoAxeViolations, launchChromium, settled } from './browser.ts';

// Messages in Mijn Samenplan (issue 11) in Chromium against the demo: inwoner.naima on a small phone (360×740) sees
// the unread answer of her contact person on her home page, reads the conversation, gets the answer next to the field
// for markup, and sends a message; werkmatcher.overvecht (1280) sees it on her werklijst, opens the Berichten tab of
// the resident page and answers. Also "Mijn werk" at 360 px. axe on every page; screenshots in SCREENSHOT_DIR.

const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp/portal-messages-e2e';
const WORDS = 'Mijn cv is klaar. Zal ik het meenemen naar de afspraak?';

async function noOverflow(page: Page) {
  const { scroll, client } = await page.evaluate(() => {
    const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
    return { scroll: d.documentElement.scrollWidth, client: d.documentElement.clientWidth };
  });
  expect(scroll).toBeLessThanOrEqual(client);
}

describe('Mijn Samenplan: messages on a phone, answered from the resident page', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer({ template: 'demo' });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale: 'nl-NL' });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const login = await page.request.post(`${server.baseUrl}/api/v1/portal/session/demo`, { data: { username: 'inwoner.naima' } });
    expect(login.status()).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('home says there is a new message; the conversation shows it as text', async () => {
    await page.goto(`${server.baseUrl}/mijn`);
    await page.getByRole('heading', { level: 1, name: 'Hallo Naima' }).waitFor();
    await page.getByText('U heeft 1 nieuw bericht van uw contactpersoon.').waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'portal home with a new message (360)');
    await noOverflow(page);
    await page.screenshot({ path: `${SHOTS}/01-home-unread-360.png`, fullPage: true });
    await page.getByRole('link', { name: 'Lees uw berichten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Berichten' }).waitFor();
    const list = page.getByRole('list', { name: 'Berichten, oudste eerst' });
    await expect.poll(async () => list.getByRole('listitem').count()).toBe(3);
    await expect.poll(async () => (await list.textContent()) ?? '').toContain('Ik zoek vacatures onder schooltijden');
    await settled(page);
    await expectNoAxeViolations(page, 'portal messages (360)');
    await noOverflow(page);
    await page.screenshot({ path: `${SHOTS}/02-messages-360.png`, fullPage: true });
  });

  it('markup gets the answer next to the field; a plain message is sent', async () => {
    const field = page.getByLabel('Uw bericht');
    await field.fill('<b>Hallo</b>');
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.getByText(/zonder HTML-code of scripts/).waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'portal message error (360)');
    await field.fill(WORDS);
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.getByText('Uw bericht is verstuurd.').waitFor();
    const list = page.getByRole('list', { name: 'Berichten, oudste eerst' });
    await expect.poll(async () => list.getByRole('listitem').count()).toBe(4);
    await expectNoAxeViolations(page, 'portal message sent (360)');
    await noOverflow(page);
    await page.screenshot({ path: `${SHOTS}/03-message-sent-360.png`, fullPage: true });
  });

  it('Mijn werk at 360 px: proposals and work wishes with the warning', async () => {
    await page.getByRole('link', { name: 'Mijn werk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn werk' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Mijn werkwensen' }).waitFor();
    await page.getByText(/Schrijf niets over uw leeftijd, geslacht, afkomst, geloof of gezondheid/).waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'portal my work (360)');
    await noOverflow(page);
    await page.screenshot({ path: `${SHOTS}/04-my-work-360.png`, fullPage: true });
    // She chooses an occupation herself (ESCO, through the portal's own search) and saves her wishes.
    await page.getByLabel('Beroep toevoegen').fill('kok');
    const first = page.locator('#work-occupation-add-results button').first();
    await first.waitFor();
    const label = ((await first.locator('.app-occupation__option-label').textContent()) ?? '').trim();
    await first.click();
    await page.locator('#work-occupations li').filter({ hasText: label }).first().waitFor();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText(/opgeslagen/i).first().waitFor();
    await expectNoAxeViolations(page, 'portal my work, occupation chosen (360)');
    await noOverflow(page);
    await page.screenshot({ path: `${SHOTS}/05-my-work-occupation-360.png`, fullPage: true });
  });

  it('the werkmatcher sees the message on her werklijst and answers from the resident page', async () => {
    const staff = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    const p = await staff.newPage();
    const login = await p.request.post(`${server.baseUrl}/api/v1/session/demo`, { data: { username: 'werkmatcher.overvecht' } });
    expect(login.status()).toBe(201);
    await p.goto(`${server.baseUrl}/werklijst`);
    const block = p.locator('section#berichten');
    await block.getByRole('heading', { name: /Nieuwe berichten van inwoners/ }).waitFor();
    await settled(p);
    await expectNoAxeViolations(p, 'werklijst with unread messages (1280)');
    await p.screenshot({ path: `${SHOTS}/05-worklist-1280.png`, fullPage: true });
    await block.getByRole('link', { name: /Naima.*1 nieuw bericht/ }).click();
    await p.getByRole('heading', { level: 2, name: 'Berichten' }).waitFor();
    const list = p.getByRole('list', { name: 'Berichten, oudste eerst' });
    await expect.poll(async () => (await list.textContent()) ?? '').toContain(WORDS);
    await settled(p);
    await expectNoAxeViolations(p, 'resident page messages (1280)');
    await p.getByLabel('Uw bericht').fill('Ja, neem het mee. Tot donderdag!');
    await p.getByRole('button', { name: 'Versturen' }).click();
    await p.getByText('Uw bericht is verstuurd.').waitFor();
    await expect.poll(async () => list.getByRole('listitem').count()).toBe(5);
    await p.screenshot({ path: `${SHOTS}/06-resident-messages-1280.png`, fullPage: true });
    await staff.close();
    // Naima's home counts the new answer.
    await page.goto(`${server.baseUrl}/mijn`);
    await page.getByText('U heeft 1 nieuw bericht van uw contactpersoon.').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
