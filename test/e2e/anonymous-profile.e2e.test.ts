import { sql } from 'kysely';
import { type Browser, type Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folded, pdfToText } from '../helpers/pdf.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { expectNoAxeViolations, launchChromium, settled } from './browser.ts';

// Browser test of "Anoniem voorstellen" on a fresh demo database: the werkgeversadviseur presents a candidate who
// agreed, and then gets something to send: a PDF to download and a text block to copy, both with the candidate
// code. The resident is renamed in this test's copy of the demo to a name with ı and ł (as the demo has elsewhere),
// with a distinctive street, postcode, phone and e-mail: none of it, nor the BSN or birth date, is in the PDF text
// (pdftotext) or the text block. axe on the page; SCREENSHOT_DIR=/dir saves screenshots.

const NAME = { given_names: 'Łucja Aylın', family_name: 'Kırmızıgül', street: 'Wiełkopolskastraat', postcode: '3563XQ', phone: '06 31415926', email: 'lucja.kirmizigul@voorbeeld.example' };

describe('web app: anonymous profile for the employer', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let proposalId: string;
  let forbidden: string[];

  beforeAll(async () => {
    server = await startTestServer({ template: 'demo' });
    const { rows } = await sql<{ id: string; resident_id: string; bsn: string; date_of_birth: string }>`
      SELECT p.id, p.resident_id, r.bsn, to_char(r.date_of_birth, 'YYYY-MM-DD') AS date_of_birth
      FROM match_proposals p JOIN residents r ON r.municipality_id = p.municipality_id AND r.id = p.resident_id
      JOIN municipalities m ON m.id = p.municipality_id
      WHERE p.status = 'residentAgreed' AND m.name LIKE 'Utrecht%'
        AND EXISTS (SELECT 1 FROM work_profiles w WHERE w.municipality_id = p.municipality_id AND w.resident_id = p.resident_id)
      ORDER BY p.id LIMIT 1`.execute(server.ownerDb);
    const row = rows[0]!;
    proposalId = row.id;
    await server.ownerDb.updateTable('residents').set(NAME).where('id', '=', row.resident_id).execute();
    const [y, m, d] = row.date_of_birth.split('-');
    forbidden = ['Łucja', 'Aylın', 'Kırmızıgül', 'Lucja', 'Kirmizigul', 'Wiełkopolskastraat', '3563XQ', '3563 XQ', '31415926', 'voorbeeld.example', row.bsn, row.date_of_birth, `${d}-${m}-${y}`, `${Number(d)}-${Number(m)}-${y}`];
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const shot = async (name: string) => {
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true });
  };

  it('presents the candidate, then offers a PDF and a text block with the code and without the name', async () => {
    await page.goto(`${server.baseUrl}/inloggen`);
    await page.getByRole('button', { name: /werkgeversadviseur/ }).first().click();
    await page.waitForURL('**/kandidaten');
    await page.goto(`${server.baseUrl}/kandidaten/${proposalId}`);
    await page.getByRole('heading', { level: 1, name: /Kandidaat K-/ }).waitFor();
    await settled(page);
    // Nothing to send before the step.
    expect(await page.locator('#send-to-employer').count()).toBe(0);
    await page.getByRole('button', { name: 'Anoniem voorstellen aan werkgever' }).click();
    await page.locator('#send-to-employer').waitFor();
    await settled(page);
    const code = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').match(/K-[0-9A-F]{6}/)?.[0];
    expect(code).toBeTruthy();

    const text = await page.getByLabel('Tekst om te kopiëren').inputValue();
    expect(text.startsWith(`Kandidaat ${code}`)).toBe(true);
    for (const f of forbidden) expect(text.toLowerCase(), f).not.toContain(f.toLowerCase());
    await shot('anonymous-profile-send');
    await expectNoAxeViolations(page, 'kandidaat: versturen naar de werkgever');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#profile-pdf-link').click()]);
    expect(download.suggestedFilename()).toBe(`kandidaat-${code}.pdf`);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdfText = folded(await pdfToText(bytes));
    expect(pdfText).toContain(`Kandidaat ${code}`);
    expect(pdfText).toContain('Gewenst werk');
    for (const f of forbidden) expect(pdfText.toLowerCase(), f).not.toContain(f.toLowerCase());
  });
});
