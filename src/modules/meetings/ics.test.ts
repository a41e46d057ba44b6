import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildCalendar,
  contentLines,
  escapeText,
  foldLine,
  formatUtc,
  paramValue,
  sanitiseText,
  unescapeText,
  unfold,
  type CalendarEvent,
} from './ics.ts';

// Any text, including multi-byte UTF-8 (é, emoji: 4 octets, surrogate pairs in JavaScript) and control characters.
const anyText = fc.string({ unit: 'binary', maxLength: 400 });
const octets = (s: string) => Buffer.byteLength(s, 'utf8');

const event = (over: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: '6f1c2e4a-1111-4222-8333-944455556666@samenplan',
  stamp: new Date('2026-11-22T08:00:00.123Z'),
  start: new Date('2026-12-01T09:30:00Z'),
  end: new Date('2026-12-01T10:30:00Z'),
  sequence: 2,
  cancelled: false,
  summary: '3-gesprek Samenplan',
  location: 'Werkwinkel Overvecht, Zamenhofdreef 1; spreekkamer 2',
  url: null,
  description: 'Agenda:\n- Schulden op een rij, budgetcoach\n- Werk in de zorg',
  organiser: { name: 'Test wm.ov', email: 'wm.ov@example.org' },
  attendees: [
    { name: 'Test bt.ov', email: 'bt.ov@example.org' },
    { name: 'Zonder e-mail', email: null },
  ],
  ...over,
});

describe('folding (RFC 5545 §3.1)', () => {
  it('never produces a line longer than 75 octets, also with multi-byte characters', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        for (const line of foldLine(`DESCRIPTION:${s.replace(/[\r\n]/g, '')}`).split('\r\n'))
          expect(octets(line)).toBeLessThanOrEqual(75);
      }),
      { numRuns: 500 },
    );
  });

  it('never splits a character: every folded line is valid UTF-8 on its own', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        for (const line of foldLine(`X:${s}`).split('\r\n')) {
          expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
          expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
        }
      }),
    );
  });

  it('unfolding gives back the original line', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const line = `SUMMARY:${s.replace(/[\r\n]/g, '')}`;
        expect(unfold(foldLine(line))).toBe(line);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves a short line alone and starts continuation lines with one space', () => {
    expect(foldLine('SUMMARY:kort')).toBe('SUMMARY:kort');
    const folded = foldLine(`DESCRIPTION:${'é'.repeat(100)}`).split('\r\n');
    expect(folded.length).toBeGreaterThan(2);
    expect(octets(folded[0]!)).toBe(74); // 12 + 31 × 2: the next 'é' would make 76
    for (const l of folded.slice(1)) expect(l.startsWith(' ')).toBe(true);
  });
});

describe('escaping TEXT values (§3.3.11)', () => {
  it('round-trips: unescape(escape(s)) is s with newlines normalised and control characters removed', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(unescapeText(escapeText(s))).toBe(sanitiseText(s));
      }),
      { numRuns: 1000 },
    );
  });

  it('an escaped value holds no bare comma, semicolon or newline', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const e = escapeText(s);
        expect(e).not.toMatch(/[\r\n]/);
        expect(e.replace(/\\[\\;,n]/g, '')).not.toMatch(/[;,\\]/);
      }),
    );
  });

  it('escapes the examples of the RFC', () => {
    expect(escapeText('a,b;c\\d\r\ne\nf')).toBe('a\\,b\\;c\\\\d\\ne\\nf');
    expect(unescapeText('Regel 1\\NRegel 2')).toBe('Regel 1\nRegel 2');
  });

  it('quotes parameter values with : ; or , and drops quotes', () => {
    expect(paramValue('Jansen, A.')).toBe('"Jansen, A."');
    expect(paramValue('Test "wm" ov')).toBe('Test  wm  ov');
    expect(paramValue('Anna')).toBe('Anna');
  });
});

describe('the invitation', () => {
  it('is a VCALENDAR with one VEVENT: UTC times, UID, SEQUENCE, organiser and attendees with an e-mail', () => {
    const text = buildCalendar(event());
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = contentLines(text);
    const get = (name: string) => lines.filter(([k]) => k.split(';')[0] === name).map(([, v]) => v);
    expect(lines[0]).toEqual(['BEGIN', 'VCALENDAR']);
    expect(lines.at(-1)).toEqual(['END', 'VCALENDAR']);
    expect(get('METHOD')).toEqual(['REQUEST']);
    expect(get('UID')).toEqual(['6f1c2e4a-1111-4222-8333-944455556666@samenplan']);
    expect(get('DTSTAMP')).toEqual(['20261122T080000Z']);
    expect(get('DTSTART')).toEqual(['20261201T093000Z']);
    expect(get('DTEND')).toEqual(['20261201T103000Z']);
    expect(get('SEQUENCE')).toEqual(['2']);
    expect(get('STATUS')).toEqual(['CONFIRMED']);
    expect(unescapeText(get('LOCATION')[0]!)).toBe('Werkwinkel Overvecht, Zamenhofdreef 1; spreekkamer 2');
    expect(unescapeText(get('DESCRIPTION')[0]!)).toBe(event().description);
    expect(get('ORGANIZER')).toEqual(['mailto:wm.ov@example.org']);
    expect(get('ATTENDEE')).toEqual(['mailto:bt.ov@example.org']);
  });

  it('a cancelled meeting is a CANCEL with STATUS:CANCELLED', () => {
    const lines = contentLines(buildCalendar(event({ cancelled: true, sequence: 3 })));
    expect(lines).toContainEqual(['METHOD', 'CANCEL']);
    expect(lines).toContainEqual(['STATUS', 'CANCELLED']);
  });

  it('no injected line survives: newlines in any value stay inside that value', () => {
    fc.assert(
      fc.property(anyText, anyText, (loc, desc) => {
        const lines = contentLines(
          buildCalendar(
            event({
              location: loc || null,
              description: desc || null,
              organiser: { name: loc, email: 'x@example.org\r\nATTENDEE:mailto:evil@example.org' },
            }),
          ),
        );
        expect(lines.filter(([k]) => k.startsWith('ATTENDEE'))).toHaveLength(1);
        expect(lines.filter(([k]) => k === 'END')).toHaveLength(2);
      }),
      { numRuns: 200 },
    );
  });

  it('formats instants as UTC basic format', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1970-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (d) => {
          expect(formatUtc(d)).toMatch(/^\d{8}T\d{6}Z$/);
        },
      ),
    );
  });
});
