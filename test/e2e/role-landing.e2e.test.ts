import { sql } from 'kysely';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { expectNoAxeViolations, launchChromium, settled } from './browser.ts';

// Every role lands on work of its own (issue 10, points 8 and 9), in Chromium on a fresh demo database, at
// 1366×900 and 390×844: buurtteam.overvecht lands on his werklijst (3-gesprekken, open actions, consents that end
// soon); privacy looks up a resident by BSN with a reason, sees the lookup itself in the log, filters the log and
// reads the register. axe on every state, no sideways scrolling of the page.

/** E2E_SHOTS=/some/dir saves a full-page screenshot of every checked state (to look at the pages as a user). */
const SHOTS = process.env.E2E_SHOTS;
const SIZES = [
  { name: 'breed', width: 1366, height: 900 },
  { name: 'telefoon', width: 390, height: 844 },
] as const;

async function check(page: Page, name: string): Promise<void> {
  await settled(page);
  if (SHOTS) {
    await page.screenshot({ path: `${SHOTS}/${name.replace(/[^a-z0-9]+/gi, '-')}.png`, fullPage: true });
    await page.screenshot({ path: `${SHOTS}/${name.replace(/[^a-z0-9]+/gi, '-')}-top.png` });
  }
  await expectNoAxeViolations(page, name);
  // The page itself never scrolls sideways (wide tables scroll inside their own region).
  const widths = await page.evaluate(() => {
    const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
    return { scroll: d.documentElement.scrollWidth, client: d.documentElement.clientWidth };
  });
  expect(widths.scroll, `${name}: horizontal overflow`).toBeLessThanOrEqual(widths.client);
}

