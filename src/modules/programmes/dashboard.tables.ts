/**
 * The dashboard as tables (pure): the same rows for the web's table view, the CSV and XLSX export and the council
 * report, so every output shows the same numbers. A hidden cell is the text "onderdrukt".
 */
import type { Dashboard } from './programmes.schema.ts';
import { monthName } from './dashboard.rules.ts';

export type Cell = string | number | null;
export interface Table {
  key: string;
  title: string;
  columns: string[];
  rows: Cell[][];
}

export const SUPPRESSED = 'onderdrukt';
const v = (x: number | null) => (x === null ? SUPPRESSED : x);
const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
const euros = (cents: number | null) => (cents === null ? null : Math.round(cents) / 100);

export function dashboardTables(d: Dashboard): Table[] {
  const tables: Table[] = [
    {
      key: 'progress',
      title: `Uitstroom per maand, opgeteld${d.area ? ` (${d.area.name})` : ''}`,
      columns: ['Maand', 'Uitstroom (opgeteld)', 'Basislijn (opgeteld)', 'Extra boven de basislijn'],
      rows: d.progress.points.map((p) => [monthName(p.month), v(p.outflow), p.baseline, p.baseline === null ? null : v(p.extra)]),
    },
    {
      key: 'byArea',
      title: 'Uitstroom per wijk',
      columns: ['Wijk', 'Uitstroom'],
      rows: [...d.byArea.rows.map((r) => [r.label, v(r.value)]), ['Totaal', v(d.byArea.total)]],
    },
    ...d.byGroup.map((g) => ({
      key: g.dimension,
      title: `Uitstroom naar ${g.label.toLowerCase()}${d.area ? ` (${d.area.name})` : ''}`,
      columns: [g.label, 'Uitstroom'],
      rows: [...g.rows.map((r): Cell[] => [r.label, v(r.value)]), ['Totaal', v(g.total)]],
    })),
    {
      key: 'contact',
      title: `Contact en plannen, stand ${monthName(d.contact.month)}`,
      columns: ['Kengetal', 'Aantal', 'Aandeel (%)'],
      rows: [
        ['Inwoners in de doelgroep', v(d.contact.population), null],
        ['Inwoners met contact deze maand', v(d.contact.contacted), pct(d.contact.contactedShare)],
        ['Contactmomenten per inwoner deze maand', d.contact.contactMomentsPerResident, null],
        ['Met een vast aanspreekpunt', v(d.contact.withContactPerson), pct(d.contact.withContactPersonShare)],
        ['Met een afgesproken plan', v(d.contact.withPlan), pct(d.contact.withPlanShare)],
      ],
    },
    {
      key: 'costs',
      title: 'Budget en uitgaven per actielijn (euro)',
      columns: ['Actielijn', 'Budget', 'Uitgegeven'],
      rows: [
        ...d.actionLines.map((l): Cell[] => [l.name, euros(l.budgetCents), euros(l.spentCents)]),
        ['Totaal', euros(d.costs.budgetCents), euros(d.costs.spentCents)],
        ['Kosten per extra uitstroom', null, euros(d.costs.costPerExtraOutflowCents)],
        ['Kosten per uitstroom', null, euros(d.costs.costPerOutflowCents)],
      ],
    },
    {
      key: 'kpis',
      title: "KPI's per actielijn",
      columns: ['Actielijn', 'KPI', 'Waarde', 'Van', 'Aandeel (%)'],
      rows: d.actionLines.flatMap((l) => l.kpis.map((k): Cell[] => [l.name, k.label, v(k.value), k.base, pct(k.share)])),
    },
  ];
  return tables;
}

const quote = (c: Cell) => {
  const s = c === null ? '' : typeof c === 'number' ? String(c).replace('.', ',') : c;
  return /[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** CSV as Dutch spreadsheets read it (semicolons, decimal comma, UTF-8 with BOM), each table after its title. */
export function tablesCsv(tables: Table[]): string {
  const lines: string[] = [];
  for (const t of tables) {
    if (lines.length > 0) lines.push('');
    lines.push(quote(t.title));
    lines.push(t.columns.map(quote).join(';'));
    for (const r of t.rows) lines.push(r.map(quote).join(';'));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
