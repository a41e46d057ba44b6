import { api, body } from './client.ts';
import type { components } from './schema.gen.ts';

// The buurtteam professional's werklijst (GET /partner-worklist).

export type PartnerWorklist = components['schemas']['PartnerWorklist'];
export type PartnerWorklistLink = components['schemas']['PartnerWorklistLink'];
export type PartnerAction = PartnerWorklist['openActions'][number];
export type PartnerMeeting = PartnerWorklist['meetings'][number];
export type EndingConsent = PartnerWorklist['consentsEndingSoon'][number];

export function getPartnerWorklist(): Promise<PartnerWorklist> {
  return body(api.GET('/partner-worklist'));
}

/** The anchor of each section on the resident page (the ids of its sections). */
const ANCHORS: Record<PartnerWorklistLink['section'], string> = {
  plan: 'plan',
  meetings: 'gesprekken',
  consents: 'toestemmingen',
};

/** Where a row leads: the resident page at the right section. */
export function partnerWorklistHref(link: PartnerWorklistLink): string {
  return `/inwoners/${encodeURIComponent(link.residentId)}#${ANCHORS[link.section]}`;
}
