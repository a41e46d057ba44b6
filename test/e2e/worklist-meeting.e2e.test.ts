import { sql } from 'kysely';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { expectNoAxeViolations, launchChromium, settled } from './browser.ts';

// Browser test of the Werklijst and the "Gesprekken" section against a real server on a fresh demo database:
// werkmatcher.overvecht lands on her worklist, opens a resident with a Buurtteam Overvecht consent, plans a
// 3-gesprek with buurtteam.overvecht (after a past Sunday without a place shows both errors at once and 31 February
// "bestaat niet"; planned on the next working day, then moved back in time so a report may follow), records the report with one agreed
// action for the buurtteam professional, and finds that action in the plan. axe on every state.
// Needs web/dist (npm test builds it first) and Chromium at /usr/bin/chromium.

const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe('web app: Werklijst and a 3-gesprek with its report', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let residentId = '';
  let professionalId = '';
  const action = 'Samen de brieven van de schuldeisers doornemen';

  beforeAll(async () => {
    server = await startTestServer({ template: 'demo' });
    // An Overvecht resident of werkmatcher.overvecht with an active consent for Buurtteam Overvecht.
    const row = await server.ownerDb
      .selectFrom('residents as r')
      .innerJoin('cases as c', (j) =>
        j.onRef('c.resident_id', '=', 'r.id').onRef('c.municipality_id', '=', 'r.municipality_id'),
      )
      .innerJoin('staff_users as s', (j) =>
        j.onRef('s.id', '=', 'c.contact_person_id').onRef('s.municipality_id', '=', 'c.municipality_id'),
      )
      .innerJoin('consents as k', (j) =>
        j.onRef('k.resident_id', '=', 'r.id').onRef('k.municipality_id', '=', 'r.municipality_id'),
      )
      .innerJoin('partner_organisations as p', (j) =>
        j
          .onRef('p.id', '=', 'k.partner_organisation_id')
          .onRef('p.municipality_id', '=', 'k.municipality_id'),
      )
      .select(['r.id'])
      .where('c.status', '=', 'active')
      .where('s.username', '=', 'werkmatcher.overvecht')
      .where('p.name', '=', 'Buurtteam Overvecht')
      .where('k.withdrawn_at', 'is', null)
      .where(
        sql<boolean>`k.valid_from <= current_date AND (k.valid_to IS NULL OR k.valid_to >= current_date)`,
      )
      .orderBy('r.id')
      .limit(1)
      .executeTakeFirstOrThrow();
    residentId = row.id;
    const bt = await server.ownerDb
      .selectFrom('staff_users')
      .select('id')
      .where('username', '=', 'buurtteam.overvecht')
      .executeTakeFirstOrThrow();
    professionalId = bt.id;
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('werkmatcher.overvecht lands on her worklist: today first, the rest collapsed with counts, no axe violations', async () => {
    await page.goto(`${server.baseUrl}/inloggen`);
    await page.getByRole('heading', { name: /Demo-omgeving/ }).waitFor();
    await page.getByRole('button', { name: /werkmatcher\.overvecht/ }).click();
    await page.waitForURL('**/werklijst');
    await page.getByRole('heading', { level: 1, name: 'Mijn werklijst' }).waitFor();
    await page.locator('section#acties').waitFor();
    await settled(page);

    // Today first (meetings today, overdue and due actions), then the rest of the week, then the rest collapsed.
    const headings = (await page.locator('main .app-wl-group > h2, main .app-wl-section > h2, main .app-wl-section > h3').allTextContents()).map((h) => h.replace(/\s*\(\d+\)$/, '').trim());
    expect(headings).toEqual([
      'Vandaag',
      'Gesprekken vandaag',
      'Acties: te laat en voor vandaag',
      'Later deze week',
      'Verder op uw werklijst',
    ]);
    const summaries = (await page.locator('main details > summary').allTextContents()).map((h) => h.replace(/\s+/g, ' ').trim());
    expect(summaries.map((h) => h.replace(/ \(\d+\)$/, ''))).toEqual(['Boven de contactnorm', 'Nieuw in uw caseload', 'Nieuw, nog zonder plan']);
    for (const summary of summaries) expect(summary).toMatch(/\(\d+\)$/);
    expect(await page.locator('main details[open]').count()).toBe(0);
    await expectNoAxeViolations(page, 'werklijst');

    const norm = page.locator('details#contactnorm');
    await norm.locator('summary').click();
    await expect(text(norm)).resolves.toMatch(/Geen contact in \d+ dagen \(norm: 90\)|Nog nooit contact/);
    const firstRow = norm.locator('li a').first();
    expect(await firstRow.getAttribute('href')).toMatch(/^\/inwoners\/[0-9a-f-]{36}\?tab=gesprekken#contact$/);
    const nav = page.getByRole('navigation', { name: /Hoofdmenu|Hoofdnavigatie|menu/i });
    expect((await nav.getByRole('link').allTextContents())[0]).toBe('Werklijst');
    await expect(nav.getByRole('link', { name: /^Meldingen/ }).count()).resolves.toBe(1);
    await expectNoAxeViolations(page, 'werklijst, contactnorm open');
  });

  it('plans a 3-gesprek with buurtteam.overvecht: two errors at once, 31 February does not exist, then the next working day', async () => {
    await page.goto(`${server.baseUrl}/inwoners/${residentId}?tab=gesprekken`);
    const section = page.locator('section#gesprekken');
    await section.getByRole('heading', { level: 2, name: 'Gesprekken' }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'gesprekken');

    await section.getByRole('button', { name: 'Gesprek plannen' }).click();
    const form = page.locator('#mt-new-form');
    await form.waitFor();
    await settled(page);
    expect(await form.getByLabel('Soort gesprek').inputValue()).toBe('threeWay');
    await expect(text(form)).resolves.toContain('automatisch gevuld met de open belemmeringen');
    await expectNoAxeViolations(page, 'gesprek plannen');

    // Every error at once, next to its field: a past Sunday without a place says both the date and the place.
    const sunday = new Date(Date.now() - 86_400_000);
    while (sunday.getUTCDay() !== 0) sunday.setUTCDate(sunday.getUTCDate() - 1);
    const typed = (d: Date) => `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;
    await form.getByLabel('Datum').fill(typed(sunday));
    await form.getByLabel('Begintijd').fill('10:00');
    await form.getByLabel('Eindtijd').fill('10:30');
    await form.getByLabel('Plaats').fill('');
    await form.getByLabel('Professional van het buurtteam').selectOption(professionalId);
    await form.getByRole('button', { name: 'Gesprek plannen' }).click();
    const summary = form.locator('.app-error-summary');
    await summary.waitFor();
    expect(await summary.locator('li').count()).toBe(2);
    await expect(text(page.locator('#mt-new-date-error'))).resolves.toMatch(/Dit moment is al voorbij.*is een zondag\. Plan gesprekken op een werkdag/);
    await expect(text(page.locator('#mt-new-location-error'))).resolves.toContain('Vul in waar het gesprek is');
    await expectNoAxeViolations(page, 'gesprek plannen: twee fouten tegelijk');
    if (process.env.E2E_SHOTS) {
      await summary.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${process.env.E2E_SHOTS}/gesprek-twee-fouten.png` });
    }
    // 31 February says that the day does not exist (the field keeps what was typed).
    await form.getByLabel('Datum').fill('31-02-2027');
    await form.getByRole('button', { name: 'Gesprek plannen' }).click();
    await expect.poll(() => text(page.locator('#mt-new-date-error'))).toContain('31 februari 2027 bestaat niet: februari 2027 heeft 28 dagen.');
    expect(await form.getByLabel('Datum').inputValue()).toBe('31-02-2027');
    await expectNoAxeViolations(page, 'gesprek plannen: 31 februari');

    // The next working day at 10:00 in the browser's time zone; afterwards moved back in time (a report follows).
    const next = new Date(Date.now() + 86_400_000);
    while (next.getUTCDay() === 0 || next.getUTCDay() === 6) next.setUTCDate(next.getUTCDate() + 1);
    const when = { date: typed(next), start: '10:00', end: '10:30' };
    await form.getByLabel('Datum').fill(when.date);
    await form.getByLabel('Begintijd').fill(when.start);
    await form.getByLabel('Eindtijd').fill(when.end);
    await form.getByLabel('Plaats').fill('Buurtteam Overvecht, Zamenhofdreef');
    await form.getByLabel('Professional van het buurtteam').selectOption(professionalId);
    await form.getByRole('button', { name: 'Gesprek plannen' }).click();

    await section.getByRole('status').filter({ hasText: 'Gesprek gepland' }).waitFor();
    await settled(page);
    expect(await page.locator('#mt-new-form').count()).toBe(0);
    const item = section.locator('li.app-mt-item').first();
    await expect(text(item)).resolves.toContain('3-gesprek');
    await expect(text(item)).resolves.toContain('Buurtteam Overvecht, Zamenhofdreef');
    await expect(text(item)).resolves.toContain('Gepland');
    await expect(text(item)).resolves.toContain('Buurtteam Overvecht');
    const ics = item.getByRole('link', { name: /Uitnodiging \(\.ics\)/ });
    expect(await ics.getAttribute('href')).toMatch(/^\/api\/v1\/meetings\/[0-9a-f-]{36}\/invitation\.ics$/);
    await expectNoAxeViolations(page, 'gesprek gepland');

    // Time passes: the meeting took place earlier today (a planned meeting cannot start in the past). Two hours ago,
    // but not before today's midnight in the Netherlands: shortly after midnight "two hours ago" is yesterday.
    const meetingId = (await ics.getAttribute('href'))!.split('/')[4]!;
    await sql`WITH t AS (SELECT greatest(date_trunc('day', now() AT TIME ZONE 'Europe/Amsterdam') AT TIME ZONE 'Europe/Amsterdam', now() - interval '2 hours') AS s)
      UPDATE meetings SET starts_at = t.s, ends_at = t.s + (now() - t.s) / 4 FROM t WHERE id = ${meetingId}::uuid`.execute(server.ownerDb);
    await page.reload();
    await section.getByRole('button', { name: 'Verslag vastleggen' }).first().waitFor();
    await settled(page);
  });

  it("the werklijst shows today's 3-gesprek (earlier today, report still to write) under 'Vandaag', leading to the meetings", async () => {
    await page.goto(`${server.baseUrl}/werklijst`);
    const today = page.locator('section#gesprekken-vandaag');
    await today.waitFor();
    await settled(page);
    const row = today.locator('li.app-wl-item').filter({ hasText: '3-gesprek' }).first();
    await row.waitFor();
    const href = await row.getByRole('link').first().getAttribute('href');
    expect(href).toBe(`/inwoners/${residentId}?tab=gesprekken`);
    await row.getByRole('link').first().click();
    await page.locator('section#gesprekken').waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'from the werklijst to the meetings');
  });

  it('records the report with one agreed action for the buurtteam professional; the action is in the plan', async () => {
    const section = page.locator('section#gesprekken');
    const item = section.locator('li.app-mt-item').first();
    await item.getByRole('button', { name: 'Verslag vastleggen' }).click();
    const form = item.locator('form');
    await form.waitFor();

    // An empty report is refused with a summary that links to the field.
    await form.getByRole('button', { name: 'Verslag opslaan' }).click();
    const summary = form.locator('.app-error-summary');
    await summary.waitFor();
    await expect(text(summary)).resolves.toContain('Schrijf een kort verslag');
    await expectNoAxeViolations(page, 'verslag met fouten');

    await form
      .getByLabel('Verslag', { exact: true })
      .fill('Besproken: schulden en vrijwilligerswerk. Het buurtteam helpt met de post.');
    await form.getByRole('button', { name: 'Afspraak toevoegen' }).click();
    await form.getByLabel('Wat wordt er gedaan?').fill(action);
    await form.getByLabel('Wie doet het?').selectOption(`partnerProfessional:${professionalId}`);
    await expectNoAxeViolations(page, 'verslag ingevuld');
    await form.getByRole('button', { name: 'Verslag opslaan' }).click();

    await section.getByRole('status').filter({ hasText: '1 afspraak staat nu in het plan' }).waitFor();
    await settled(page);
    await expect(text(item)).resolves.toContain('Gehouden');
    await expect(text(item)).resolves.toContain(action);
    await expect(text(section.getByRole('status'))).resolves.toContain('telt als contact');
    await expectNoAxeViolations(page, 'verslag vastgelegd');

    // The action is in the plan, owned by the buurtteam professional.
    const plan: any = await page.evaluate(
      async (id) => (await fetch(`/api/v1/residents/${id}/plan`)).json(),
      residentId,
    );
    const actions = (
      plan.goals as {
        actions: { description: string; owner: { type: string; staffUser?: { id: string } | null } }[];
      }[]
    ).flatMap((g) => g.actions);
    const added = actions.find((a) => a.description === action);
    expect(added?.owner.type).toBe('partnerProfessional');
    // The plan is its own tab: the address says so, and the back button returns to the meetings.
    const tabs = page.getByRole('navigation', { name: 'Onderdelen van het dossier' });
    await tabs.getByRole('link', { name: /^Plan/ }).click();
    await page.waitForURL(/\?tab=plan$/);
    await expect.poll(() => tabs.getByRole('link', { name: /^Plan/ }).getAttribute('aria-current')).toBe('page');
    expect(await tabs.locator('[aria-current="page"]').count()).toBe(1);
    await expect.poll(() => text(page.locator('section#plan')), { timeout: 10_000 }).toContain(action);
    expect(await page.locator('section#gesprekken').count()).toBe(0);
    await page.goBack();
    await page.waitForURL(/\?tab=gesprekken$/);
    await page.locator('section#gesprekken').waitFor();
    expect(await page.locator('section#plan').count()).toBe(0);
  });

  it('buurtteam.overvecht sees the 3-gesprek with its report, without forms (no axe violations)', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const bt = await context.newPage();
    await bt.goto(`${server.baseUrl}/inloggen`);
    await bt.getByRole('heading', { name: /Demo-omgeving/ }).waitFor();
    await bt.getByRole('button', { name: /buurtteam\.overvecht/ }).click();
    await bt.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
    // An old link with only the #anchor still opens the right tab.
    await bt.goto(`${server.baseUrl}/inwoners/${residentId}#gesprekken`);
    const section = bt.locator('section#gesprekken');
    await section.getByRole('heading', { level: 2, name: 'Gesprekken' }).waitFor();
    await settled(bt);
    const item = section.locator('li.app-mt-item').first();
    await expect(text(item)).resolves.toContain('Besproken: schulden en vrijwilligerswerk');
    await expect(text(item)).resolves.toContain(action);
    expect(await section.getByRole('button').count()).toBe(0);
    await expectNoAxeViolations(bt, 'gesprekken buurtteam (390 px)');
    await context.close();
  });
});
