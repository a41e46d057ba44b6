import type { InvalidParam } from '../../platform/http/problem.ts';
import type { AssessmentCreate, BarrierUpdate } from './assessments.schema.ts';
import { ZRM_DOMAINS, ZRM_DOMAIN_LABELS, isValidRung, isValidScore, type ZrmDomain } from './zrm.ts';

// Field rules with messages that say how to fix the input. Pure: all messages of a form at once.

/** Leeway for clocks that run a little ahead (a laptop in a 3-gesprek). */
const FUTURE_LEEWAY_MS = 5 * 60_000;

export interface CheckedAssessment {
  scores: Array<{ domain: ZrmDomain; score: number }>;
  ladderRung: number | null;
  note: string | null;
  scoredAt: Date;
}

export function checkAssessment(body: AssessmentCreate, errors: InvalidParam[], now = new Date()): CheckedAssessment {
  const scores: CheckedAssessment['scores'] = [];
  for (const domain of ZRM_DOMAINS) {
    const score = body.scores[domain];
    if (score === undefined) continue;
    if (!isValidScore(score)) {
      errors.push({
        name: `scores.${domain}`,
        code: 'range',
        reason: `Kies voor ${ZRM_DOMAIN_LABELS[domain].nl} een score van 1 (Acute problematiek) tot en met 5 (Volledig zelfredzaam).`,
      });
    } else {
      scores.push({ domain, score });
    }
  }
  const ladderRung = body.ladderRung ?? null;
  if (ladderRung !== null && !isValidRung(ladderRung)) {
    errors.push({
      name: 'ladderRung',
      code: 'range',
      reason: 'Kies een trede op de participatieladder van 1 (Geïsoleerd) tot en met 6 (Betaald werk).',
    });
  }
  const anyScore = ZRM_DOMAINS.some((d) => body.scores[d] !== undefined);
  if (!anyScore && ladderRung === null) {
    errors.push({
      name: 'scores',
      code: 'required',
      reason: 'Vul voor minstens één domein een score in, of kies een trede op de participatieladder.',
    });
  }
  const scoredAt = body.scoredAt ? new Date(body.scoredAt) : now;
  if (scoredAt.getTime() > now.getTime() + FUTURE_LEEWAY_MS) {
    errors.push({ name: 'scoredAt', code: 'future', reason: 'Een score kan niet in de toekomst liggen. Kies het moment van het gesprek.' });
  }
  return { scores, ladderRung, note: body.note || null, scoredAt };
}

export function checkBarrierUpdate(body: BarrierUpdate, errors: InvalidParam[]): void {
  if (body.status === undefined && body.description === undefined) {
    errors.push({ name: 'status', code: 'required', reason: 'Geef een nieuwe status of een nieuwe beschrijving op.' });
  }
}
