import type { Role } from '../../platform/access/principal.ts';
import { taggedPdf } from '../../platform/pdf/tagged-pdf.ts';
import type { presentEntry } from './privacy.service.ts';

// The answer to a subject access request (inzageverzoek, art. 15 AVG): everything the processing log says about
// one resident — who (organisation, role, name), when, which processing and why — as a tagged PDF in plain Dutch,
// or as CSV for further processing. Pure: no I/O.

export interface SubjectAccessReport {
  resident: { id: string; name: string; dateOfBirth: string; bsnMasked: string; bsn: string };
  municipality: string;
  generatedAt: Date;
  generatedBy: string;
  entries: Array<ReturnType<typeof presentEntry>>;
}

export const ROLE_NL: Record<Role, string> = {
  jobCoach: 'werkmatcher',
  teamLead: 'teamleider',
  partnerProfessional: 'buurtteamprofessional',
  employerAdvisor: 'werkgeversadviseur',
  policyOfficer: 'beleidsmedewerker',
  researcher: 'onderzoeker',
  admin: 'functioneel beheerder',
  privacyOfficer: 'privacyfunctionaris',
  resident: 'inwoner zelf',
  seniorJobCoach: 'senior werkmatcher',
};

const when = (iso: string) =>
  new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
const day = (iso: string) => new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${iso}T00:00:00Z`));

const roleNl = (role: string) => ROLE_NL[role as Role] ?? role;

/** CSV (RFC 4180, semicolons as Dutch spreadsheets expect, a BOM so Excel reads UTF-8). */
export function subjectAccessCsv(r: SubjectAccessReport): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    // Cells starting with = + - @ would be formulas in a spreadsheet: prefix them with a quote.
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const header = ['Wanneer', 'Organisatie', 'Rol', 'Naam', 'Verwerkingsactiviteit', 'Naam activiteit', 'Doel', 'Grondslag', 'Handeling', 'Status', 'Reden'];
  const lines = r.entries.map((e) =>
    [
      e.at,
      e.actor.organisation,
      roleNl(e.actor.role),
      e.actor.displayName,
      e.activity.id,
      e.activity.name,
      e.activity.purpose,
      e.activity.legalBasis,
      e.action,
      e.status === 'ok' ? 'uitgevoerd' : 'mislukt',
      e.reason,
    ]
      .map(cell)
      .join(';'),
  );
  return `\uFEFF${[header.join(';'), ...lines].join('\r\n')}\r\n`;
}

/** The tagged PDF: who the overview is about, what it contains, then one row per processing, newest first. */
export async function subjectAccessPdf(r: SubjectAccessReport): Promise<Buffer> {
  const pdf = taggedPdf({ title: `Inzage in verwerkingen — ${r.resident.name}`, subject: 'Antwoord op een inzageverzoek (art. 15 AVG)' });
  pdf.h1('Wie heeft uw gegevens verwerkt?');
  pdf.p(`Dit overzicht is voor ${r.resident.name}, geboren op ${day(r.resident.dateOfBirth)}, BSN ${r.resident.bsn}.`);
  pdf.p(
    `U vroeg ${r.municipality || 'de gemeente'} welke gegevens over u zijn verwerkt. Hieronder staat alles wat ons logboek daarover zegt: wie uw gegevens bekeek of veranderde, wanneer, voor welk doel en op welke grond.`,
  );
  pdf.p(`Gemaakt op ${when(r.generatedAt.toISOString())} door ${r.generatedBy}, privacyfunctionaris. Aantal verwerkingen: ${r.entries.length}.`);
  const orgs = [...new Set(r.entries.map((e) => e.actor.organisation).filter((o): o is string => Boolean(o)))];
  pdf.h2('Welke organisaties');
  pdf.list(orgs, 'Niemand heeft uw gegevens verwerkt.');
  pdf.h2('Alle verwerkingen');
  if (r.entries.length === 0) pdf.p('Het logboek bevat geen verwerkingen van uw gegevens.');
  else
    pdf.table(
      ['Wanneer', 'Wie', 'Wat', 'Reden'],
      r.entries.map((e) => [
        when(e.at),
        [e.actor.displayName ?? 'Onbekende medewerker', roleNl(e.actor.role), e.actor.organisation ?? ''].filter(Boolean).join(', '),
        `${e.activity.id}: ${e.activity.name}${e.status === 'error' ? ' (mislukt)' : ''}`,
        e.reason ?? '',
      ]),
      [95, 135, 150, 103],
    );
  // Why: each processing activity once, with its purpose and legal basis (the rows above name it by its code).
  const activities = [...new Map(r.entries.map((e) => [`${e.activity.id}/${e.activity.version}`, e.activity])).values()].sort((a, b) => a.id.localeCompare(b.id));
  if (activities.length > 0) {
    pdf.h2('Waarom: doel en grond van elke verwerking');
    for (const a of activities) {
      pdf.p(`${a.id}: ${a.name}`, { size: 12 });
      pdf.p(`Doel: ${a.purpose} Grondslag: ${a.legalBasis}`, { size: 10 });
    }
  }
  pdf.h2('Vragen?');
  pdf.p('Klopt iets niet, of wilt u dat wij gegevens verbeteren of verwijderen? Neem contact op met de privacyfunctionaris van de gemeente.');
  return pdf.finish();
}
