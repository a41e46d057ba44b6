/**
 * The programme dashboard's arithmetic, pure: pre-aggregated figures in → suppressed tables, the progress line
 * against the baseline, shares, costs and KPIs out (issue 12, ADR 0019). The council report and the exports show
 * exactly these figures.
 *
 * Outflow counts are net: an outflow undone by a return to benefit within 12 months does not count.
 * Linked tables: the area totals appear in every dimension's table (area × group) and in the by-area list, so a
 * total hidden in one is hidden in all, until nothing changes.
 */
import type { Dashboard, DashboardDimension } from './programmes.schema.ts';
import { MINIMUM_CELL_SIZE, suppressCumulative, suppressGrid, suppressList, type Grid } from './suppression.rules.ts';

export interface FigureRow {
  month: string; // YYYY-MM-01
  area_id: string;
  dimension: 'total' | DashboardDimension;
  grp: string;
  outflows: number;
  returns: number;
  population: number;
  with_contact_person: number;
  with_plan: number;
  contacted: number;
  contact_moments: number;
}

export interface KpiRow {
  kpi: string;
  label: string | null;
  value: number;
  base: number | null;
}

export interface ProgrammeInput {
  id: string;
  name: string;
  periodStart: string;
  periodEnd: string;
  baselinePerYear: number;
  goalExtra: number;
  actionLines: Array<{ id: string; kind: 'contact' | 'jobs' | 'discrimination' | 'other'; name: string; budgetCents: number; spentCents: number }>;
}

export const GROUP_LABELS: Record<DashboardDimension, { label: string; groups: Array<[string, string]> }> = {
  reason: {
    label: 'Reden van uitstroom',
    groups: [
      ['workFullTime', 'Werk, voltijd'],
      ['workPartTime', 'Werk, deeltijd'],
      ['education', 'Opleiding'],
      ['otherIncome', 'Ander inkomen'],
      ['moved', 'Verhuisd'],
      ['partner', 'Partner'],
      ['other', 'Anders'],
    ],
  },
  ageBand: {
    label: 'Leeftijd',
    groups: [
      ['<27', 'Jonger dan 27 jaar'],
      ['27-44', '27 tot 45 jaar'],
      ['45+', '45 jaar en ouder'],
    ],
  },
  householdType: {
    label: 'Huishouden',
    groups: [
      ['single', 'Alleenstaand'],
      ['singleParent', 'Alleenstaande ouder'],
      ['couple', 'Samenwonend, zonder kinderen'],
      ['coupleWithChildren', 'Samenwonend, met kinderen'],
      ['other', 'Ander huishouden'],
    ],
  },
  educationLevel: {
    label: 'Opleidingsniveau',
    groups: [
      ['none', 'Geen opleiding'],
      ['primary', 'Basisonderwijs'],
      ['vmbo', 'Vmbo'],
      ['mbo1', 'Mbo 1'],
      ['mbo2to4', 'Mbo 2 tot 4'],
      ['havoVwo', 'Havo of vwo'],
      ['hbo', 'Hbo'],
      ['wo', 'Wo'],
      ['unknown', 'Onbekend'],
    ],
  },
  duration: {
    label: 'Duur in de bijstand',
    groups: [
      ['<1', 'Korter dan 1 jaar'],
      ['1-2', '1 tot 2 jaar'],
      ['2-5', '2 tot 5 jaar'],
      ['5+', '5 jaar of langer'],
    ],
  },
};
export const DIMENSION_ORDER: DashboardDimension[] = ['reason', 'ageBand', 'householdType', 'educationLevel', 'duration'];

