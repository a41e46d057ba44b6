import { todayInNl } from '../../domain/dates.ts';
import { transitionFlags, type TransitionFlag } from '../../domain/transition-moments.ts';
import type { RequestContext } from '../../platform/context.ts';
import { wholeList } from '../../platform/http/list.ts';
import { problems } from '../../platform/http/problem.ts';
import { displayName } from '../residents/residents.presenter.ts';
import { transitionsStore, type TransitionResidentRow } from './transitions.store.ts';

// Transition moments (PA-049, ADR 0030): computed on every request from the date of birth and the warm handovers
// by the pure rule in src/domain/transition-moments.ts; nothing is stored.

const MINE_LIMIT = 500;

const present = (r: TransitionResidentRow, f: TransitionFlag) => ({ residentId: r.id, residentName: displayName(r), ...f });

export async function residentTransitions(ctx: RequestContext, residentId: string) {
  const today = todayInNl();
  return ctx.transaction(async (tx, log) => {
    const store = transitionsStore(tx, ctx.principal);
    const r = await store.resident(residentId);
    if (!r) throw problems.notFound('Deze jongere');
    const referrals = (await store.referrals([r.id])).map((f) => ({ partnerKind: f.partner_kind, receivedOn: f.received_on }));
    log.subjects([r.id], { action: 'youth.transitions.read' });
    return wholeList(transitionFlags({ dateOfBirth: r.date_of_birth, referrals }, today).map((f) => present(r, f)));
  });
}

/** The caller's own young people with a transition moment, the nearest first (the werklijst's block). */
export async function myTransitions(ctx: RequestContext) {
  const today = todayInNl();
  return ctx.transaction(async (tx, log) => {
    const store = transitionsStore(tx, ctx.principal);
    const people = await store.mine(today, MINE_LIMIT);
    const referrals = await store.referrals(people.map((p) => p.id));
    const items = people
      .flatMap((p) =>
        transitionFlags({ dateOfBirth: p.date_of_birth, referrals: referrals.filter((f) => f.resident_id === p.id).map((f) => ({ partnerKind: f.partner_kind, receivedOn: f.received_on })) }, today).map((f) =>
          present(p, f),
        ),
      )
      .sort((a, b) => Math.abs(a.daysUntil) - Math.abs(b.daysUntil) || (a.residentId < b.residentId ? -1 : 1));
    log.subjects([...new Set(items.map((i) => i.residentId))], { action: 'youth.transitions.list' });
    return wholeList(items);
  });
}
