import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInNl } from '../../src/domain/dates.ts';
import { loginAs, type ApiClient } from '../helpers/client.ts';
import { folded, pdfToText } from '../helpers/pdf.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// The yearly council letter of Team Jongeren (PA-032) on the demo: the figures per wijk with cells under 10
// suppressed (also against subtraction), the Dutch text, and a tagged PDF whose figures match the API's.

let server: TestServer;
let beleid: ApiClient;
const year = Number(todayInNl().slice(0, 4));

async function download(username: string, path: string) {
  const login = await fetch(`${server.baseUrl}/api/v1/session/demo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username }) });
  const cookie = login.headers.getSetCookie().map((x) => x.split(';')[0]).join('; ');
  const res = await fetch(`${server.baseUrl}${path}`, { headers: { cookie } });
  return { status: res.status, contentType: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}

beforeAll(async () => {
  server = await startTestServer({ template: 'demo' });
  beleid = await loginAs(server.baseUrl, 'beleid');
});
afterAll(async () => {
  await server?.close();
});

describe('yearly council letter (opgave jongvolwassenen)', () => {
  let letter: any;
  it('gives the figures per wijk, nothing under 10, no hidden cell alone in a line with a shown total', async () => {
    const res = await beleid.get(`/api/v1/youth/council-letter?year=${year}`);
    expect(res.status).toBe(200);
    letter = res.body;
    expect(letter.tables.map((t: { id: string }) => t.id)).toEqual(['youngPeople', 'searchPeriods', 'exemptions', 'outflow', 'provisions']);
    // The demo's Team Jongeren has a year of meldingen: the municipality's total of search periods is shown.
    const periods = letter.tables.find((t: { id: string }) => t.id === 'searchPeriods');
    expect(periods.grandTotal).toBeGreaterThanOrEqual(10);
    for (const t of letter.tables) {
      const grid: Array<Array<number | null>> = [...t.rows.map((r: any) => [...r.cells, r.total]), [...t.totals, t.grandTotal]];
      for (const row of grid) for (const v of row) if (v !== null) expect(v).toBeGreaterThanOrEqual(10);
      const lines = [...grid, ...grid[0]!.map((_, c) => grid.map((row) => row[c]!))].filter((l) => l.length >= 2);
      for (const line of lines) expect(line.filter((v) => v === null).length).not.toBe(1);
    }
    expect(letter.text).toContain(`liepen ${periods.grandTotal.toLocaleString('nl-NL')} zoektermijnen`);
  });

  it('renders as a tagged PDF with the same figures', async () => {
    const pdf = await download('beleid', `/api/v1/youth/council-letter/pdf?year=${year}`);
    expect(pdf.status).toBe(200);
    expect(pdf.contentType).toContain('application/pdf');
    expect(pdf.bytes.toString('latin1')).toContain('/StructTreeRoot');
    const text = folded(await pdfToText(pdf.bytes));
    expect(text).toContain(`Opgave jongvolwassenen ${year}`);
    const periods = letter.tables.find((t: { id: string }) => t.id === 'searchPeriods');
    expect(text).toContain(`liepen ${periods.grandTotal.toLocaleString('nl-NL')} zoektermijnen`);
    for (const r of periods.rows) expect(text).toContain(`${r.label} ${r.cells[0] === null ? 'onderdrukt' : r.cells[0].toLocaleString('nl-NL')}`);
  });

  it('refuses a buurtteam professional and a bad year (400 naming year)', async () => {
    const bt = await loginAs(server.baseUrl, 'buurtteam.overvecht');
    expect([403, 404]).toContain((await bt.get(`/api/v1/youth/council-letter?year=${year}`)).status);
    const bad = await beleid.get('/api/v1/youth/council-letter?year=1800');
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams[0].name).toBe('year');
  });
});