export const KPI_LABELS: Record<string, { line: 'contact' | 'jobs' | 'discrimination'; label: string; personal: boolean }> = {
  contactMoments: { line: 'contact', label: 'Contactmomenten', personal: true },
  fixedContactPerson: { line: 'contact', label: 'Inwoners met een vast aanspreekpunt', personal: true },
  threeWayMeetingsHeld: { line: 'contact', label: '3-gesprekken gehouden', personal: true },
  plansAgreed: { line: 'contact', label: 'Plannen afgesproken', personal: true },
  proposals: { line: 'jobs', label: 'Voorstellen aan inwoners', personal: true },
  placementsViaAgreements: { line: 'jobs', label: 'Plaatsingen via werkgeversafspraken', personal: true },
  schoolHoursJobs: { line: 'jobs', label: 'Deeltijdbanen binnen schooltijden', personal: true },
  accordSignatories: { line: 'discrimination', label: 'Werkgevers die het akkoord tegen discriminatie tekenden', personal: false },
};

const monthKey = (iso: string) => iso.slice(0, 7);

/** Months from the programme's start to `to` (YYYY-MM), as YYYY-MM. */
export function monthsOf(periodStart: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = periodStart.slice(0, 7).split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > to) break;
    out.push(key);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** Days from the start through the end of month `to`, capped at the period's end, for the pro-rata baseline. */
function daysElapsed(periodStart: string, periodEnd: string, to: string, today: string): number {
  const [y, m] = to.split('-').map(Number) as [number, number];
  const monthEnd = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const end = [monthEnd, periodEnd, today].sort()[0]!;
  return Math.max(0, (Date.parse(end) - Date.parse(periodStart)) / 86_400_000 + 1);
}

const ratio = (a: number | null, b: number | null, digits = 3) => (a === null || b === null || b === 0 ? null : Math.round((a / b) * 10 ** digits) / 10 ** digits);

export interface DashboardInput {
  programme: ProgrammeInput;
  areas: Array<{ id: string; name: string }>;
  figures: FigureRow[];
  kpis: KpiRow[];
  /** YYYY-MM: through this month. */
  to: string;
  today: string;
  areaId: string | null;
  refreshedAt: string | null;
}

