import { createContext, useContext } from 'react';
import type { Plan, PlanVersion } from '../../../api/models.ts';
import { planConflictOf, type PlanOperation } from '../../../api/plans.api.ts';
import { usePlanWrite } from './usePlan.ts';

/** What a change needs besides the request: the words for the live region and for the conflict panel. */
export interface ChangeOptions {
  /** Said in the live region after saving. */
  announce: (plan: Plan) => string;
  /** The user's change in words, shown in the conflict panel when someone else was first. */
  describe: string;
  /** The element that gets focus after saving (an id), when the control that was used is gone. */
  focusAfter?: (plan: Plan) => string | undefined;
  /** E.g. close the form. Also runs when the change is redone from the conflict panel. */
  onSuccess?: (plan: Plan) => void;
}

/** 412: the versions since the one the user edited, and the change to redo on top of the current one. */
export interface PendingConflict {
  versions: PlanVersion[];
  op: PlanOperation;
  options: ChangeOptions;
  /** Changes with each new conflict, so the panel takes focus again. */
  seq: number;
}

export interface PlanSectionApi {
  residentId: string;
  residentName: string;
  userId: string;
  userName: string;
  /** The user is a werkmatcher or teamleider (may carry out actions as jobCoach). */
  isJobCoach: boolean;
  canListStaff: boolean;
  canListOrganisations: boolean;
  saved: (plan: Plan, options: ChangeOptions) => void;
  conflict: (c: Omit<PendingConflict, 'seq'>) => void;
  clear: () => void;
}

export const PlanSectionContext = createContext<PlanSectionApi | null>(null);

export function usePlanSection(): PlanSectionApi {
  const ctx = useContext(PlanSectionContext);
  if (!ctx) throw new Error('usePlanSection outside PlanSection');
  return ctx;
}

/**
 * Send a change of this control (form, button). Success and conflicts are reported to the section (live region,
 * conflict panel); `error` is what the control shows itself: field errors (400) and other failures, not 412.
 */
export function usePlanChange() {
  const section = usePlanSection();
  const write = usePlanWrite(section.residentId);
  const run = (op: PlanOperation, options: ChangeOptions) => {
    section.clear();
    write.mutate(op, {
      onSuccess: (plan) => section.saved(plan, options),
      onError: (err) => {
        const conflict = planConflictOf(err);
        if (conflict) section.conflict({ versions: conflict.changesSince, op, options });
      },
    });
  };
  const error = write.error && !planConflictOf(write.error) ? write.error : null;
  return { run, error, isPending: write.isPending, reset: write.reset };
}
