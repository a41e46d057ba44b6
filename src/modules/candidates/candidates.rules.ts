/**
 * The employer advisor's part of a proposal's life, as pure rules (no I/O): which statuses he may see, which step
 * is allowed from which status, and what is still missing before the identity may be revealed.
 *
 *   proposed → residentAgreed → presented → interviewAgreed → revealed → placed
 *                                   └──────────┴──→ rejected (the employer says no)
 *
 * 'proposed', 'residentDeclined' and 'withdrawn' are never visible to the advisor: the resident did not (yet) agree.
 */

export const CANDIDATE_STATUSES = ['residentAgreed', 'presented', 'interviewAgreed', 'revealed', 'placed', 'rejected'] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

export function isCandidateStatus(status: string): status is CandidateStatus {
  return (CANDIDATE_STATUSES as readonly string[]).includes(status);
}

export type CandidateStep = 'present' | 'commitInterview' | 'reject' | 'reveal';

/** From which statuses each step may be taken, and where it leads. */
export const STEPS: Record<CandidateStep, { from: readonly CandidateStatus[]; to: CandidateStatus }> = {
  present: { from: ['residentAgreed'], to: 'presented' },
  commitInterview: { from: ['presented'], to: 'interviewAgreed' },
  reject: { from: ['presented', 'interviewAgreed'], to: 'rejected' },
  reveal: { from: ['interviewAgreed'], to: 'revealed' },
};

export const STATUS_LABELS: Record<CandidateStatus, string> = {
  residentAgreed: 'inwoner akkoord, nog niet voorgesteld',
  presented: 'anoniem voorgesteld',
  interviewAgreed: 'gesprek toegezegd',
  revealed: 'identiteit vrijgegeven',
  placed: 'geplaatst',
  rejected: 'afgewezen door de werkgever',
};

const STEP_LABELS: Record<CandidateStep, string> = {
  present: 'voorstellen',
  commitInterview: 'een gesprek vastleggen',
  reject: 'afwijzen',
  reveal: 'de identiteit vrijgeven',
};

export const MISSING_RESIDENT_CONSENT = 'De inwoner heeft nog niet ingestemd.';
export const MISSING_INTERVIEW = 'De werkgever heeft nog geen gesprek toegezegd.';

export interface CandidateState {
  status: CandidateStatus;
  residentAgreed: boolean;
  interviewCommitted: boolean;
}

export type StepRefusal =
  | { kind: 'missing'; missing: string[]; detail: string }
  | { kind: 'status'; status: CandidateStatus; detail: string };

export function statusRefusal(step: CandidateStep, status: CandidateStatus): StepRefusal {
  return {
    kind: 'status',
    status,
    detail: `U kunt deze kandidaat niet ${STEP_LABELS[step]}: de huidige status is "${STATUS_LABELS[status]}" (${status}).`,
  };
}

/** Why `step` is not allowed now, or null when it is. */
export function refusalOf(step: CandidateStep, state: CandidateState): StepRefusal | null {
  if (step === 'reveal' && ['residentAgreed', 'presented', 'interviewAgreed'].includes(state.status)) {
    const missing: string[] = [];
    if (!state.residentAgreed) missing.push(MISSING_RESIDENT_CONSENT);
    if (!state.interviewCommitted || state.status !== 'interviewAgreed') missing.push(MISSING_INTERVIEW);
    if (missing.length > 0) {
      return { kind: 'missing', missing, detail: `De identiteit kan nog niet worden vrijgegeven. ${missing.join(' ')}` };
    }
    return null;
  }
  return STEPS[step].from.includes(state.status) ? null : statusRefusal(step, state.status);
}

/** The identity is visible only after a reveal; a placed candidate was revealed before. */
export function identityVisible(revealedAt: Date | null): boolean {
  return revealedAt !== null;
}
