import { can } from '../../platform/access/permissions.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { dbScopeOf } from '../../platform/access/scope.ts';

/**
 * Who may see which residents (need-to-know). PostgreSQL enforces it (row-level security, ADR 0011); the stores
 * repeat it in their WHERE so the planner can use it.
 * - werkmatcher and teamleider: residents living in an area of their own team(s);
 * - buurtteam professional: residents with an active consent for his organisation (withdrawn or expired: gone at once);
 * - every other role: no individual residents;
 * - never another municipality (also enforced by row-level security).
 */
export interface ResidentScope {
  areaIds: string[];
  consentPartnerOrganisationId: string | null;
  /** The resident himself, in Mijn Samenplan (issue 11): only his own row. */
  ownResidentId?: string | null;
}

/** The same scope the database enforces (platform/access/scope.ts), as the stores repeat it for the planner. */
export function residentScope(p: Principal): ResidentScope {
  const s = dbScopeOf(p);
  return { areaIds: [...s.areaIds], consentPartnerOrganisationId: s.partnerOrganisationId, ownResidentId: s.residentId };
}

export function isEmptyScope(s: ResidentScope): boolean {
  return s.areaIds.length === 0 && !s.consentPartnerOrganisationId && !s.ownResidentId;
}

/**
 * 'full' when the resident is seen through the area team; 'shared' when only through a consent:
 * then only the parts shared with the buurtteam leave the building (see residents.presenter.ts).
 */
export type ResidentView = 'full' | 'shared';

export function residentView(p: Principal, areaId: string): ResidentView {
  return residentScope(p).areaIds.includes(areaId) ? 'full' : 'shared';
}

export interface ResidentPermissions {
  update: boolean;
  readBsn: boolean;
  assignContactPerson: boolean;
  manageConsents: boolean;
  recordContact: boolean;
}

/** What the caller may do with one resident he can see. The web app shows exactly this; it never re-derives rules. */
export function residentPermissions(p: Principal, view: ResidentView): ResidentPermissions {
  const full = view === 'full';
  return {
    update: full && can(p, 'residents:update'),
    readBsn: full && can(p, 'residents:readBsn'),
    assignContactPerson: full && can(p, 'residents:assignContactPerson'),
    manageConsents: full && can(p, 'residents:manageConsents'),
    recordContact: full && can(p, 'residents:recordContact'),
  };
}
