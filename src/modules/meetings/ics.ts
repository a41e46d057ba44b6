/**
 * iCalendar (RFC 5545) text for a meeting invitation (iTIP, RFC 5546). Pure, no I/O.
 * - content lines end in CRLF and are folded so no line is longer than 75 octets (§3.1), never inside a UTF-8
 *   character;
 * - TEXT values escape backslash, semicolon, comma and newlines (§3.3.11);
 * - times are UTC (the "Z" form), so no VTIMEZONE is needed.
 */

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** Control characters a TEXT value may not hold (everything below U+0020 except tab and newline, and DEL). */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Newlines normalised to LF and forbidden control characters removed: what a TEXT value can carry. */
export function sanitiseText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(FORBIDDEN_CONTROLS, '');
}

export function escapeText(value: string): string {
  return sanitiseText(value).replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** A parameter value (CN=...): DQUOTE is not allowed inside, and the value is quoted when it holds : ; or ,. */
export function paramValue(value: string): string {
  const clean = sanitiseText(value)
    .replace(/["\n\t]/g, ' ')
    .trim();
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/** Splits one content line into lines of at most 75 octets; continuation lines start with one space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = ` ${ch}`;
      octets = 1 + size;
    } else {
      current += ch;
      octets += size;
    }
  }
  out.push(current);
  return out.join(CRLF);
}

/** Undoes folding: a CRLF followed by one space or tab is removed (§3.1). */
export function unfold(text: string): string {
  return text.replace(/\r\n[ \t]/g, '');
}

/** The 'YYYYMMDDTHHMMSSZ' form of an instant. */
export function formatUtc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

export interface CalendarPerson {
  name: string;
  email: string | null;
}

export interface CalendarEvent {
  uid: string;
  stamp: Date;
  start: Date;
  end: Date;
  sequence: number;
  cancelled: boolean;
  summary: string;
  location: string | null;
  url: string | null;
  description: string | null;
  organiser: CalendarPerson | null;
  attendees: CalendarPerson[];
}

/** The iTIP method: an invitation (REQUEST) or, for a cancelled meeting, its cancellation (CANCEL). */
export function methodOf(event: Pick<CalendarEvent, 'cancelled'>): 'REQUEST' | 'CANCEL' {
  return event.cancelled ? 'CANCEL' : 'REQUEST';
}

/** A URI value carries no escaping: whitespace, quotes and angle brackets cannot be part of it, so they go. */
function uri(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\s"<>\u0000-\u001F\u007F]/g, '');
}

function mailto(email: string): string {
  return `mailto:${uri(email)}`;
}

/** The whole VCALENDAR with one VEVENT, folded, CRLF after every line. */
export function buildCalendar(event: CalendarEvent): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Samenplan//Gesprekken//NL',
    'CALSCALE:GREGORIAN',
    `METHOD:${methodOf(event)}`,
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${formatUtc(event.stamp)}`,
    `DTSTART:${formatUtc(event.start)}`,
    `DTEND:${formatUtc(event.end)}`,
    `SEQUENCE:${event.sequence}`,
    `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    `SUMMARY;LANGUAGE=nl:${escapeText(event.summary)}`,
  ];
  if (event.location) lines.push(`LOCATION;LANGUAGE=nl:${escapeText(event.location)}`);
  if (event.url) lines.push(`URL:${uri(event.url)}`);
  if (event.description) lines.push(`DESCRIPTION;LANGUAGE=nl:${escapeText(event.description)}`);
  if (event.organiser?.email)
    lines.push(`ORGANIZER;CN=${paramValue(event.organiser.name)}:${mailto(event.organiser.email)}`);
  for (const a of event.attendees) {
    if (!a.email) continue;
    lines.push(
      `ATTENDEE;CN=${paramValue(a.name)};CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:${mailto(a.email)}`,
    );
  }
  lines.push('END:VEVENT', 'END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** Content lines of an iCalendar text (unfolded), as [name with parameters, value]. For tests and for reading back. */
export function contentLines(text: string): Array<[string, string]> {
  return unfold(text)
    .split(CRLF)
    .filter((l) => l.length > 0)
    .map((l) => {
      // The value starts after the first colon that is not inside a quoted parameter value.
      let quoted = false;
      for (let i = 0; i < l.length; i += 1) {
        if (l[i] === '"') quoted = !quoted;
        else if (l[i] === ':' && !quoted) return [l.slice(0, i), l.slice(i + 1)] as [string, string];
      }
      return [l, ''] as [string, string];
    });
}