/** The dashboard for a period and an optional area: every count protected (primary and secondary suppression). */
export function dashboardFigures(input: DashboardInput): Omit<Dashboard, 'summary' | 'frozenAt'> & { summary: string } {
  const { programme, areas, to } = input;
  const months = monthsOf(programme.periodStart, to);
  const inPeriod = input.figures.filter((f) => monthKey(f.month) <= to);
  const areaIndex = new Map(areas.map((a, i) => [a.id, i]));
  const net = (f: FigureRow) => f.outflows - f.returns;

  // Area × group tables per dimension, linked through the area totals.
  const interiorOf = (dim: DashboardDimension) => {
    const groups = GROUP_LABELS[dim].groups;
    const t = areas.map(() => groups.map(() => 0));
    for (const f of inPeriod) {
      if (f.dimension !== dim) continue;
      const r = areaIndex.get(f.area_id);
      const c = groups.findIndex(([g]) => g === f.grp);
      if (r === undefined || c < 0) continue;
      t[r]![c]! += net(f);
    }
    return t;
  };
  const interiors = Object.fromEntries(DIMENSION_ORDER.map((d) => [d, interiorOf(d)])) as Record<DashboardDimension, number[][]>;
  const R = areas.length;
  const hiddenAreaTotals = new Set<number>();
  let hiddenGrand = false;
  let grids = {} as Record<DashboardDimension, Grid>;
  for (let round = 0; round < 20; round++) {
    const before = hiddenAreaTotals.size + (hiddenGrand ? 1 : 0);
    grids = Object.fromEntries(
      DIMENSION_ORDER.map((d) => {
        const C = GROUP_LABELS[d].groups.length;
        const g = suppressGrid(interiors[d], (r, c) => (c === C && r < R && hiddenAreaTotals.has(r)) || (r === R && c === C && hiddenGrand));
        for (let r = 0; r < R; r++) if (g.hidden[r]![C]) hiddenAreaTotals.add(r);
        if (g.hidden[R]![C]) hiddenGrand = true;
        return [d, g];
      }),
    ) as Record<DashboardDimension, Grid>;
    if (hiddenAreaTotals.size + (hiddenGrand ? 1 : 0) === before && round > 0) break;
  }

  const areaTotals = areas.map((_, r) => grids.reason.values[r]![GROUP_LABELS.reason.groups.length]!);
  const grandTotal = grids.reason.values[R]![GROUP_LABELS.reason.groups.length]!;
  const row = input.areaId === null ? R : (areaIndex.get(input.areaId) ?? R);
  const selectedTotal = row === R ? (hiddenGrand ? null : grandTotal) : hiddenAreaTotals.has(row) ? null : areaTotals[row]!;

  const byGroup = DIMENSION_ORDER.map((d) => {
    const g = grids[d];
    const groups = GROUP_LABELS[d].groups;
    return {
      dimension: d,
      label: GROUP_LABELS[d].label,
      rows: groups.map(([key, label], c) => ({ key, label, value: g.hidden[row]![c] ? null : g.values[row]![c]! })),
      total: selectedTotal,
    };
  });
  const byArea = {
    rows: areas.map((a, r) => ({ key: a.id, label: a.name, value: hiddenAreaTotals.has(r) ? null : areaTotals[r]! })),
    total: hiddenGrand ? null : grandTotal,
  };

  // Progress over months (cumulative), for the selection; the baseline only for the whole municipality.
  const selected = (f: FigureRow) => f.dimension === 'total' && (row === R || f.area_id === input.areaId);
  const monthly = months.map((mo) => inPeriod.filter((f) => selected(f) && monthKey(f.month) === mo).reduce((s, f) => s + net(f), 0));
  const cumulative = suppressCumulative(monthly, selectedTotal);
  const withBaseline = row === R;
  const baselineAt = (mo: string) => Math.round((programme.baselinePerYear * daysElapsed(programme.periodStart, programme.periodEnd, mo, input.today)) / 365.25);
  const points = months.map((mo, i) => {
    const baseline = withBaseline ? baselineAt(mo) : null;
    const outflow = cumulative[i]!;
    return { month: mo, outflow, baseline, extra: outflow === null || baseline === null ? null : outflow - baseline };
  });
  const returnsTotal = inPeriod.filter(selected).reduce((s, f) => s + f.returns, 0);
  const grossTotal = inPeriod.filter(selected).reduce((s, f) => s + f.outflows, 0);
  // Returns are shown only when they and the gross outflow are both large enough (net = gross − returns is shown).
  const returns = returnsTotal >= MINIMUM_CELL_SIZE && grossTotal >= MINIMUM_CELL_SIZE && selectedTotal !== null ? returnsTotal : null;
  const baseline = withBaseline && months.length > 0 ? baselineAt(months[months.length - 1]!) : null;
  const extra = selectedTotal === null || baseline === null ? null : selectedTotal - baseline;

  // Stock at the last month: lists over the areas with their total.
  const last = months[months.length - 1] ?? to;
  const stock = (key: 'population' | 'contacted' | 'with_contact_person' | 'with_plan' | 'contact_moments') => {
    const values = areas.map((a) => input.figures.filter((f) => f.dimension === 'total' && f.area_id === a.id && monthKey(f.month) === last).reduce((s, f) => s + f[key], 0));
    const s = suppressList(values);
    return row === R ? s.total : s.values[row]!;
  };
  const population = stock('population');
  const contacted = stock('contacted');
  const withContactPerson = stock('with_contact_person');
  const withPlan = stock('with_plan');
  const moments = stock('contact_moments');

  const budgetCents = programme.actionLines.reduce((s, l) => s + l.budgetCents, 0);
  const spentCents = programme.actionLines.reduce((s, l) => s + l.spentCents, 0);
  const kpiOf = (k: KpiRow) => {
    const def = KPI_LABELS[k.kpi];
    const personal = def?.personal ?? true;
    const value = personal && k.value < MINIMUM_CELL_SIZE ? null : k.value;
    const base = k.base === null ? null : personal && k.kpi !== 'placementsViaAgreements' && k.base < MINIMUM_CELL_SIZE ? null : k.base;
    // An agreement's realised placements are shown as on the employer's page ("x van 40"), not suppressed.
    if (k.kpi.startsWith('agreement:')) return { key: k.kpi, label: k.label ?? 'Afspraak', value: k.value, base: k.base, share: ratio(k.value, k.base) };
    return { key: k.kpi, label: def?.label ?? k.kpi, value, base, share: value === null ? null : ratio(value, base) };
  };
  const actionLines = programme.actionLines.map((l) => ({
    ...l,
    kpis: input.kpis
      .filter((k) => (k.kpi.startsWith('agreement:') ? l.kind === 'jobs' : KPI_LABELS[k.kpi]?.line === l.kind))
      .sort((a, b) => kpiOrder(a.kpi) - kpiOrder(b.kpi) || (a.label ?? '').localeCompare(b.label ?? ''))
      .map(kpiOf),
  }));

  const area = row === R ? null : { id: areas[row]!.id, name: areas[row]!.name };
  const progress = {
    points,
    outflow: selectedTotal,
    returns,
    baseline,
    extra,
    goalExtra: programme.goalExtra,
    shareOfGoal: extra === null ? null : ratio(extra, programme.goalExtra),
  };
  const costs = {
    budgetCents,
    spentCents,
    costPerExtraOutflowCents: extra !== null && extra > 0 && row === R ? Math.round(spentCents / extra) : null,
    costPerOutflowCents: selectedTotal !== null && selectedTotal > 0 && row === R ? Math.round(spentCents / selectedTotal) : null,
  };
  const contact = {
    month: last,
    population,
    contacted,
    contactedShare: ratio(contacted, population),
    contactMomentsPerResident: moments === null ? null : ratio(moments, population, 2),
    withContactPerson,
    withContactPersonShare: ratio(withContactPerson, population),
    withPlan,
    withPlanShare: ratio(withPlan, population),
  };
  const from = months[0] ?? to;
  return {
    programme: { id: programme.id, name: programme.name, periodStart: programme.periodStart, periodEnd: programme.periodEnd, baselinePerYear: programme.baselinePerYear, goalExtra: programme.goalExtra },
    area,
    from,
    to,
    refreshedAt: input.refreshedAt,
    minimumCellSize: MINIMUM_CELL_SIZE,
    summary: summaryText(programme.name, area?.name ?? null, from, to, progress),
    progress,
    byArea,
    byGroup,
    contact,
    costs,
    actionLines,
  };
}

