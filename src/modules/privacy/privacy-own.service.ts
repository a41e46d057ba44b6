import { isResident, type Role } from '../../platform/access/principal.ts';
import type { RequestContext } from '../../platform/context.ts';
import { problems } from '../../platform/http/problem.ts';
import { pseudonymise } from '../../platform/processing-log/pseudonym.ts';
import { logEntries } from './privacy.store.ts';
import { ROLE_NL } from './subject-access.ts';

// Mijn Samenplan (issue 11): "Wie bekeek mijn dossier?" — what the processing log says about the resident, for the
// resident himself, in plain words: which organisation, which role, for what (the activity's Dutch name), when. His
// own use of the portal is left out. Staff names only when the municipality's policy allows (hideNames).

const LIMIT = 200;

export async function ownProcessingLog(ctx: RequestContext, hideNames: boolean, includeOwn = false) {
  if (!isResident(ctx.principal)) throw problems.notFound();
  const residentId = ctx.principal.residentId;
  return ctx.transaction(async (tx, log) => {
    const pseudonym = pseudonymise(ctx.pseudonymKey, ctx.principal.municipalityId, residentId);
    const rows = (await logEntries(tx, ctx.principal.municipalityId, { pseudonym }, includeOwn ? 20_000 : LIMIT + 50)).filter((r) => includeOwn || r.actor_role !== 'resident').slice(0, includeOwn ? 20_000 : LIMIT);
    log.subjects([residentId], { action: 'portal.accessLog' });
    const items = rows.map((r) => ({
      at: r.started_at.toISOString(),
      organisation: r.actor_organisation ?? ctx.principal.municipalityName,
      role: ROLE_NL[r.actor_role as Role] ?? r.actor_role,
      staffName: hideNames ? null : (r.actor_name ?? null),
      activity: r.activity_name,
      purpose: r.purpose,
    }));
    return { items, total: items.length, next: null, namesHidden: hideNames };
  });
}
