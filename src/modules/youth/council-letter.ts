import { taggedPdf } from '../../platform/pdf/tagged-pdf.ts';
import { MINIMUM_CELL_SIZE, suppressGrid } from '../programmes/programmes.service.ts';

// The yearly council letter of Team Jongeren (opgave jongvolwassenen, issue 13 §7, PA-032): figures per wijk from
// youth_council_figures, each table suppressed by the programmes module's disclosure control (cells under 10, and
// cells a total would give away), a Dutch text (editable) and a tagged PDF with the same numbers.

export interface CouncilFigure {
  areaId: string;
  areaName: string;
  measure: string;
  category: string;
  n: number;
}

export interface CouncilTable {
  id: string;
  title: string;
  columns: string[];
  rows: Array<{ label: string; cells: Array<number | null>; total: number | null }>;
  totals: Array<number | null>;
  grandTotal: number | null;
}

const EXEMPTION_REASONS: Array<[string, string]> = [
  ['vulnerableSituation', 'Kwetsbare situatie'],
  ['ongoingCare', 'Lopende hulp'],
  ['statusHolder', 'Statushouder'],
  ['specialEducationLeaver', 'Praktijkonderwijs/vso'],
  ['medicallyLimited', 'Medisch beperkt'],
  ['other', 'Anders'],
];
const PROVISION_KINDS: Array<[string, string]> = [
  ['laptop', 'Laptop'],
  ['books', 'Boeken'],
  ['schoolFees', 'Lesgeld'],
  ['travel', 'Reiskosten'],
  ['workClothing', 'Werkkleding'],
  ['other', 'Anders'],
];

/** One table: wijken × categories of one measure, suppressed with its margins. */
function table(id: string, title: string, figures: CouncilFigure[], areas: Array<[string, string]>, measure: string, categories: Array<[string, string]>): CouncilTable {
  const value = (areaId: string, cat: string) => figures.find((f) => f.areaId === areaId && f.measure === measure && f.category === cat)?.n ?? 0;
  const interior = areas.map(([a]) => categories.map(([c]) => value(a, c)));
  const g = suppressGrid(interior.length > 0 ? interior : [categories.map(() => 0)]);
  const shown = (r: number, c: number) => (g.hidden[r]![c] ? null : g.values[r]![c]!);
  const R = interior.length;
  const C = categories.length;
  return {
    id,
    title,
    columns: categories.map(([, label]) => label),
    rows: areas.map(([, name], r) => ({ label: name, cells: categories.map((_, c) => shown(r, c)), total: shown(r, C) })),
    totals: categories.map((_, c) => shown(R, c)),
    grandTotal: shown(R, C),
  };
}

export function councilTables(figures: CouncilFigure[]): CouncilTable[] {
  const areas = [...new Map(figures.map((f) => [f.areaId, f.areaName])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'nl'));
  const one: Array<[string, string]> = [['', 'Aantal']];
  return [
    table('youngPeople', 'Jongeren met een melding', figures, areas, 'youngPeople', one),
    table('searchPeriods', 'Zoektermijnen', figures, areas, 'searchPeriods', one),
    table('exemptions', 'Ontheffingen van de zoektermijn, naar reden', figures, areas, 'exemptions', EXEMPTION_REASONS),
    table('outflow', 'Uitstroom naar werk en opleiding', figures, areas, 'outflow', [['work', 'Werk'], ['education', 'Opleiding']]),
    table('provisions', 'Maatwerkvoorzieningen, naar soort', figures, areas, 'provisions', PROVISION_KINDS),
  ];
}

const n = (v: number | null) => (v === null ? 'minder dan 10 (onderdrukt)' : v.toLocaleString('nl-NL'));

/** The letter's Dutch text, built from the shown (suppressed) totals only. */
export function councilText(year: number, municipality: string, tables: CouncilTable[]): string {
  const total = (id: string) => tables.find((t) => t.id === id)!.grandTotal;
  return [
    `Opgave jongvolwassenen ${year} — ${municipality}`,
    '',
    `Aan de gemeenteraad. In ${year} meldden zich ${n(total('youngPeople'))} jongeren tussen 18 en 27 jaar bij Team Jongeren. Voor hen liepen ${n(total('searchPeriods'))} zoektermijnen van vier weken (art. 41 lid 4 Participatiewet).`,
    `Het team gaf ${n(total('exemptions'))} ontheffingen van de zoektermijn, elk bevestigd door een senior werkmatcher. Utrecht verwacht dat 20 tot 30% van de jongeren een ontheffing krijgt, omdat zoeken de hulp zou doorkruisen die al loopt.`,
    `Naar werk of een opleiding stroomden ${n(total('outflow'))} jongeren uit die niet terugkwamen in de bijstand. Het team kende ${n(total('provisions'))} maatwerkvoorzieningen toe, zoals een laptop of boeken voor een opleiding.`,
    '',
    `De tabellen geven de aantallen per wijk. Aantallen onder de ${MINIMUM_CELL_SIZE} zijn niet getoond, net als aantallen die uit een totaal terug te rekenen zouden zijn: zo is niemand te herkennen.`,
  ].join('\n');
}

export async function councilPdf(year: number, municipality: string, tables: CouncilTable[], text: string): Promise<Buffer> {
  const pdf = taggedPdf({ title: `Opgave jongvolwassenen ${year} — ${municipality}`, subject: `Jaarlijkse opgave van Team Jongeren aan de gemeenteraad, ${municipality}` });
  const [title, , ...body] = text.split('\n');
  pdf.h1(title!);
  for (const line of body) if (line.trim()) pdf.p(line);
  for (const t of tables) {
    pdf.h2(t.title);
    const cell = (v: number | null) => (v === null ? 'onderdrukt' : v.toLocaleString('nl-NL'));
    const rows = t.rows.map((r) => [r.label, ...r.cells.map(cell), ...(t.columns.length > 1 ? [cell(r.total)] : [])]);
    rows.push(['Totaal', ...t.totals.map(cell), ...(t.columns.length > 1 ? [cell(t.grandTotal)] : [])]);
    pdf.table(['Wijk', ...t.columns, ...(t.columns.length > 1 ? ['Totaal'] : [])], rows);
  }
  return pdf.finish();
}
