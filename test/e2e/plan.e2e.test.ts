import { sql } from 'kysely';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInNl } from '../../src/domain/dates.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { expectNoAxeViolations, launchChromium, settled } from './browser.ts';

// Browser test of the "Plan" section of the resident page across two roles, against a real server on a fresh demo
// database: werkmatcher.overvecht starts the one plan for a resident who gave Buurtteam Overvecht consent, adds a
// goal and an action carried out by buurtteam.overvecht; in a second browser context the buurtteam professional
// sees the plan and marks his action done; back in the first (now stale) context the werkmatcher's next change gets
// 412: the conflict panel says what the buurtteam professional changed, and one click redoes the change on top.
// axe on every state. Needs web/dist (npm test builds it first) and Chromium at /usr/bin/chromium.

const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
const inDays = (n: number) => new Date(Date.parse(`${todayInNl()}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('web app: Plan (one plan, made together; werkmatcher and buurtteam; conflicts)', () => {
  let server: TestServer;
  let browser: Browser;
  let coach: Page;
  let buurtteam: Page;
  let residentId: string;
  let professional: string;
  const goalTitle = 'Schulden op een rij';
  const actionText = 'Budgetcoach regelen en samen de post doornemen';
  const secondGoal = 'Werk vinden in de zorg';

  async function loginAs(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/inloggen`);
    await page.getByRole('heading', { name: /Demo-omgeving/ }).waitFor();
    await page.getByRole('button', { name: new RegExp(username.replace('.', '\\.')) }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
    return page;
  }

  async function openResident(page: Page): Promise<Locator> {
    await page.goto(`${server.baseUrl}/inwoners/${residentId}`);
    const section = page.locator('section#plan');
    await section.getByRole('heading', { level: 2, name: 'Plan' }).waitFor();
    await settled(page);
    return section;
  }

  beforeAll(async () => {
    server = await startTestServer({ template: 'demo' });
    // An Overvecht resident of werkmatcher.overvecht with an active consent for Buurtteam Overvecht, without a plan.
    const row = await server.ownerDb
      .selectFrom('residents as r')
      .innerJoin('areas as a', (j) => j.onRef('a.id', '=', 'r.area_id').onRef('a.municipality_id', '=', 'r.municipality_id'))
      .innerJoin('cases as c', (j) => j.onRef('c.resident_id', '=', 'r.id').onRef('c.municipality_id', '=', 'r.municipality_id'))
      .innerJoin('staff_users as s', (j) => j.onRef('s.id', '=', 'c.contact_person_id').onRef('s.municipality_id', '=', 'c.municipality_id'))
      .innerJoin('consents as k', (j) => j.onRef('k.resident_id', '=', 'r.id').onRef('k.municipality_id', '=', 'r.municipality_id'))
      .innerJoin('partner_organisations as p', (j) =>
        j.onRef('p.id', '=', 'k.partner_organisation_id').onRef('p.municipality_id', '=', 'k.municipality_id'),
      )
      .select(['r.id'])
      .where('a.name', '=', 'Overvecht')
      .where('c.status', '=', 'active')
      .where('s.username', '=', 'werkmatcher.overvecht')
      .where('p.name', '=', 'Buurtteam Overvecht')
      .where('k.withdrawn_at', 'is', null)
      .where(sql<boolean>`k.valid_from <= current_date AND (k.valid_to IS NULL OR k.valid_to >= current_date)`)
      .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM plans pl WHERE pl.resident_id = r.id)`)
      .orderBy('r.id')
      .limit(1)
      .executeTakeFirstOrThrow();
    residentId = row.id;
    const bt = await server.ownerDb
      .selectFrom('staff_users')
      .select('display_name')
      .where('username', '=', 'buurtteam.overvecht')
      .executeTakeFirstOrThrow();
    professional = bt.display_name;
    browser = await launchChromium();
    coach = await loginAs('werkmatcher.overvecht');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows Plan first on the resident page, with an empty state that says what to do (no axe violations)', async () => {
    const section = await openResident(coach);
    const tabs = coach.getByRole('navigation', { name: 'Onderdelen van het dossier' });
    expect((await tabs.getByRole('link').allTextContents())[0]).toMatch(/^Plan/);
    expect(await tabs.locator('[aria-current="page"]').allTextContents()).toEqual([expect.stringMatching(/^Plan/)]);
    expect((await coach.locator('main h2').allTextContents())[0]).toBe('Plan');
    await expect(text(section)).resolves.toContain('Nog geen plan. Plan een 3-gesprek om samen een plan te maken.');
    await expect(text(coach.locator('.app-summary'))).resolves.toContain('Buurtteam Overvecht mag meekijken');
    await expectNoAxeViolations(coach, 'plan leeg');
  });

  it('starts the plan; the goal form opens, refuses an empty title with a summary, then adds the goal', async () => {
    const section = coach.locator('section#plan');
    await section.getByRole('button', { name: 'Plan starten' }).click();
    const form = coach.locator('#plan-add-goal');
    await form.waitFor();
    await section.getByRole('status').filter({ hasText: 'Het plan is gestart' }).waitFor();
    await expect.poll(() => coach.locator('#plan-add-goal-title:focus').count()).toBe(1);
    await expect(text(section)).resolves.toContain('Nog niet afgesproken met de inwoner');

    await form.getByRole('button', { name: 'Doel opslaan' }).click();
    const summary = form.locator('.app-error-summary');
    await summary.waitFor();
    expect(await summary.locator('h2').getAttribute('id')).toBe('plan-add-goal-error-summary');
    await expect(text(summary)).resolves.toContain('Geef het doel een korte titel');
    expect(await summary.getByRole('link').first().getAttribute('href')).toBe('#plan-add-goal-title');
    await expectNoAxeViolations(coach, 'doel met fouten');

    await form.getByLabel('Wat wil de inwoner bereiken?').fill(goalTitle);
    await form.getByLabel('Toelichting').fill('Overzicht van alle schulden, en een regeling met de zorgverzekeraar.');
    await form.getByLabel('Leefgebied').selectOption({ label: 'Financiën' });
    await form.getByRole('button', { name: 'Doel opslaan' }).click();
    await section.getByRole('status').filter({ hasText: `Doel ‘${goalTitle}’ is toegevoegd.` }).waitFor();
    await settled(coach);
    expect(await coach.locator('#plan-add-goal').count()).toBe(0);
    const card = section.locator('.app-plan-goal').filter({ hasText: goalTitle });
    await card.getByRole('heading', { level: 3, name: `Doel: ${goalTitle}` }).waitFor();
    await expect(text(card)).resolves.toContain('Leefgebied: Financiën');
    await expect(text(card)).resolves.toContain('Lopend');
  });

  it('adds an action carried out by the buurtteam professional, with a due date (no axe violations)', async () => {
    const section = coach.locator('section#plan');
    const card = section.locator('.app-plan-goal').filter({ hasText: goalTitle });
    await card.getByRole('button', { name: /^Actie toevoegen/ }).click();
    const form = card.locator('form');
    await form.waitFor();
    await expect.poll(() => text(form)).toContain('Buurtteam Overvecht');
    await form.getByLabel('Wat moet er gebeuren?').fill(actionText);
    const owner = form.getByLabel('Wie doet het?');
    await expect.poll(() => owner.locator('option', { hasText: professional }).count()).toBeGreaterThan(0);
    await owner.selectOption({ label: professional });
    await form.getByLabel('Uiterlijk klaar op').fill(inDays(14));
    await expectNoAxeViolations(coach, 'actie toevoegen');
    await form.getByRole('button', { name: 'Actie opslaan' }).click();
    await section.getByRole('status').filter({ hasText: `Actie ‘${actionText}’ is toegevoegd` }).waitFor();
    await settled(coach);

    const action = card.locator('.app-plan-action').filter({ hasText: actionText });
    await expect(text(action)).resolves.toContain(`Wie: ${professional} (Buurtteam Overvecht)`);
    await expect(text(action)).resolves.toMatch(/Wanneer: Uiterlijk \d{1,2} \w+/);
    await expect(text(action)).resolves.toContain('Nog te doen');
    await expect(text(section)).resolves.toContain('1 doel en 1 actie, waarvan 0 klaar.');
    await expectNoAxeViolations(coach, 'plan met actie');
  });

  it('the buurtteam professional, in a second browser, sees the plan and marks his action done', async () => {
    buurtteam = await loginAs('buurtteam.overvecht');
    const section = await openResident(buurtteam);
    await section.locator('.app-plan-goal').filter({ hasText: goalTitle }).waitFor();
    await expect(text(section)).resolves.toContain('U kunt acties toevoegen die u zelf uitvoert');
    expect(await section.getByRole('button', { name: 'Doel toevoegen' }).count()).toBe(0);
    expect(await section.getByRole('button', { name: /Akkoord/ }).count()).toBe(0);
    const action = section.locator('.app-plan-action').filter({ hasText: actionText });
    await expect(text(action)).resolves.toContain('Uw actie');
    await expectNoAxeViolations(buurtteam, 'plan buurtteam');

    await action.getByRole('button', { name: /^Klaar/ }).click();
    await section.getByRole('status').filter({ hasText: `Actie ‘${actionText}’ is klaar.` }).waitFor();
    await settled(buurtteam);
    await expect(text(action)).resolves.toMatch(/Klaar op \d{1,2} \w+/);
    expect(await action.getByRole('button', { name: /^Klaar/ }).count()).toBe(0);
    // The button is gone: focus moves to the action itself.
    await expect.poll(() => action.and(buurtteam.locator(':focus')).count()).toBe(1);
    await expectNoAxeViolations(buurtteam, 'plan buurtteam actie klaar');
  });

  it('the werkmatcher’s stale change shows who changed what, keeps her input, and is redone with one click', async () => {
    const section = coach.locator('section#plan');
    // Her page still shows the version before the buurtteam's change.
    await expect(text(section.locator('.app-plan-action').filter({ hasText: actionText }))).resolves.toContain('Nog te doen');
    await section.getByRole('button', { name: 'Doel toevoegen' }).click();
    const form = coach.locator('#plan-add-goal');
    await form.getByLabel('Wat wil de inwoner bereiken?').fill(secondGoal);
    await form.getByLabel('Leefgebied').selectOption({ label: 'Werk & opleiding' });
    await form.getByRole('button', { name: 'Doel opslaan' }).click();

    const panel = section.locator('#plan-conflict');
    await panel.waitFor();
    await settled(coach);
    await expect(text(panel)).resolves.toContain('Iemand anders heeft het plan net gewijzigd');
    await expect(text(panel)).resolves.toContain(`${professional} heeft het plan gewijzigd`);
    await expect(text(panel)).resolves.toContain(`Actie ‘${actionText}’: nog te doen → klaar`);
    await expect(text(panel)).resolves.toContain(`Uw wijziging: Doel ‘${secondGoal}’ toevoegen`);
    await expect.poll(() => coach.locator('#plan-conflict:focus').count()).toBe(1);
    // The plan on screen is the new version; her input is still in the form.
    await expect(text(section.locator('.app-plan-action').filter({ hasText: actionText }))).resolves.toMatch(/Klaar op/);
    expect(await form.getByLabel('Wat wil de inwoner bereiken?').inputValue()).toBe(secondGoal);
    expect(await section.locator('.app-plan-goal').count()).toBe(1);
    await expectNoAxeViolations(coach, 'plan conflict');

    await panel.getByRole('button', { name: 'Mijn wijziging opnieuw opslaan' }).click();
    await section.getByRole('status').filter({ hasText: `Doel ‘${secondGoal}’ is toegevoegd.` }).waitFor();
    await settled(coach);
    expect(await section.locator('#plan-conflict').count()).toBe(0);
    expect(await coach.locator('#plan-add-goal').count()).toBe(0);
    expect(await section.locator('.app-plan-goal').count()).toBe(2);
    await section.locator('.app-plan-goal').filter({ hasText: secondGoal }).waitFor();
    await expect(text(section)).resolves.toContain('2 doelen en 1 actie, waarvan 1 klaar.');
    await expectNoAxeViolations(coach, 'plan na opnieuw opslaan');
  });

  it('records the resident’s agreement and shows the history of the plan (no axe violations)', async () => {
    const section = coach.locator('section#plan');
    await section.getByRole('button', { name: 'Akkoord van de inwoner vastleggen' }).click();
    const form = coach.locator('#plan-agreement-form');
    await form.getByLabel('Hoe gaf de inwoner akkoord?').selectOption({ label: 'In een gesprek' });
    await form.getByRole('button', { name: 'Akkoord vastleggen' }).click();
    await section.getByRole('status').filter({ hasText: 'Het akkoord van de inwoner is vastgelegd' }).waitFor();
    await settled(coach);
    await expect(text(section.locator('#plan-agreement'))).resolves.toMatch(
      /Afgesproken met de inwoner op \d{1,2} \w+ \d{4} \(in gesprek\)/,
    );

    const toggle = section.getByRole('button', { name: 'Geschiedenis van het plan' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const history = section.locator('#plan-history');
    await history.locator('li').first().waitFor();
    await settled(coach);
    await expect(text(history)).resolves.toContain(`${professional} (Buurtteamprofessional)`);
    await expect(text(history)).resolves.toContain('Plan gemaakt');
    const pdf = section.getByRole('link', { name: 'Plan downloaden (pdf)' });
    expect(await pdf.getAttribute('href')).toBe(`/api/v1/residents/${residentId}/plan/pdf`);
    expect(await pdf.getAttribute('download')).not.toBeNull();
    await expectNoAxeViolations(coach, 'plan met akkoord en geschiedenis');
  });
});
