import { fitsSchoolHours, type TimeWindow } from '../../domain/schedule.ts';
import { taggedPdf } from '../../platform/pdf/tagged-pdf.ts';
import type { Candidate } from './candidates.presenter.ts';

// What the werkgeversadviseur sends the employer when he presents a candidate anonymously: one document model, as
// a text block to paste into an e-mail and as a tagged PDF (embedded Noto Sans). It is built from the Candidate as the
// API presents it before the reveal (the anonymous profile, the vacancy, the match explanation and the candidate
// code) and never from `identity`: no name, BSN, birth date, address, postcode, phone or e-mail can be in it.

const DAYS = ['', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];
const nl = (x: number) => String(Math.round(x * 10) / 10).replace('.', ',');

/** The part of a Candidate the document reads: everything except the identity. */
export type AnonymousSource = Omit<Candidate, 'identity'>;

export interface ProfileSection {
  title: string;
  lines: string[];
}

export interface AnonymousDocument {
  title: string;
  intro: string;
  sections: ProfileSection[];
  footer: string;
}

/** "maandag 08:30–14:30", one line per window, in week order. */
export function availabilityLines(windows: readonly TimeWindow[]): string[] {
  return [...windows].sort((a, b) => a.day - b.day || a.from.localeCompare(b.from)).map((w) => `${DAYS[w.day] ?? ''} ${w.from}–${w.to}`);
}

export function anonymousDocument(c: AnonymousSource): AnonymousDocument {
  const p = c.profile;
  const none = 'Niet ingevuld';
  const soft = c.explanation.filter((x) => x.kind === 'soft');
  const hard = c.explanation.filter((x) => x.kind === 'hard');
  return {
    title: `Kandidaat ${c.candidateCode}`,
    intro:
      `Anoniem profiel voor de vacature ${c.vacancy.title} bij ${c.vacancy.employer.name}. ` +
      'Naam en contactgegevens krijgt u pas als de kandidaat dat goedvindt en u een sollicitatiegesprek toezegt. ' +
      `Noem de code ${c.candidateCode} als u reageert.`,
    sections: [
      { title: 'Gewenst werk', lines: p.desiredOccupations.length > 0 ? p.desiredOccupations.map((o) => o.label) : [none] },
      {
        title: 'Uren en beschikbaarheid',
        lines: [
          `${nl(p.hoursMin)} tot ${nl(p.hoursMax)} uur per week`,
          ...(p.availability.length > 0 ? availabilityLines(p.availability as TimeWindow[]) : ['Beschikbare tijden niet ingevuld']),
          ...(p.availability.length > 0 && fitsSchoolHours(p.availability as TimeWindow[]) ? ['Beschikbaar onder schooltijd'] : []),
        ],
      },
      { title: 'Vaardigheden', lines: p.skills.length > 0 ? [...p.skills] : [none] },
      {
        title: 'Ervaring',
        lines: p.experience.length > 0 ? p.experience.map((e) => `${e.description} (${nl(e.years)} jaar)`) : [none],
      },
      { title: 'Opleiding', lines: [p.education ?? none] },
      {
        title: 'Rijbewijs en reizen',
        lines: [p.hasDrivingLicence ? 'Heeft een rijbewijs' : 'Geen rijbewijs', p.maxTravelKm ? `Reist tot ${p.maxTravelKm} km` : 'Maximale reisafstand niet ingevuld'],
      },
      {
        title: `Waarom deze kandidaat past (${nl(c.score)} van 100 punten)`,
        lines: [
          ...soft.map((x) => `${x.explanation}: ${nl(x.points)} van ${nl(x.maxPoints)} punten`),
          ...hard.map((x) => x.explanation),
        ],
      },
    ],
    footer: `Samenplan, matcher ${c.matcherVersion}. De matcher gebruikt geen leeftijd, geslacht, afkomst, adres of wijk. Een werkgeversadviseur stelde deze kandidaat voor; de kandidaat stemde in.`,
  };
}

/** The text block to copy into an e-mail. */
export function anonymousProfileText(c: AnonymousSource): string {
  const d = anonymousDocument(c);
  return [d.title, '', d.intro, ...d.sections.flatMap((s) => ['', `${s.title}:`, ...s.lines.map((l) => `- ${l}`)]), '', d.footer].join('\n');
}

/** The same document as a tagged PDF. */
export function renderAnonymousProfilePdf(c: AnonymousSource): Promise<Buffer> {
  const d = anonymousDocument(c);
  const { h1, h2, p, list, finish } = taggedPdf({ title: d.title, subject: 'Anoniem kandidaatprofiel voor een werkgever' });
  h1(d.title);
  p(d.intro);
  for (const s of d.sections) {
    h2(s.title);
    list(s.lines, 'Niet ingevuld');
  }
  p(d.footer, { size: 10 });
  return finish();
}

/** "kandidaat-K-7F3A2B.pdf". */
export function anonymousProfileFileName(code: string): string {
  return `kandidaat-${code.replace(/[^A-Za-z0-9-]/g, '')}.pdf`;
}
