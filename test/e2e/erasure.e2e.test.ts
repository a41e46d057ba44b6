import { sql } from 'kysely';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { expectNoAxeViolations, launchChromium, settled } from './browser.ts';

// The privacy officer's erasure requests (AVG art. 17, issue 16) in Chromium on a fresh demo database, at 1280×900
// and 390×844: he enters the request, sees what the law says (a legal duty to keep with its reason and date, or
// erasable), decides (record the refusal, or erase), sees the outcome with the text for the letter, and the decision
// in the list. axe on every state, no sideways scrolling; another role sees "Geen toegang".

/** E2E_SHOTS=/some/dir saves a screenshot of every checked state (to look at the pages as a user). */
const SHOTS = process.env.E2E_SHOTS;
const SIZES = [
  { name: 'breed', width: 1280, height: 900 },
  { name: 'telefoon', width: 390, height: 844 },
] as const;

async function check(page: Page, name: string): Promise<void> {
  await settled(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name.replace(/[^a-z0-9]+/gi, '-')}.png`, fullPage: true });
  await expectNoAxeViolations(page, name);
  const widths = await page.evaluate(() => {
    const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
    return { scroll: d.documentElement.scrollWidth, client: d.documentElement.clientWidth };
  });
  expect(widths.scroll, `${name}: horizontal overflow`).toBeLessThanOrEqual(widths.client);
}

async function login(browser: Browser, baseUrl: string, username: string, size: (typeof SIZES)[number]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: size.width, height: size.height } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/inloggen`);
  await page.getByRole('heading', { name: /Demo-omgeving/ }).waitFor();
  await page.getByRole('button', { name: new RegExp(username.replace('.', '\\.')) }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
  return page;
}

const text = async (l: { textContent(): Promise<string | null> }) => ((await l.textContent()) ?? '').replace(/\s+/g, ' ');

describe('web app: the privacy officer decides erasure requests', () => {
  let server: TestServer;
  let browser: Browser;
  let marco: { id: string; bsn: string };
  const closed: Array<{ id: string; bsn: string; family_name: string }> = [];

  beforeAll(async () => {
    server = await startTestServer({ template: 'demo' });
    browser = await launchChromium();
    marco = (
      await sql<{ id: string; bsn: string }>`SELECT id, bsn FROM residents
        WHERE given_names = 'Marco' AND family_name = 'Jansen' AND is_fictitious ORDER BY id LIMIT 1`.execute(server.ownerDb)
    ).rows[0]!;
    // Two residents whose service ended 11 years ago (no legal duty to keep any more): one per screen size.
    const { rows } = await sql<{ id: string; bsn: string; family_name: string }>`SELECT r.id, r.bsn, r.family_name FROM residents r
      WHERE r.is_fictitious AND r.id <> ${marco.id} AND r.pseudonymised_at IS NULL ORDER BY r.id LIMIT 2`.execute(server.ownerDb);
    for (const r of rows) {
      await sql`UPDATE cases SET status = 'closed', closed_on = (current_date - interval '11 years')::date WHERE resident_id = ${r.id}`.execute(server.ownerDb);
      closed.push(r);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [i, size] of SIZES.entries()) {
    it(`refuses Marco Jansen's request (active case) and erases a closed file, each with its outcome (${size.name}, no axe violations)`, async () => {
      const page = await login(browser, server.baseUrl, 'privacy', size);
      await page.goto(`${server.baseUrl}/privacy/wissen`);
      await page.getByRole('heading', { level: 1, name: 'Verzoeken om wissing' }).waitFor();
      await page.locator('#besluiten').getByText(/besluit/).first().waitFor();
      expect(await page.title()).toBe('Verzoeken om wissing — Samenplan');
      await check(page, `wissen leeg ${size.name}`);

      // Empty request: the error is next to the field and in the summary.
      await page.getByLabel('BSN van de inwoner').fill(marco.bsn);
      await page.getByRole('button', { name: 'Nagaan wat de wet zegt' }).click();
      await page.locator('.app-error-summary').waitFor();
      await expect(text(page.locator('#erasure-reason-error'))).resolves.toContain('Beschrijf het verzoek');
      await check(page, `wissen fout ${size.name}`);

      // Marco has an active case: the law says keep; the officer records the refusal.
      await page.getByLabel('Het verzoek').fill(`Brief van de inwoner van 3 december (${size.name})`);
      await page.getByRole('button', { name: 'Nagaan wat de wet zegt' }).click();
      await page.locator('#beoordeling').waitFor();
      await expect(text(page.locator('#beoordeling'))).resolves.toContain('Niet wissen: deze inwoner krijgt nog begeleiding of een uitkering');
      await check(page, `wissen beoordeling geweigerd ${size.name}`);
      await page.getByRole('button', { name: 'Weigering vastleggen' }).click();
      await page.locator('#uitkomst').waitFor();
      await expect(text(page.locator('#uitkomst'))).resolves.toContain('De weigering is vastgelegd. Reden: lopende begeleiding of uitkering (Participatiewet)');
      await expect(text(page.locator('#uitkomst blockquote'))).resolves.toContain('Uw gegevens kunnen nu niet worden gewist');
      // The list of decisions refetches after the decision: wait for it.
      await expect.poll(() => text(page.locator('#besluiten li').first())).toContain('Geweigerd');
      await check(page, `wissen uitkomst geweigerd ${size.name}`);

      // A file whose service ended 11 years ago: erasable; the officer erases it.
      const r = closed[i]!;
      await page.getByLabel('BSN van de inwoner').fill(r.bsn);
      await page.getByRole('button', { name: 'Nagaan wat de wet zegt' }).click();
      await page.locator('#beoordeling').waitFor();
      await expect(text(page.locator('#beoordeling'))).resolves.toContain('De gegevens mogen worden gewist');
      await expect(text(page.locator('#beoordeling h2'))).resolves.toContain(r.family_name);
      await check(page, `wissen beoordeling toegestaan ${size.name}`);
      await page.getByRole('button', { name: 'Gegevens wissen' }).click();
      await page.locator('#uitkomst').waitFor();
      await expect(text(page.locator('#uitkomst'))).resolves.toContain('De gegevens zijn gewist');
      // The list of decisions refetches after the decision: wait for it.
      await expect.poll(() => text(page.locator('#besluiten li').first())).toContain('Gewist');
      await check(page, `wissen uitkomst gewist ${size.name}`);
      const row = (await sql<{ family_name: string }>`SELECT family_name FROM residents WHERE id = ${r.id}`.execute(server.ownerDb)).rows[0]!;
      expect(row.family_name).toBe('Gepseudonimiseerd');

      // In English too (the language is remembered in the browser, as the switch does).
      await page.evaluate(() => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('samenplan.language', 'en'));
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Erasure requests' }).waitFor();
      await page.locator('#besluiten li').first().waitFor();
      await expect(text(page.locator('#besluiten'))).resolves.toMatch(/Refused/);
      await check(page, `wissen engels ${size.name}`);
      await page.context().close();
    });
  }

  it('another role sees "Geen toegang", and no menu entry', async () => {
    const page = await login(browser, server.baseUrl, 'werkmatcher.overvecht', SIZES[0]);
    await page.goto(`${server.baseUrl}/privacy/wissen`);
    await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
    expect(await page.getByRole('link', { name: 'Verzoeken om wissing' }).count()).toBe(0);
    await check(page, 'wissen geen toegang');
    await page.context().close();
  });
});