async function login(browser: Browser, baseUrl: string, username: string, size: (typeof SIZES)[number]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/inloggen`);
  await page.getByRole('heading', { name: /Demo-omgeving/ }).waitFor();
  await page.getByRole('button', { name: new RegExp(username.replace('.', '\\.')) }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
  return page;
}

/** The visible entries of a log: table rows on a wide screen, list items on a phone. */
const entries = (page: Page, id: string) => page.locator(`#${id} tbody tr:visible, #${id}-list > li:visible`);

const text = async (l: { textContent(): Promise<string | null> }) => ((await l.textContent()) ?? '').replace(/\s+/g, ' ');

describe('web app: every role lands on work of its own (buurtteam, privacy officer)', () => {
  let server: TestServer;
  let browser: Browser;
  let marco: { id: string; bsn: string };

  beforeAll(async () => {
    server = await startTestServer({ template: 'demo' });
    browser = await launchChromium();
    marco = (
      await sql<{ id: string; bsn: string }>`SELECT id, bsn FROM residents
        WHERE given_names = 'Marco' AND family_name = 'Jansen' AND is_fictitious ORDER BY id LIMIT 1`.execute(server.ownerDb)
    ).rows[0]!;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const size of SIZES) {
    it(`buurtteam.overvecht lands on his werklijst with meetings, actions and consents ending (${size.name}, no axe violations)`, async () => {
      const page = await login(browser, server.baseUrl, 'buurtteam.overvecht', size);
      await page.waitForURL('**/buurtteam');
      await page.getByRole('heading', { level: 1, name: 'Mijn werklijst' }).waitFor();
      await page.locator('#acties li').first().waitFor();
      expect(await page.title()).toBe('Mijn werklijst — Samenplan');
      await expect(text(page.locator('main'))).resolves.toContain('U ziet alleen inwoners die Buurtteam Overvecht toestemming gaven.');
      // The 3-gesprek with Marco Jansen this week (the demo's story), his own open actions, consents that end soon.
      const meetings = page.locator('#gesprekken li');
      expect(await meetings.count()).toBeGreaterThan(0);
      await expect(text(page.locator('#gesprekken'))).resolves.toMatch(/3-gesprek/);
      expect(await page.locator('#acties li').count()).toBeGreaterThan(0);
      await expect(text(page.locator('#acties li').first())).resolves.toMatch(/Uw actie|Actie van/);
      const consents = page.locator('#toestemmingen li');
      expect(await consents.count()).toBeGreaterThan(0);
      await expect(text(consents.first())).resolves.toMatch(/Nog \d+ dag|Loopt vandaag af/);
      // The summary names the day's figures; the nav marks the page.
      await expect(text(page.getByRole('list', { name: 'Vandaag in het kort' }))).resolves.toMatch(/gesprek(ken)? deze week/);
      expect(await page.getByRole('link', { name: 'Mijn werklijst', exact: true }).getAttribute('aria-current')).toBe('page');
      await check(page, `buurtteam werklijst ${size.name}`);

      // In English, every text translated (no keys, no Dutch headings).
      await page.getByRole('button', { name: /^EN/ }).click();
      await page.getByRole('heading', { level: 1, name: 'My worklist' }).waitFor();
      for (const h of ['My meetings', 'My open actions', 'Consent ends within 30 days']) await page.getByRole('heading', { level: 2, name: new RegExp(`^${h}`) }).waitFor();
      await expect(text(page.locator('main'))).resolves.not.toMatch(/partnerWorklist\./);
      await check(page, `buurtteam werklijst english ${size.name}`);
      await page.getByRole('button', { name: /^NL/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Mijn werklijst' }).waitFor();

      // A row leads to the resident page, at the consents.
      const first = consents.first().locator('a').first();
      const name = (await first.textContent())?.trim() ?? '';
      await first.click();
      await page.waitForURL(/\/inwoners\/[0-9a-f-]{36}#toestemmingen$/);
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await page.locator('section#toestemmingen').waitFor();
      await check(page, `buurtteam inwoner toestemmingen ${size.name}`);
      await page.context().close();
    });
  }

  for (const size of SIZES) {
    it(`privacy looks up Marco Jansen by BSN with a reason, and finds the lookup in the log (${size.name}, no axe violations)`, async () => {
      const reason = `Inzageverzoek van de inwoner (${size.name})`;
      const page = await login(browser, server.baseUrl, 'privacy', size);
      await page.waitForURL('**/privacy');
      await page.getByRole('heading', { level: 1, name: 'Wie heeft dit dossier bekeken?' }).waitFor();
      await check(page, `privacy opzoeken leeg ${size.name}`);

      // Without a reason and with a wrong BSN: both errors, next to the fields and in the summary.
      await page.getByLabel('BSN van de inwoner').fill('123456789');
      await page.getByRole('button', { name: 'Verwerkingen tonen' }).click();
      await page.locator('.app-error-summary').waitFor();
      await expect(text(page.locator('#lookup-bsn-error'))).resolves.toContain('Dit BSN klopt niet');
      await expect(text(page.locator('#lookup-reason-error'))).resolves.toContain('Geef een reden');
      await check(page, `privacy opzoeken fouten ${size.name}`);

      // A BSN nobody in Utrecht has: a warning that says what to check.
      await page.getByLabel('BSN van de inwoner').fill('111222333');
      await page.getByLabel('Waarom zoekt u dit op?').fill(reason);
      await page.getByRole('button', { name: 'Verwerkingen tonen' }).click();
      await expect.poll(() => text(page.locator('main'))).toContain('Er is geen inwoner met dit BSN in uw gemeente.');
      await check(page, `privacy opzoeken niet gevonden ${size.name}`);

      // The demo says which BSN to try (a newcomer has no inzageverzoek in front of him): Marco Jansen's.
      await expect(text(page.locator('.app-privacy-demo'))).resolves.toContain(`${marco.bsn.slice(0, 4)} ${marco.bsn.slice(4, 6)} ${marco.bsn.slice(6)} van Marco Jansen`);
      if (size.name === 'breed') await page.getByRole('button', { name: 'Vul dit BSN in' }).click();
      else await page.getByLabel('BSN van de inwoner').fill(`${marco.bsn.slice(0, 4)}.${marco.bsn.slice(4, 6)}.${marco.bsn.slice(6)}`);
      await page.getByRole('button', { name: 'Verwerkingen tonen' }).click();
      await page.getByRole('heading', { level: 2, name: 'Verwerkingen van Marco Jansen' }).waitFor();
      await expect(text(page.locator('#verwerkingen'))).resolves.toContain(`Uw opzoeking is vastgelegd in het logboek, met uw reden: “${reason}”.`);
      // His log: the buurtteam's werklijst above showed him (PA-018), with who and why. This lookup itself is
      // written when it commits: it shows in the log below (and in his list next time).
      await entries(page, 'resident-log').first().waitFor();
      const shown = (await entries(page, 'resident-log').allTextContents()).join(' ').replace(/\s+/g, ' ');
      expect(shown).toContain('Werklijst van de buurtteamprofessional');
      expect(shown).toContain('Buurtteamprofessional, Buurtteam Overvecht');
      expect(shown).toContain('Art. 6 lid 1 sub a AVG');
      // The export for a subject access request: a PDF download.
      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: 'Download als pdf' }).click();
      expect((await download).suggestedFilename()).toMatch(/^inzage-marco-jansen-\d{4}-\d{2}-\d{2}\.pdf$/);
      await check(page, `privacy opzoeken resultaat ${size.name}`);

      // The log, filtered on the activity of the lookup: the lookup is there, with its reason.
      await page.getByRole('link', { name: 'Logboek', exact: true }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Logboek van verwerkingen' }).waitFor();
      await entries(page, 'processing-log').first().waitFor();
      await check(page, `privacy logboek ${size.name}`);
      await page.getByLabel('Verwerkingsactiviteit').selectOption('PA-007');
      await page.getByRole('button', { name: 'Toon verwerkingen' }).click();
      await page.waitForURL(/activiteit=PA-007/);
      // Looking at the log is itself logged (an aggregate PA-007 entry); the lookup names one resident, with its reason.
      const lookupRow = entries(page, 'processing-log').filter({ hasText: reason });
      await lookupRow.first().waitFor();
      expect(await lookupRow.count()).toBe(1);
      await expect(text(lookupRow)).resolves.toContain('1 inwoner');
      await expect(text(lookupRow)).resolves.toContain('Privacy officer, Utrecht (demo)');
      await expect(text(page.locator('main'))).resolves.toMatch(/\d+ verwerkingen? gevonden\./);
      await check(page, `privacy logboek gefilterd ${size.name}`);

      // The register of processing activities, with the buurtteam's werklijst and the subject access request.
      await page.getByRole('link', { name: 'Register', exact: true }).first().click();
      await page.getByRole('heading', { level: 1, name: /^Register van verwerkings\u00ad?activiteiten$/ }).waitFor();
      await page.getByRole('heading', { level: 2, name: /PA-018 · Werklijst van de buurtteamprofessional/ }).waitFor();
      await page.getByRole('heading', { level: 2, name: /PA-019/ }).waitFor();
      await check(page, `privacy register ${size.name}`);

      // In English: the lookup page, translated.
      await page.getByRole('link', { name: 'Wie bekeek dit dossier?' }).click();
      await page.getByRole('button', { name: /^EN/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Who viewed this file?' }).waitFor();
      await page.getByLabel("Resident's BSN").waitFor();
      await expect(text(page.locator('main'))).resolves.not.toMatch(/privacyOfficer\./);
      await check(page, `privacy opzoeken english ${size.name}`);
      await page.getByRole('button', { name: /^NL/ }).click();
      await page.context().close();
    });
  }
});
