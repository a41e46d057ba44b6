import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { expectNoAxeViolations, launchChromium, settled } from './browser.ts';

// Browser test of matching on a fresh demo database: werkmatcher.overvecht opens the story single parent (Naima
// Bakker, school-hours work profile), sees matching vacancies within school hours with their explanation, proposes one
// and records the resident's agreement; the beleidsmedewerker opens the fairness monitor and the Algoritmeregister
// entry. axe on every state, including the open work-profile form with errors.
// Needs web/dist (or SAMENPLAN_WEB_DIST) and Chromium at /usr/bin/chromium.

const STORY_NAME = 'Naima Bakker';
const SCHOOL_HOURS = [1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '14:30' }));

/**
 * Until the demo seed has the matching story, make sure of it through the API: open school-hours vacancies (from the
 * employer advisor) and a school-hours work profile for the single parent. Returns her id.
 */
async function ensureStory(baseUrl: string): Promise<string> {
  const coach = await loginAs(baseUrl, 'werkmatcher.overvecht');
  const advisor = await loginAs(baseUrl, 'werkgeversadviseur');
  const found = await coach.get(`/api/v1/residents?q=${encodeURIComponent(STORY_NAME)}&contactPerson=me`);
  expect(found.status).toBe(200);
  const resident = (found.body.items as { id: string; name: string }[]).find((r) => r.name === STORY_NAME);
  expect(resident, 'the story single parent is in the caseload of werkmatcher.overvecht').toBeDefined();
  const id = resident!.id;

  const profile = await coach.get(`/api/v1/residents/${id}/work-profile`);
  let escoCode: string;
  if (profile.status === 404) {
    const esco = await coach.get('/api/v1/esco/occupations?q=schoonmaker%20gebouwen&limit=1');
    escoCode = esco.body.items[0].code;
    const put = await coach.put(`/api/v1/residents/${id}/work-profile`, {
      desiredOccupations: [{ escoCode }],
      skills: ['schoonmaken', 'zelfstandig werken'],
      experience: [{ description: 'Schoonmaak in een hotel', years: 2 }],
      education: 'vmbo',
      hoursMin: 12,
      hoursMax: 24,
      availability: SCHOOL_HOURS,
      maxTravelKm: 15,
      hasDrivingLicence: false,
      preferredContractTypes: [],
      preferredSectors: ['zorg'],
      preferencesNote: 'Wil werken terwijl de kinderen op school zijn.',
    });
    expect(put.status).toBeLessThan(300);
  } else {
    expect(profile.status).toBe(200);
    escoCode = profile.body.desiredOccupations[0].escoCode;
  }

  const matches = await coach.get(`/api/v1/residents/${id}/vacancy-matches?schoolHoursOnly=true`);
  expect(matches.status).toBe(200);
  if (matches.body.items.length < 2) await createSchoolHoursVacancies(advisor, escoCode);
  return id;
}

async function createSchoolHoursVacancies(advisor: ApiClient, escoCode: string): Promise<void> {
  const employer = await advisor.post('/api/v1/employers', { name: 'Ziekenhuis e2e (test)', sector: 'Zorg' });
  expect(employer.status).toBe(201);
  const vacancy = (title: string, schedule: typeof SCHOOL_HOURS, hoursPerWeek: number) =>
    advisor.post('/api/v1/vacancies', {
      employerId: employer.body.id,
      title,
      escoCode,
      requiredSkills: ['schoonmaken'],
      niceToHaveSkills: [],
      hoursPerWeek,
      schedule,
      postcode: '3584CX',
      contractType: 'temporary',
      instruments: ['trialPlacement'],
      drivingLicenceRequired: false,
      status: 'open',
    });
  expect((await vacancy('Schoonmaker poliklinieken (e2e)', SCHOOL_HOURS.map((w) => ({ ...w, to: '14:00' })), 20)).status).toBe(201);
  expect((await vacancy('Schoonmaak kantoren (e2e)', SCHOOL_HOURS.slice(0, 4), 16)).status).toBe(201);
}

