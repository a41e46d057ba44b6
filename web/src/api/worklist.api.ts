import { api, body } from './client.ts';
import type { Worklist, WorklistLink } from './models.ts';

// The werkmatcher's worklist.

export function getWorklist(): Promise<Worklist> {
  return body(api.GET('/worklist'));
}

/** Where each worklist section leads on the resident page: the tab (?tab=) and, within it, the section. */
const TARGETS: Record<WorklistLink['section'], { tab: string; anchor?: string }> = {
  plan: { tab: 'plan' },
  meetings: { tab: 'gesprekken' },
  contactMoments: { tab: 'gesprekken', anchor: 'contact' },
  history: { tab: 'geschiedenis' },
  // Team Jongeren: the search period shown above the tabs.
  youth: { tab: 'plan', anchor: 'zoektermijn' },
};

/** Where a worklist row leads: the resident page at the right tab and section. */
export function worklistHref(link: WorklistLink): string {
  const { tab, anchor } = TARGETS[link.section];
  return `/inwoners/${encodeURIComponent(link.residentId)}?tab=${tab}${anchor ? `#${anchor}` : ''}`;
}
