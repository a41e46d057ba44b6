import { api, body } from './client.ts';
import type {
  Assessment,
  AssessmentCreate,
  AssessmentHistory,
  Barrier,
  BarrierCreate,
  BarrierUpdate,
} from './models.ts';

// The integrated assessment of one resident (section "Situatie"): Zelfredzaamheid-Matrix and participatieladder
// over time, and barriers per life domain.

const byId = (id: string) => ({ params: { path: { id } } });

/** The ETag of a barrier version, for If-Match (the same form the server sends). */
export function barrierEtag(barrier: Pick<Barrier, 'id' | 'version'>): string {
  return `"barrier-${barrier.id}-v${barrier.version}"`;
}

export function listAssessments(id: string): Promise<AssessmentHistory> {
  return body(api.GET('/residents/{id}/assessments', byId(id)));
}

export function recordAssessment(id: string, assessment: AssessmentCreate): Promise<Assessment> {
  return body(api.POST('/residents/{id}/assessments', { ...byId(id), body: assessment }));
}

export async function listBarriers(id: string): Promise<Barrier[]> {
  return (await body(api.GET('/residents/{id}/barriers', byId(id)))).items;
}

export function createBarrier(id: string, barrier: BarrierCreate): Promise<Barrier> {
  return body(api.POST('/residents/{id}/barriers', { ...byId(id), body: barrier }));
}

/** Change a barrier we read at `barrier.version`: 412 when someone changed it in the meantime. */
export function updateBarrier(
  id: string,
  barrier: Pick<Barrier, 'id' | 'version'>,
  change: BarrierUpdate,
): Promise<Barrier> {
  return body(
    api.PATCH('/residents/{id}/barriers/{barrierId}', {
      params: { path: { id, barrierId: barrier.id }, header: { 'if-match': barrierEtag(barrier) } },
      body: change,
    }),
  );
}
