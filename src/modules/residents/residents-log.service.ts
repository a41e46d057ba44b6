import type { RequestContext } from '../../platform/context.ts';
import { wholeList } from '../../platform/http/list.ts';
import { problems } from '../../platform/http/problem.ts';
import { pseudonymise } from '../../platform/processing-log/pseudonym.ts';
import { entriesForSubject } from '../../platform/processing-log/processing-log.store.ts';
import { residentExistsInMunicipality } from './residents.store.ts';
import type { Role } from '../../platform/access/principal.ts';

/** "Wie heeft dit dossier bekeken": the processing-log entries about one resident, for the privacy officer. */
export async function processingLogForResident(ctx: RequestContext, id: string, limit = 200) {
  return ctx.transaction(async (tx, log) => {
    if (!(await residentExistsInMunicipality(tx, id))) throw problems.notFound('Deze inwoner');
    const pseudonym = pseudonymise(ctx.pseudonymKey, ctx.principal.municipalityId, id);
    const rows = await entriesForSubject(tx, ctx.principal.municipalityId, pseudonym, limit, null);
    // Looking at the log about someone is itself a processing of their data.
    log.subjects([id], { action: 'processingLog.inspect' });
    return wholeList(
      rows.map((r) => ({
        seq: r.seq,
        at: r.started_at.toISOString(),
        action: r.action,
        activity: { id: r.processing_activity_id, version: r.processing_activity_version, name: r.name_nl, purpose: r.purpose, legalBasis: r.legal_basis },
        actor: { id: r.actor_id, displayName: r.actor_name, role: r.actor_role as Role },
        traceId: r.trace_id,
      })),
    );
  });
}
