import { api, answer, body } from './client.ts';
import type { FollowUpMonths, FollowUpWrite, Placement, PlacementCreate } from './models.ts';

// Placements with follow-up (nazorg) at 1, 3, 6 and 12 months.

export interface PlacementWithEtag {
  placement: Placement;
  /** For If-Match when recording a follow-up. */
  etag: string;
}

export function createPlacement(placement: PlacementCreate): Promise<Placement> {
  return body(api.POST('/placements', { body: placement }));
}

export async function getPlacement(id: string): Promise<PlacementWithEtag> {
  const res = await answer(api.GET('/placements/{id}', { params: { path: { id } } }));
  return { placement: res.data, etag: res.etag ?? '' };
}

/** Needs If-Match with the ETag of the placement as the user saw it (412 when someone else saved first). */
export async function recordFollowUp(
  id: string,
  months: FollowUpMonths,
  etag: string,
  followUp: FollowUpWrite,
): Promise<PlacementWithEtag> {
  const res = await answer(
    api.PUT('/placements/{id}/follow-ups/{months}', {
      params: { path: { id, months: String(months) as `${FollowUpMonths}` }, header: { 'if-match': etag } },
      body: followUp,
    }),
  );
  return { placement: res.data, etag: res.etag ?? '' };
}
