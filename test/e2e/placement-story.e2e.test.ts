import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { expectNoAxeViolations, launchChromium, settled } from './browser.ts';

// The whole story of issue 4 across two roles, in Chromium on a fresh demo database: werkmatcher.overvecht finds a
// school-hours vacancy at the hospital for the single parent Naima Bakker, proposes it and records her agreement; the
// werkgeversadviseur presents her anonymously (no name anywhere on the page), records the employer's wish for an
// interview, reveals her identity, and records the placement under the hospital's intention agreement, which then
// counts one more realised placement. axe on every page and state.

const STORY_NAME = 'Naima Bakker';
/** E2E_SHOTS=/some/dir saves a full-page screenshot of every checked state (to look at the pages as a user). */
const SHOTS = process.env.E2E_SHOTS;

async function check(page: Page, name: string): Promise<void> {
  await expectNoAxeViolations(page, name);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name.replace(/[^a-z0-9]+/gi, '-')}.png`, fullPage: true });
}
const HOSPITAL = 'Stadsziekenhuis Utrecht';

describe('web app: from match to placement (werkmatcher and werkgeversadviseur)', () => {
  let server: TestServer;
  let browser: Browser;
  let coachContext: BrowserContext;
  let advisorContext: BrowserContext;
  let coach: Page;
  let advisor: Page;
  let coachApi: ApiClient;
  let advisorApi: ApiClient;
  let residentId: string;
  let vacancyTitle = '';
  let proposalId = '';
  let realisedBefore = 0;
  let agreementTitle = '';
  let agreementId = '';

  beforeAll(async () => {
    server = await startTestServer({ template: 'demo' });
    coachApi = await loginAs(server.baseUrl, 'werkmatcher.overvecht');
    advisorApi = await loginAs(server.baseUrl, 'werkgeversadviseur');
    const found = await coachApi.get(`/api/v1/residents?q=${encodeURIComponent(STORY_NAME)}&contactPerson=me`);
    residentId = (found.body.items as { id: string; name: string }[]).find((r) => r.name === STORY_NAME)!.id;
    const employers = await advisorApi.get(`/api/v1/employers?q=${encodeURIComponent('Stadsziekenhuis')}`);
    const hospital = employers.body.items[0];
    const intention = hospital.agreements.find((a: { kind: string }) => a.kind === 'intention');
    realisedBefore = intention.realisedPlacements;
    agreementTitle = intention.title;
    agreementId = intention.id;
    browser = await launchChromium();
    coachContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    advisorContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    coach = await coachContext.newPage();
    advisor = await advisorContext.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the werkmatcher proposes a school-hours vacancy at the hospital and records that Naima agrees', async () => {
    await coach.goto(`${server.baseUrl}/inloggen`);
    await coach.getByRole('button', { name: /werkmatcher\.overvecht/ }).click();
    await coach.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
    await coach.goto(`${server.baseUrl}/inwoners/${residentId}#werk`);
    await coach.getByRole('heading', { level: 1, name: STORY_NAME }).waitFor();
    const list = coach.locator('#passende-vacatures');
    await list.getByRole('checkbox', { name: 'Alleen binnen schooltijden' }).check();
    await settled(coach);
    const more = list.getByRole('button', { name: /^Toon alle \d+ passende vacatures$/ });
    if ((await more.count()) > 0) await more.click();
    const match = list
      .locator('.app-match')
      .filter({ hasText: HOSPITAL })
      .filter({ has: coach.getByRole('button', { name: /^Voorstellen aan inwoner/ }) })
      .first();
    await match.waitFor();
    vacancyTitle = ((await match.locator('.app-match__title').textContent()) ?? '').trim();
    const headingId = (await match.locator('.app-match__title').getAttribute('id')) ?? '';
    const vacancyId = /^match-(.+)-title$/.exec(headingId)?.[1] ?? '';
    const card = list.locator('.app-match').filter({ has: coach.locator(`[id="${headingId}"]`) });
    await expect(card.textContent()).resolves.toContain('Past binnen schooltijden');
    await card.getByRole('button', { name: /^Voorstellen aan inwoner/ }).click();
    await card.getByRole('button', { name: 'Voorstel vastleggen' }).click();

    await expect
      .poll(async () => ((await coachApi.get(`/api/v1/residents/${residentId}/proposals`)).body.items as { id: string; vacancy: { id: string } }[]).find((p) => p.vacancy.id === vacancyId)?.id ?? '')
      .not.toBe('');
    proposalId = ((await coachApi.get(`/api/v1/residents/${residentId}/proposals`)).body.items as { id: string; vacancy: { id: string } }[]).find((p) => p.vacancy.id === vacancyId)!.id;
    const proposal = coach.locator(`[id="proposal-${proposalId}"]`);
    await proposal.waitFor();
    await proposal.getByRole('button', { name: /^Inwoner stemt in/ }).click();
    await proposal.getByLabel('in gesprek').check();
    await proposal.getByRole('button', { name: 'Instemming vastleggen' }).click();
    await expect.poll(() => proposal.locator('.app-badge').textContent()).toBe('Inwoner stemt in');
    await check(coach, 'werkmatcher: voorstel met instemming');
  });

  it('the advisor sees an anonymous candidate: no name, no address, only the profile and the explanation', async () => {
    const candidate = await advisorApi.get(`/api/v1/candidates/${proposalId}`);
    expect(candidate.status).toBe(200);
    const code: string = candidate.body.candidateCode;
    expect(code).toMatch(/^K-/);

    await advisor.goto(`${server.baseUrl}/inloggen`);
    await advisor.getByRole('button', { name: /werkgeversadviseur/ }).first().click();
    await advisor.waitForURL('**/kandidaten');
    await settled(advisor);
    await advisor.getByRole('link', { name: new RegExp(code) }).first().click();
    await advisor.waitForURL(`**/kandidaten/${proposalId}`);
    await advisor.getByRole('heading', { level: 1, name: new RegExp(code) }).waitFor();
    await settled(advisor);
    const text = (await advisor.locator('main').textContent()) ?? '';
    expect(text).toContain('Anoniem profiel');
    expect(text).toContain(vacancyTitle);
    for (const hidden of ['Naima', 'Bakker']) expect(text).not.toContain(hidden);
    expect(await advisor.getByRole('button', { name: 'Identiteit vrijgeven' }).isDisabled()).toBe(true);
    await check(advisor, 'adviseur: anonieme kandidaat');
  });

  it('presents her, records the interview, reveals her identity and records the placement under the agreement', async () => {
    await advisor.getByRole('button', { name: 'Anoniem voorstellen aan werkgever' }).click();
    await expect.poll(async () => (await advisorApi.get(`/api/v1/candidates/${proposalId}`)).body.status).toBe('presented');
    // The date of the employer's commitment is typed as day-month-year; one that does not exist is named and
    // nothing is sent; it may stay empty: today.
    const interviewDate = advisor.locator('#interview-date');
    await interviewDate.fill('31-04-2026');
    await advisor.getByRole('button', { name: 'Werkgever wil een gesprek' }).click();
    await advisor.getByText('31 april 2026 bestaat niet', { exact: false }).first().waitFor();
    expect((await advisorApi.get(`/api/v1/candidates/${proposalId}`)).body.status).toBe('presented');
    await interviewDate.fill('');
    await advisor.getByRole('button', { name: 'Werkgever wil een gesprek' }).click();
    await expect.poll(async () => (await advisorApi.get(`/api/v1/candidates/${proposalId}`)).body.status).toBe('interviewAgreed');
    await settled(advisor);
    // Still anonymous until the reveal.
    expect((await advisor.locator('main').textContent()) ?? '').not.toContain('Naima');
    await check(advisor, 'adviseur: gesprek toegezegd');

    await advisor.getByRole('button', { name: 'Identiteit vrijgeven' }).click();
    await advisor.getByRole('button', { name: 'Ja, identiteit vrijgeven' }).click();
    await expect.poll(() => advisor.locator('main').textContent(), { timeout: 15_000 }).toContain(STORY_NAME);
    await check(advisor, 'adviseur: identiteit vrijgegeven');

    await advisor.locator('#place-button').click();
    const form = advisor.locator('#placement-form');
    await form.waitFor();
    await form.getByLabel('Eerste werkdag').fill(new Date().toISOString().slice(0, 10));
    await form.getByLabel('Tijdelijk contract').check();
    await form.getByLabel('Uren per week').fill('20');
    // The hospital's running intention agreement is preselected (it used to default to "Geen afspraak", so the
    // placement silently did not count towards the 40), and the form says it counts.
    const agreement = form.getByLabel('Telt mee voor afspraak');
    await expect.poll(() => agreement.inputValue()).toBe(agreementId);
    await expect(agreement.locator('option:checked').textContent()).resolves.toContain(agreementTitle);
    await expect(form.locator('#placement-agreement-description').textContent()).resolves.toMatch(new RegExp(`Telt mee voor ${agreementTitle}: nu \\d+ van 40 plaatsingen`));
    await form.getByLabel('Gedeeltelijke uitstroom').check();
    await check(advisor, 'adviseur: plaatsing vastleggen');
    await form.getByRole('button', { name: 'Plaatsing vastleggen' }).click();
    await expect.poll(async () => (await advisorApi.get(`/api/v1/candidates/${proposalId}`)).body.status, { timeout: 15_000 }).toBe('placed');
    await settled(advisor);
    await check(advisor, 'adviseur: geplaatst');
  });

  it('the placement has follow-up at 1, 3, 6 and 12 months and counts for the hospital’s agreement', async () => {
    const candidate = (await advisorApi.get(`/api/v1/candidates/${proposalId}`)).body;
    expect(candidate.placementId).toBeTruthy();
    await advisor.goto(`${server.baseUrl}/plaatsingen/${candidate.placementId}`);
    await advisor.getByRole('heading', { level: 1 }).waitFor();
    await settled(advisor);
    const text = (await advisor.locator('main').textContent()) ?? '';
    expect(text).toContain(HOSPITAL);
    for (const months of ['1 maand', '3 maanden', '6 maanden', '12 maanden']) expect(text).toContain(months);
    await check(advisor, 'adviseur: plaatsing met nazorg');

    const employers = await advisorApi.get(`/api/v1/employers?q=${encodeURIComponent('Stadsziekenhuis')}`);
    const intention = employers.body.items[0].agreements.find((a: { kind: string }) => a.kind === 'intention');
    expect(intention.realisedPlacements).toBe(realisedBefore + 1);
    // And the werkmatcher sees the placement and the partial outflow on Naima's page.
    const placements = await coachApi.get(`/api/v1/residents/${residentId}/placements`);
    expect(placements.body.items).toHaveLength(1);
    expect(placements.body.items[0]).toMatchObject({ outflow: 'partial', hoursPerWeek: 20, employer: { name: expect.stringContaining(HOSPITAL) } });
  });
});
