import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benefitStartProblem, plannedMeetingProblems } from '../../src/domain/date-rules.ts';
import { todayInNl } from '../../src/domain/dates.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// The demo data keeps the same date rules as the API (src/domain/date-rules.ts): no benefit before the 18th birthday,
// no planned meeting on a weekend or outside office hours. The seed writes through the owner, not the API, so this
// checks it directly.

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ template: 'demo' });
});

afterAll(async () => {
  await server?.close();
});

describe('demo data and the date rules', () => {
  it('every benefit starts on or after the 18th birthday and not in the future', async () => {
    const { rows } = await sql<{ id: string; date_of_birth: string; start_date: string }>`
      SELECT r.id, r.date_of_birth::text, b.start_date::text FROM benefits b JOIN residents r ON r.id = b.resident_id`.execute(server.ownerDb);
    expect(rows.length).toBeGreaterThan(1000);
    const today = todayInNl();
    const wrong = rows.filter((r) => benefitStartProblem(r.start_date, r.date_of_birth, today) !== null);
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('every planned meeting from now on falls on a working day within office hours', async () => {
    const { rows } = await sql<{ id: string; starts_at: Date; ends_at: Date }>`
      SELECT id, starts_at, ends_at FROM meetings WHERE status = 'planned' AND starts_at > now()`.execute(server.ownerDb);
    expect(rows.length).toBeGreaterThan(10);
    const wrong = rows
      .map((r) => ({ id: r.id, problems: plannedMeetingProblems(r.starts_at, r.ends_at, new Date()).map((p) => p.code) }))
      .filter((r) => r.problems.length > 0);
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});
