import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, type Principal, type Role } from '../../platform/access/principal.ts';
import type { PlanChange } from './plan-diff.ts';
import { forbiddenActionFields, mayAddActionFor, mayEditAction, ownsAction, planPermissions, visibleChange } from './plans.policy.ts';

const me = '00000000-0000-4000-8000-000000000001';
const other = '00000000-0000-4000-8000-000000000002';
const principal = (roles: Role[]): Pick<Principal, 'roles' | 'userId'> => ({ roles, userId: me });
const ownerTypes = ['resident', 'jobCoach', 'partnerProfessional', 'otherPartner'] as const;
const action = fc.record({ ownerType: fc.constantFrom(...ownerTypes), ownerStaffUserId: fc.constantFrom(me, other, null) });

describe('plan permissions', () => {
  it('the area team edits everything in an active plan; the buurtteam only his own actions', () => {
    expect(planPermissions(principal(['jobCoach']), 'full', 'active')).toEqual({ edit: true, addGoal: true, agree: true, editActions: 'all' });
    expect(planPermissions(principal(['teamLead']), 'full', 'active').editActions).toBe('all');
    expect(planPermissions(principal(['partnerProfessional']), 'shared', 'active')).toEqual({ edit: false, addGoal: false, agree: false, editActions: 'own' });
  });

  it('a closed plan is read-only for every role and view', () => {
    for (const role of ROLES) {
      for (const view of ['full', 'shared'] as const) {
        expect(planPermissions(principal([role]), view, 'closed')).toEqual({ edit: false, addGoal: false, agree: false, editActions: 'none' });
      }
    }
  });

  it('roles without plan permissions can do nothing, whatever the view', () => {
    for (const role of ROLES.filter((r) => !['jobCoach', 'teamLead', 'partnerProfessional'].includes(r))) {
      expect(planPermissions(principal([role]), 'full', 'active')).toEqual({ edit: false, addGoal: false, agree: false, editActions: 'none' });
    }
  });

  it('a shared view never edits the plan or its goals, even for a role that could in its own area', () => {
    fc.assert(
      fc.property(fc.subarray([...ROLES], { minLength: 1 }), (roles) => {
        const perms = planPermissions(principal(roles), 'shared', 'active');
        expect(perms.edit || perms.addGoal || perms.agree).toBe(false);
        expect(perms.editActions).not.toBe('all');
      }),
    );
  });
});

describe('own-actions rule (property tests)', () => {
  it('with "own", exactly the actions he carries out as buurtteam professional are editable', () => {
    const perms = planPermissions(principal(['partnerProfessional']), 'shared', 'active');
    fc.assert(
      fc.property(action, (a) => {
        expect(mayEditAction(perms, { userId: me }, a)).toBe(a.ownerType === 'partnerProfessional' && a.ownerStaffUserId === me);
        expect(mayEditAction(perms, { userId: me }, a)).toBe(ownsAction({ userId: me }, a));
      }),
    );
  });

  it('with "all" every action is editable; with "none" none', () => {
    fc.assert(
      fc.property(action, (a) => {
        expect(mayEditAction(planPermissions(principal(['jobCoach']), 'full', 'active'), { userId: me }, a)).toBe(true);
        expect(mayEditAction(planPermissions(principal(['admin']), 'full', 'active'), { userId: me }, a)).toBe(false);
      }),
    );
  });

  it('a new action under "own" must be carried out by himself', () => {
    const perms = planPermissions(principal(['partnerProfessional']), 'shared', 'active');
    fc.assert(
      fc.property(fc.constantFrom(...ownerTypes), fc.constantFrom(me, other, null), (type, staffUserId) => {
        expect(mayAddActionFor(perms, { userId: me }, { type, staffUserId })).toBe(type === 'partnerProfessional' && staffUserId === me);
      }),
    );
  });

  it('on his own action he may change description, due date and status, never the owner', () => {
    const own = planPermissions(principal(['partnerProfessional']), 'shared', 'active');
    const all = planPermissions(principal(['jobCoach']), 'full', 'active');
    const fields = fc.subarray(['description', 'dueDate', 'status', 'owner'] as const);
    fc.assert(
      fc.property(fields, (requested) => {
        expect(forbiddenActionFields(all, requested)).toEqual([]);
        expect(forbiddenActionFields(own, requested)).toEqual(requested.filter((f) => f === 'owner'));
      }),
    );
  });
});

describe('shared part of the history', () => {
  const change = (over: Partial<PlanChange>): PlanChange => ({ entity: 'goal', id: me, field: 'title', kind: 'changed', before: 'a', after: 'b', ...over });

  it('hides the link to a barrier from the buurtteam and keeps everything else', () => {
    expect(visibleChange('shared', change({ field: 'barrierId' }))).toBeNull();
    expect(visibleChange('full', change({ field: 'barrierId' }))).not.toBeNull();
    expect(visibleChange('shared', change({}))).toEqual(change({}));
    const added = visibleChange('shared', change({ field: null, kind: 'added', before: null, after: { id: me, title: 'x', barrierId: other } }));
    expect(added?.after).toEqual({ id: me, title: 'x' });
  });
});
