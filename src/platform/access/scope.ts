import type { DbScope } from '../db/transaction.ts';
import { hasRole, isResident, type Principal } from './principal.ts';

/**
 * The principal's need-to-know, as the database enforces it (ADR 0011):
 * - werkmatcher and teamleider: residents living in an area of their own team(s);
 * - buurtteam professional: residents with an active consent for his organisation (withdrawn or expired: gone at once);
 * - werkgeversadviseur: candidates (proposals the resident agreed to), the person only after the reveal;
 * - the resident himself (Mijn Samenplan, issue 11): his own rows only;
 * - every other role: no individual residents.
 */
export function dbScopeOf(p: Principal): DbScope {
  if (isResident(p)) {
    return { municipalityId: p.municipalityId, userId: null, areaIds: [], partnerOrganisationId: null, candidates: false, residentId: p.residentId, system: false };
  }
  return {
    municipalityId: p.municipalityId,
    userId: p.userId,
    areaIds: hasRole(p, 'jobCoach', 'teamLead') ? p.areaIds : [],
    partnerOrganisationId: hasRole(p, 'partnerProfessional') ? p.partnerOrganisationId : null,
    candidates: hasRole(p, 'employerAdvisor'),
    residentId: null,
    system: false,
  };
}
