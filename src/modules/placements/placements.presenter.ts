import type { PlacementOutflow } from '../outflow/outflow.service.ts';
import { displayName } from '../residents/residents.presenter.ts';
import { stateVersion } from './placements.rules.ts';
import type { FollowUpRow, PlacementRow } from './placements.store.ts';

// What leaves the building about a placement. The resident's name only for whoever may see his identity.

export function presentPlacement(p: PlacementRow, followUps: FollowUpRow[], outflows: ReadonlyMap<string, PlacementOutflow> = new Map()) {
  return {
    id: p.id,
    residentId: p.resident_id,
    residentName: p.in_scope || p.via_reveal ? displayName(p) : null,
    employer: { id: p.employer_id, name: p.employer_name },
    vacancy: p.vacancy_id ? { id: p.vacancy_id, title: p.vacancy_title ?? '' } : null,
    agreement: p.agreement_id ? { id: p.agreement_id, title: p.agreement_title ?? '' } : null,
    startDate: p.start_date,
    endDate: p.end_date,
    contractType: p.contract_type,
    hoursPerWeek: Number(p.hours_per_week),
    hourlyWage: p.hourly_wage === null ? null : Number(p.hourly_wage),
    instrument: p.instrument,
    outflow: p.outflow,
    outflowRegistration: outflows.get(p.id) ?? null,
    status: p.status,
    followUps: followUps
      .filter((f) => f.placement_id === p.id)
      .map((f) => ({ months: f.months, dueOn: f.due_on, doneOn: f.done_on, stillEmployed: f.still_employed, note: f.note })),
  };
}

export type Placement = ReturnType<typeof presentPlacement>;

/** The ETag version of a placement: a hash of what can change (status, end date, follow-ups). */
export function placementVersion(p: Placement): number {
  return stateVersion([p.status, p.endDate, p.followUps]);
}
