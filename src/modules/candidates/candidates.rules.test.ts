import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CANDIDATE_STATUSES,
  MISSING_INTERVIEW,
  MISSING_RESIDENT_CONSENT,
  STATUS_LABELS,
  STEPS,
  refusalOf,
  type CandidateStep,
} from './candidates.rules.ts';

const steps = Object.keys(STEPS) as CandidateStep[];

describe('candidate steps', () => {
  it('follow the flow residentAgreed → presented → interviewAgreed → revealed, rejection from presented or interviewAgreed', () => {
    const ok = (step: CandidateStep, status: (typeof CANDIDATE_STATUSES)[number]) =>
      refusalOf(step, { status, residentAgreed: true, interviewCommitted: status === 'interviewAgreed' }) === null;
    const allowed = steps.flatMap((s) => CANDIDATE_STATUSES.filter((st) => ok(s, st)).map((st) => `${s}:${st}`));
    expect(allowed.sort()).toEqual(['commitInterview:presented', 'present:residentAgreed', 'reject:interviewAgreed', 'reject:presented', 'reveal:interviewAgreed'].sort());
  });

  it('a refused step names the current status in Dutch and in the API', () => {
    fc.assert(
      fc.property(fc.constantFrom(...steps), fc.constantFrom(...CANDIDATE_STATUSES), (step, status) => {
        const r = refusalOf(step, { status, residentAgreed: true, interviewCommitted: true });
        if (r?.kind === 'status') {
          expect(r.status).toBe(status);
          expect(r.detail).toContain(STATUS_LABELS[status]);
          expect(r.detail).toContain(`(${status})`);
        }
      }),
    );
  });

  it('the reveal says what is missing', () => {
    expect(refusalOf('reveal', { status: 'presented', residentAgreed: true, interviewCommitted: false })).toMatchObject({ kind: 'missing', missing: [MISSING_INTERVIEW] });
    expect(refusalOf('reveal', { status: 'interviewAgreed', residentAgreed: false, interviewCommitted: true })).toMatchObject({ kind: 'missing', missing: [MISSING_RESIDENT_CONSENT] });
    const both = refusalOf('reveal', { status: 'residentAgreed', residentAgreed: false, interviewCommitted: false });
    expect(both).toMatchObject({ kind: 'missing', missing: [MISSING_RESIDENT_CONSENT, MISSING_INTERVIEW] });
    expect(both!.detail).toContain('De inwoner heeft nog niet ingestemd');
    expect(both!.detail).toContain('De werkgever heeft nog geen gesprek toegezegd');
    expect(refusalOf('reveal', { status: 'revealed', residentAgreed: true, interviewCommitted: true })).toMatchObject({ kind: 'status', status: 'revealed' });
  });

  it('a reveal is allowed only when the resident agreed and an interview was committed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CANDIDATE_STATUSES), fc.boolean(), fc.boolean(), (status, residentAgreed, interviewCommitted) => {
        const allowed = refusalOf('reveal', { status, residentAgreed, interviewCommitted }) === null;
        expect(allowed).toBe(status === 'interviewAgreed' && residentAgreed && interviewCommitted);
      }),
    );
  });
});