describe('web app: matching', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let residentId: string;

  beforeAll(async () => {
    server = await startTestServer({ template: 'demo' });
    residentId = await ensureStory(server.baseUrl);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('werkmatcher finds the single parent and sees her school-hours work profile (no axe violations)', async () => {
    await page.goto(`${server.baseUrl}/inloggen`);
    await page.getByRole('button', { name: /werkmatcher\.overvecht/ }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
    await page.goto(`${server.baseUrl}/caseload`);
    await page.getByLabel('Zoek op naam of BSN').pressSequentially(STORY_NAME, { delay: 20 });
    await page.waitForURL((url) => url.searchParams.get('q') === STORY_NAME);
    await settled(page);
    await page.getByRole('link', { name: STORY_NAME, exact: true }).first().click();
    await page.waitForURL(`**/inwoners/${residentId}`);
    await page.getByRole('heading', { level: 1, name: STORY_NAME }).waitFor();
    // "Werk" is a tab of the resident page, with its own address.
    await page.getByRole('navigation', { name: 'Onderdelen van het dossier' }).getByRole('link', { name: 'Werk', exact: true }).click();
    await page.waitForURL(`**/inwoners/${residentId}?tab=werk`);

    const work = page.locator('#werk');
    await work.getByRole('heading', { level: 2, name: 'Werk' }).waitFor();
    await work.locator('.app-work-profile').waitFor();
    await settled(page);
    // The open tab, and the profile with availability in words and the school-hours badge.
    expect(
      await page.getByRole('navigation', { name: 'Onderdelen van het dossier' }).getByRole('link', { name: 'Werk', exact: true }).getAttribute('aria-current'),
    ).toBe('page');
    const profile = work.locator('.app-work-profile');
    await expect(profile.textContent()).resolves.toContain('ma–vr 09:00–14:30');
    await expect(profile.textContent()).resolves.toContain('Alleen binnen schooltijden');
    await expect(profile.textContent()).resolves.toMatch(/\d+ tot \d+ uur per week/);
    await expect(work.textContent()).resolves.toContain('Deze dienst gebruikt de ESCO-classificatie van de Europese Commissie');
    await expectNoAxeViolations(page, 'werk: profiel en passende vacatures');
  });

  it('shows matching vacancies within school hours with a score and an explanation (no axe violations)', async () => {
    const list = page.locator('#passende-vacatures');
    await list.getByRole('checkbox', { name: 'Alleen binnen schooltijden' }).check();
    await settled(page);
    // The best five first; the rest behind a button.
    const more = list.getByRole('button', { name: /^Toon alle \d+ passende vacatures$/ });
    if ((await more.count()) > 0) {
      expect(await list.locator('.app-match').count()).toBe(5);
      await more.click();
    }
    const items = list.locator('.app-match');
    await items.first().waitFor();
    const count = await items.count();
    expect(count).toBeGreaterThan(0);
    await expect(list.locator('.app-results').textContent()).resolves.toMatch(new RegExp(`^${count} passende vacatures?$`));
    for (let i = 0; i < count; i++) {
      const item = items.nth(i);
      await expect(item.locator('.app-match__score-value').textContent()).resolves.toMatch(/^\d+(,\d)? van 100$/);
      // Every listed vacancy fits school hours: in words, as a badge and as a met condition (✓ line).
      await expect(item.locator('.app-match__facts').textContent()).resolves.toContain('Binnen schooltijden');
      await expect(item.locator('.app-match__facts').textContent()).resolves.toMatch(/(ma|di|wo|do|vr)[–, ].*\d\d:\d\d–\d\d:\d\d/);
      const hard = await item.locator('.app-match__reason--hard').allTextContents();
      expect(hard.some((line) => /✓\s*Past binnen schooltijden/.test(line))).toBe(true);
    }
    // Soft criteria with their points, e.g. "+50 Precies het gewenste beroep".
    const soft = await items.first().locator('.app-match__reason:not(.app-match__reason--hard)').allTextContents();
    expect(soft.some((line) => /^\+\d+/.test(line.trim()))).toBe(true);
    await expectNoAxeViolations(page, 'passende vacatures binnen schooltijden');
  });

  it('shows what to fix next to the fields in the open work-profile form (no axe violations)', async () => {
    await page.getByRole('button', { name: 'Werkprofiel wijzigen' }).click();
    const form = page.locator('#work-profile-form');
    await form.waitFor();
    await form.getByLabel('Maximaal aantal uren per week').fill('');
    await form.getByRole('button', { name: 'Werkprofiel opslaan' }).click();
    const summary = page.locator('.app-error-summary');
    await summary.waitFor();
    await expect(summary.textContent()).resolves.toContain('Vul in hoeveel uur per week de inwoner hoogstens wil werken');
    await expect(form.locator('#work-profile-form-hoursMax-error').textContent()).resolves.toContain('hoogstens');
    // The schedule editor: a fieldset per week, days as checkboxes, van/tot selects disabled on days off.
    const schedule = form.locator('#work-profile-form-availability');
    expect(await schedule.getByRole('checkbox', { name: 'maandag' }).isChecked()).toBe(true);
    expect(await schedule.getByRole('checkbox', { name: 'zaterdag' }).isChecked()).toBe(false);
    expect(await schedule.getByLabel('zaterdag van').isDisabled()).toBe(true);
    expect(await schedule.getByRole('button', { name: 'Schooltijden (ma–vr 09:00–14:30)' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'werkprofiel wijzigen met fouten');
    await form.getByRole('button', { name: 'Annuleren' }).click();
    await page.locator('#werk .app-work-profile').waitFor();
  });

  it('proposes a vacancy and records that the resident agrees (no axe violations)', async () => {
    const list = page.locator('#passende-vacatures');
    const open = list.locator('.app-match').filter({ has: page.getByRole('button', { name: /^Voorstellen aan inwoner/ }) }).first();
    const title = ((await open.locator('.app-match__title').textContent()) ?? '').trim();
    expect(title).not.toBe('');
    // The same card (titles repeat across employers: by the vacancy's id), also once its button made way for the form.
    const headingId = (await open.locator('.app-match__title').getAttribute('id')) ?? '';
    const vacancyId = /^match-(.+)-title$/.exec(headingId)?.[1] ?? '';
    expect(vacancyId).not.toBe('');
    const item = list.locator('.app-match').filter({ has: page.locator(`[id="${headingId}"]`) });
    await item.getByRole('button', { name: /^Voorstellen aan inwoner/ }).click();
    await item.getByLabel(/Toelichting/).fill('Besproken in het gesprek; ze wil graag in de zorg werken.');
    await expectNoAxeViolations(page, 'voorstel toelichting');
    await item.getByRole('button', { name: 'Voorstel vastleggen' }).click();

    const proposals = page.locator('#voorstellen');
    await proposals.locator('.app-work-message', { hasText: 'Voorstel vastgelegd' }).waitFor();
    const coach = await loginAs(server.baseUrl, 'werkmatcher.overvecht');
    const created = (await coach.get(`/api/v1/residents/${residentId}/proposals`)).body.items as { id: string; vacancy: { id: string } }[];
    const proposalId = created.find((p) => p.vacancy.id === vacancyId)?.id;
    expect(proposalId).toBeDefined();
    const proposal = proposals.locator(`[id="proposal-${proposalId}"]`);
    await proposal.waitFor();
    await settled(page);
    await expect(proposals.locator('.app-work-message').textContent()).resolves.toContain(`Voorstel vastgelegd: ${title}`);
    await expect(proposal.locator('.app-badge').textContent()).resolves.toBe('Wacht op antwoord van de inwoner');
    await expect(proposals.textContent()).resolves.toContain(
      'Als de inwoner instemt, stelt de werkgeversadviseur haar anoniem voor. Haar naam gaat pas naar de werkgever als die een gesprek wil.',
    );
    // The match now says it was proposed instead of offering the button again.
    await expect.poll(() => item.textContent()).toContain('Voorgesteld');
    await expectNoAxeViolations(page, 'voorstel vastgelegd');

    await proposal.getByRole('button', { name: /^Inwoner stemt in/ }).click();
    await proposal.getByRole('button', { name: 'Instemming vastleggen' }).click();
    await expect(proposal.locator('.app-field-error').textContent()).resolves.toContain('Kies hoe de inwoner het heeft laten weten.');
    await expectNoAxeViolations(page, 'instemming zonder keuze');
    await proposal.getByLabel('in gesprek').check();
    await proposal.getByRole('button', { name: 'Instemming vastleggen' }).click();
    await expect.poll(() => proposal.locator('.app-badge').textContent()).toBe('Inwoner stemt in');
    await expect(proposal.textContent()).resolves.toMatch(/Inwoner stemde in op .+ \(in gesprek\)/);
    await expect(proposals.locator('.app-work-message').textContent()).resolves.toContain(`de inwoner stemt in met ${title}`);
    expect(await proposal.getByRole('button', { name: /^Inwoner stemt in/ }).count()).toBe(0);
    await expectNoAxeViolations(page, 'inwoner stemt in');

    // Stored as the API says.
    const stored = await coach.get(`/api/v1/residents/${residentId}/proposals`);
    const mine = (stored.body.items as { id: string; status: string; residentResponseHow: string }[]).find((p) => p.id === proposalId);
    expect(mine?.status).toBe('residentAgreed');
    expect(mine?.residentResponseHow).toBe('inPerson');
  }, 120_000); // four axe runs over the whole resident page

  it('beleidsmedewerker sees the fairness monitor per group and the Algoritmeregister entry (no axe violations)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const policy = await context.newPage();
    await policy.goto(`${server.baseUrl}/inloggen`);
    await policy.getByRole('button', { name: /beleid/ }).first().click();
    await policy.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
    await policy.goto(`${server.baseUrl}/eerlijke-matching`);
    await policy.getByRole('heading', { level: 1, name: 'Eerlijke matching' }).waitFor();
    await policy.locator('#fairness-table tbody tr').first().waitFor();
    await settled(policy);
    expect(await policy.title()).toBe('Eerlijke matching — Samenplan');
    await expect(policy.locator('.app-fair__not').textContent()).resolves.toContain('nooit gebruikt voor de score');
    await expect(policy.locator('#fairness-table thead').textContent()).resolves.toMatch(
      /Groep.*Inwoners met werkprofiel.*In top 10.*Voorstel.*Gesprek.*Geplaatst/,
    );
    expect(await policy.locator('#fairness-table tbody tr').count()).toBe(3);
    await expect(policy.locator('#fairness-table tbody').textContent()).resolves.toContain('45 jaar en ouder');
    // Each cell is a number (with a percentage) or "< 10"; no number under 10 appears.
    for (const cell of await policy.locator('#fairness-table tbody td').allTextContents()) {
      expect(cell).toMatch(/^(< 10minder dan 10|\d{2,}[\d.]*( \(!? ?\d+%\))?)$/);
    }
    await expectNoAxeViolations(policy, 'eerlijke matching');

    await policy.getByLabel('Indeling in groepen').selectOption('householdType');
    await policy.getByRole('button', { name: 'Toon' }).click();
    await policy.waitForURL((url) => url.searchParams.get('indeling') === 'householdType');
    await settled(policy);
    await expect.poll(() => policy.locator('#fairness-table caption').textContent(), { timeout: 15_000 }).toMatch(/^Huishouden, /);
    await expect(policy.locator('#fairness-table tbody').textContent()).resolves.toContain('Alleenstaande ouder');

    const register = policy.locator('#algoritmeregister');
    await register.getByRole('heading', { level: 2, name: 'Algoritmeregister' }).waitFor();
    await expect(register.textContent()).resolves.toContain('Samenplan matcher');
    await expect(register.textContent()).resolves.toContain('Gegevens die de matcher nooit gebruikt');
    expect(await register.getByRole('link', { name: 'Registratie downloaden (JSON)' }).getAttribute('href')).toBe(
      '/api/v1/algorithm-register/matcher?download=true',
    );
    expect(await register.locator('#register-data tbody tr').count()).toBeGreaterThan(3);
    await expectNoAxeViolations(policy, 'eerlijke matching, huishouden, algoritmeregister');
    await context.close();
  });
});
