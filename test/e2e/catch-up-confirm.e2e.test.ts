import { sql } from 'kysely';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { expectNoAxeViolations, launchChromium, settled } from './browser.ts';

// Browser test of issue 10.5 on a fresh demo database: starting a catch-up campaign over the whole team asks first
// (who moves from whom to whom), "back" changes nothing, a selection that changed before the confirmation is refused
// saying what changed, the confirmed campaign starts, and closing asks once more and keeps the assignments.
// axe and no sideways scrolling on every state, at 1366×900 and 390×844. E2E_SHOTS=/dir saves screenshots.

const SHOTS = process.env.E2E_SHOTS;
const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe('web app: a catch-up campaign asks first, and can be closed', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let teamId = '';

  const campaigns = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM catch_up_campaigns`.execute(server.ownerDb)).rows[0]!.n);
  const contactPersons = async () =>
    (await sql<{ resident_id: string; contact_person_id: string | null }>`SELECT resident_id, contact_person_id FROM cases ORDER BY resident_id`.execute(server.ownerDb)).rows;

  /** axe and no horizontal overflow at both sizes; back to the desktop size afterwards. */
  async function check(name: string, focus?: string) {
    for (const [width, height] of [[1366, 900], [390, 844]] as const) {
      await page.setViewportSize({ width, height });
      await settled(page);
      await expectNoAxeViolations(page, `${name} (${width})`);
      const overflow = await page.evaluate(() => {
        const d = (globalThis as any).document.documentElement;
        return d.scrollWidth - d.clientWidth;
      });
      expect(overflow, `${name} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
      if (SHOTS) {
        // The part that matters in view (the full page is long: the team's caseloads come first).
        if (focus) await page.locator(focus).first().scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SHOTS}/${name.replace(/[^a-z0-9]+/gi, '-')}-${width}.png` });
      }
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  }

  beforeAll(async () => {
    server = await startTestServer({ template: 'demo' });
    const team = await sql<{ team_id: string }>`SELECT tm.team_id FROM team_members tm JOIN staff_users s ON s.id = tm.staff_user_id
      WHERE s.username = 'teamleider.overvecht' AND tm.is_lead LIMIT 1`.execute(server.ownerDb);
    teamId = team.rows[0]!.team_id;
    // The demo has a running campaign of this team; these tests start one over the whole team from none (in their
    // own copy of the demo), so the selection holds every resident that matches.
    await sql`DELETE FROM catch_up_campaign_residents`.execute(server.ownerDb);
    await sql`DELETE FROM catch_up_campaigns`.execute(server.ownerDb);
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows what starting does over the whole team, and going back changes nothing', async () => {
    await page.goto(`${server.baseUrl}/inloggen`);
    await page.getByRole('button', { name: /teamleider\.overvecht/ }).click();
    await page.waitForURL('**/team');
    const form = page.locator('#catchup-form');
    await form.waitFor();
    const before = await contactPersons();
    await form.getByRole('button', { name: 'Bekijk wat er gebeurt' }).click();
    const moves = form.locator('#catchup-moves');
    await moves.locator('tbody tr').first().waitFor();
    const summary = await text(page, '.app-catchup-confirm p');
    const total = Number(summary.match(/^(\d+) inwoners? word/)?.[1]);
    const coaches = Number(summary.match(/over (\d+) werkmatchers/)?.[1]);
    expect(total, summary).toBeGreaterThan(25);
    expect(await moves.locator('tbody tr').count()).toBe(coaches);
    // The "Krijgt" column adds up to everyone selected.
    const receives = (await moves.locator('tbody tr td:nth-child(2)').allTextContents()).map(Number);
    expect(receives.reduce((a, b) => a + b, 0)).toBe(total);
    expect(summary).toMatch(/krijgen een andere werkmatcher/);
    await expect(text(page, '.app-catchup-confirm .utrecht-alert--warning')).resolves.toContain('blijven de inwoners bij hun nieuwe werkmatcher');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe('catchup-confirm-title');
    await check('inhaalslag bevestigen', '#catchup-confirm-title');

    await form.getByRole('button', { name: 'Terug: iets aanpassen' }).click();
    await form.getByRole('button', { name: 'Bekijk wat er gebeurt' }).waitFor();
    expect(await moves.count()).toBe(0);
    expect(await campaigns()).toBe(0);
    expect(await contactPersons()).toEqual(before);
    await check('inhaalslag formulier', '#catchup-name');
  });

  it('a selection that changed after the review is refused, saying what changed; the new review starts', async () => {
    const form = page.locator('#catchup-form');
    await form.getByRole('button', { name: 'Bekijk wat er gebeurt' }).click();
    await form.locator('#catchup-moves tbody tr').first().waitFor();
    const total = Number((await text(page, '.app-catchup-confirm p')).match(/^(\d+) inwoners?/)?.[1]);
    // Meanwhile a werkmatcher speaks one of the selected residents: the selection shrinks by one.
    const spoken = await sql<{ resident_id: string }>`
      UPDATE cases SET last_contact_at = now() WHERE resident_id = (
        SELECT c.resident_id FROM cases c JOIN residents r ON r.id = c.resident_id
        JOIN team_areas ta ON ta.area_id = r.area_id AND ta.team_id = ${teamId}::uuid
        JOIN benefits b ON b.resident_id = r.id AND b.end_date IS NULL
        WHERE c.status = 'active' AND c.last_contact_at IS NULL AND b.start_date < current_date - 800
        ORDER BY r.id LIMIT 1) RETURNING resident_id`.execute(server.ownerDb);
    expect(spoken.rows).toHaveLength(1);
    await form.getByRole('button', { name: `Ja, start de inhaalslag voor ${total} inwoners` }).click();
    const changed = form.locator('.utrecht-alert--warning', { hasText: 'De selectie is veranderd' });
    await changed.waitFor();
    await expect(changed.textContent()).resolves.toContain(`nu ${total - 1} inwoners in de selectie in plaats van ${total}`);
    expect(await campaigns()).toBe(0);
    await check('inhaalslag selectie veranderd', '#catchup-form .utrecht-alert--warning');

    await form.getByRole('button', { name: 'Bekijk de gevolgen opnieuw' }).click();
    await form.getByRole('button', { name: `Ja, start de inhaalslag voor ${total - 1} inwoners` }).click();
    await page.waitForURL(/\/team\/inhaalslag\/[0-9a-f-]{36}$/);
    await page.locator('.utrecht-alert--ok').waitFor();
    await expect(page.locator('.utrecht-alert--ok').textContent()).resolves.toContain(`gestart met ${total - 1} inwoner`);
    expect(await campaigns()).toBe(1);
    await check('inhaalslag gestart');
  });

  it('closing asks once more, says the residents stay with their new werkmatcher, and keeps them there', async () => {
    const assigned = await contactPersons();
    await page.getByRole('button', { name: 'Inhaalslag afsluiten' }).click();
    await page.getByText('Weet u het zeker?').waitFor();
    await expect(text(page, '.app-catchup-close-confirm')).resolves.toMatch(/inwoners blijven bij hun nieuwe werkmatcher/);
    await check('inhaalslag afsluiten vraag', '#close-heading');
    await page.getByRole('button', { name: 'Ja, sluit de inhaalslag af' }).click();
    await page.locator('.utrecht-alert--ok', { hasText: 'De inhaalslag is afgesloten' }).waitFor();
    await expect(text(page, 'h1')).resolves.toContain('Afgesloten');
    await expect(text(page, '#close-heading + * , section[aria-labelledby="close-heading"]')).resolves.toContain('De inwoners zijn bij hun nieuwe werkmatcher gebleven');
    expect(await contactPersons()).toEqual(assigned);
    await check('inhaalslag afgesloten', '#close-heading');
  });
});
