import { api, request } from './http.ts';
import type {
  Assessment,
  AssessmentCreate,
  AssessmentHistory,
  Barrier,
  BarrierCreate,
  BarrierUpdate,
  ItemList,
} from './types.ts';

// The integrated assessment of one resident (section "Situatie"): Zelfredzaamheid-Matrix and participatieladder
// over time, and barriers per life domain. Contract: src/modules/assessments/assessments.schema.ts.

const base = (id: string) => `/residents/${encodeURIComponent(id)}`;

/** The ETag of a barrier version, for If-Match (the same form the server sends). */
export function barrierEtag(barrier: Pick<Barrier, 'id' | 'version'>): string {
  return `"barrier-${barrier.id}-v${barrier.version}"`;
}

export function listAssessments(id: string): Promise<AssessmentHistory> {
  return api.get<AssessmentHistory>(`${base(id)}/assessments`);
}

export function recordAssessment(id: string, body: AssessmentCreate): Promise<Assessment> {
  return api.post<Assessment>(`${base(id)}/assessments`, body);
}

export async function listBarriers(id: string): Promise<Barrier[]> {
  return (await api.get<ItemList<Barrier>>(`${base(id)}/barriers`)).items;
}

export function createBarrier(id: string, body: BarrierCreate): Promise<Barrier> {
  return api.post<Barrier>(`${base(id)}/barriers`, body);
}

/** Change a barrier we read at `barrier.version`: 412 when someone changed it in the meantime. */
export async function updateBarrier(
  id: string,
  barrier: Pick<Barrier, 'id' | 'version'>,
  body: BarrierUpdate,
): Promise<Barrier> {
  const res = await request<Barrier>('PATCH', `${base(id)}/barriers/${encodeURIComponent(barrier.id)}`, {
    body,
    headers: { 'If-Match': barrierEtag(barrier) },
  });
  return res.data;
}
