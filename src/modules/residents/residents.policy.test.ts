import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, type Principal, type Role } from '../../platform/access/principal.ts';
import { isEmptyScope, residentPermissions, residentScope, residentView } from './residents.policy.ts';

const base: Principal = {
  userId: '00000000-0000-4000-8000-000000000001',
  username: 'x',
  displayName: 'X',
  municipalityId: '00000000-0000-4000-8000-0000000000aa',
  municipalityName: 'Utrecht',
  contactNormDays: 90,
  roles: ['jobCoach'],
  teamIds: ['t1'],
  areaIds: ['overvecht'],
  partnerOrganisationId: null,
};

describe('residents policy', () => {
  it('werkmatcher and teamleider see their teams’ areas; a buurtteam professional only through consent', () => {
    expect(residentScope(base)).toEqual({ areaIds: ['overvecht'], consentPartnerOrganisationId: null, ownResidentId: null });
    expect(residentScope({ ...base, roles: ['teamLead'] }).areaIds).toEqual(['overvecht']);
    expect(residentScope({ ...base, roles: ['partnerProfessional'], areaIds: [], partnerOrganisationId: 'bt' })).toEqual({
      areaIds: [],
      consentPartnerOrganisationId: 'bt',
      ownResidentId: null,
    });
  });

  it('roles without case work see no individual residents, whatever their teams', () => {
    const noCaseRoles = ROLES.filter((r) => !['jobCoach', 'teamLead', 'partnerProfessional'].includes(r));
    fc.assert(
      fc.property(fc.subarray(noCaseRoles as Role[], { minLength: 1 }), fc.array(fc.uuid()), (roles, areaIds) => {
        expect(isEmptyScope(residentScope({ ...base, roles, areaIds, partnerOrganisationId: 'bt' }))).toBe(true);
      }),
    );
  });

  it('the shared view never grants BSN, edits, consents or contact-person changes', () => {
    fc.assert(
      fc.property(fc.subarray([...ROLES] as Role[], { minLength: 1 }), (roles) => {
        const perms = residentPermissions({ ...base, roles }, 'shared');
        expect(Object.values(perms).every((v) => v === false)).toBe(true);
      }),
    );
  });

  it('a werkmatcher gets the full view in her area and may do case work', () => {
    expect(residentView(base, 'overvecht')).toBe('full');
    expect(residentView(base, 'zuilen')).toBe('shared');
    expect(residentPermissions(base, 'full')).toEqual({
      update: true,
      readBsn: true,
      assignContactPerson: true,
      manageConsents: true,
      recordContact: true,
    });
  });
});
