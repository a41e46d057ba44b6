import { api, body } from './client.ts';
import type { Worklist, WorklistLink } from './models.ts';

// The werkmatcher's worklist.

export function getWorklist(): Promise<Worklist> {
  return body(api.GET('/worklist'));
}

/** The anchor of each worklist section on the resident page (the ids of its sections). */
const ANCHORS: Record<WorklistLink['section'], string> = {
  plan: 'plan',
  meetings: 'gesprekken',
  contactMoments: 'contact',
  history: 'aanspreekpunt',
};

/** Where a worklist row leads: the resident page at the right section. */
export function worklistHref(link: WorklistLink): string {
  return `/inwoners/${encodeURIComponent(link.residentId)}#${ANCHORS[link.section]}`;
}
