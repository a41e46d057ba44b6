import { todayInNl } from '../../domain/dates.ts';
import type { RequestContext } from '../../platform/context.ts';
import { ProblemError } from '../../platform/http/problem.ts';
import { MATCHER_VERSION } from '../matching/matcher.features.ts';
import { algorithmRegisterEntry } from './algorithm-register.ts';
import { MINIMUM_CELL_SIZE, STAGES, monitorFigures, type GroupCounts } from './fairness.rules.ts';
import type { MonitorQuery } from './fairness.schema.ts';
import { fairnessStore, type Dimension } from './fairness.store.ts';

// The fairness monitor (PA-016) for the beleidsmedewerker: counts per group of the caller's municipality, small cells
// suppressed, four-fifths warnings. And the matcher's Algoritmeregister entry (no personal data at all).

/** Every group of a dimension in a fixed order, with its Dutch label: groups without anyone still show (suppressed). */
const GROUPS: Record<Dimension, Array<[string, string]>> = {
  ageBand: [
    ['<27', 'Jonger dan 27 jaar'],
    ['27-44', '27 tot 45 jaar'],
    ['45+', '45 jaar en ouder'],
  ],
  householdType: [
    ['single', 'Alleenstaand'],
    ['singleParent', 'Alleenstaande ouder'],
    ['couple', 'Samenwonend, zonder kinderen'],
    ['coupleWithChildren', 'Samenwonend, met kinderen'],
    ['other', 'Ander huishouden'],
  ],
  gender: [
    ['female', 'Vrouw'],
    ['male', 'Man'],
    ['other', 'Anders'],
    ['unknown', 'Niet opgegeven'],
  ],
  migrationBackground: [
    ['none', 'Geen migratieachtergrond'],
    ['western', 'Westerse migratieachtergrond'],
    ['nonWestern', 'Niet-westerse migratieachtergrond'],
    ['unknown', 'Niet opgegeven'],
  ],
};

function periodOf(query: MonitorQuery): { from: string; to: string } {
  const to = query.to ?? todayInNl();
  const from = query.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) {
    throw new ProblemError(400, 'Ongeldig verzoek', 'Controleer de zoekparameters.', [
      { name: 'from', code: 'range', reason: 'De begindatum moet op of vóór de einddatum liggen.' },
    ]);
  }
  return { from, to };
}

export async function fairnessMonitor(ctx: RequestContext, query: MonitorQuery) {
  const { from, to } = periodOf(query);
  const dimension = query.dimension;
  const rows = await ctx.transaction(async (tx, log) => {
    const result = await fairnessStore(tx).countsPerGroup(dimension, from, to);
    // Aggregates only: one log entry with the subject 'aggregate', no resident named.
    log.aggregate({ action: 'fairness.monitor' });
    return result;
  });
  const byGroup = new Map(rows.map((r) => [r.grp, r]));
  const known = GROUPS[dimension];
  const extra = rows.filter((r) => !known.some(([g]) => g === r.grp)).map((r): [string, string] => [r.grp, r.grp]);
  const counts: GroupCounts[] = [...known, ...extra].map(([group, label]) => {
    const r = byGroup.get(group);
    return {
      group,
      label,
      population: Number(r?.population ?? 0),
      exposure: Number(r?.exposure ?? 0),
      proposals: Number(r?.proposals ?? 0),
      interviews: Number(r?.interviews ?? 0),
      placements: Number(r?.placements ?? 0),
    };
  });
  const { groups, warnings } = monitorFigures(counts);
  return { dimension, from, to, matcherVersion: MATCHER_VERSION, minimumCellSize: MINIMUM_CELL_SIZE, stages: [...STAGES], groups, warnings };
}

export function algorithmRegister(ctx: RequestContext) {
  const name = ctx.principal.municipalityName;
  return algorithmRegisterEntry({ organisation: /^gemeente\b/i.test(name) ? name : `Gemeente ${name}`, date: todayInNl() });
}