const KPI_ORDER = Object.keys(KPI_LABELS);
const kpiOrder = (k: string) => (k.startsWith('agreement:') ? 100 : KPI_ORDER.indexOf(k));

const nl = (n: number) => n.toLocaleString('nl-NL');
const MONTH_NAMES = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
export const monthName = (ym: string) => `${MONTH_NAMES[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;

/** One paragraph with the main figures: the text alternative of the progress chart (web and PDF). */
export function summaryText(name: string, areaName: string | null, from: string, to: string, p: { outflow: number | null; baseline: number | null; extra: number | null; goalExtra: number; shareOfGoal: number | null; returns: number | null }): string {
  const period = `van ${monthName(from)} tot en met ${monthName(to)}`;
  if (p.outflow === null) return `${name}${areaName ? `, ${areaName}` : ''}, ${period}: te weinig uitstroom om te tonen (minder dan ${MINIMUM_CELL_SIZE}).`;
  const parts = [`${name}${areaName ? `, wijk ${areaName}` : ''}, ${period}: ${nl(p.outflow)} inwoners stroomden uit de bijstand (terugkeer binnen 12 maanden niet meegeteld).`];
  if (p.baseline !== null && p.extra !== null) {
    parts.push(
      `Zonder het programma was de verwachting ${nl(p.baseline)}; dat is ${p.extra >= 0 ? `${nl(p.extra)} extra` : `${nl(-p.extra)} minder`}.`,
      `Het doel is ${nl(p.goalExtra)} extra${p.shareOfGoal !== null && p.shareOfGoal > 0 ? `: ${Math.round(p.shareOfGoal * 100)}% daarvan is bereikt` : ''}.`,
    );
  }
  if (p.returns !== null) parts.push(`${nl(p.returns)} inwoners kwamen binnen 12 maanden terug in de bijstand.`);
  return parts.join(' ');
}
