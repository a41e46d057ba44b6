import { isValidBsn, normaliseBsn } from '../../domain/bsn.ts';
import { todayInNl } from '../../domain/dates.ts';
import type { BrpConfig } from '../../platform/config.ts';
import type { RequestContext } from '../../platform/context.ts';
import { ProblemError, problems } from '../../platform/http/problem.ts';
import * as residents from '../residents/residents.service.ts';
import { raadpleegMetBurgerservicenummer } from './brp.client.ts';
import { prefillOf } from './brp.rules.ts';

// The BRP lookup (PA-038): one person by BSN through Haal Centraal, when registering a resident (prefill) or on
// request. Every lookup that reached the BRP — found, unknown or failed — is in the processing log: the BSN left the
// building. The subject is the resident in Samenplan when there is one in the caller's scope, otherwise the BSN
// itself (pseudonymised like every subject, as `bsn:<number>`), so the privacy officer can still account for it.

const UNAVAILABLE: Record<string, string> = {
  timeout: 'De BRP antwoordde niet op tijd.',
  unreachable: 'De BRP is niet bereikbaar.',
  refused: 'De BRP weigert de aanvraag van Samenplan (API-sleutel of autorisatie).',
  error: 'De BRP gaf een foutmelding.',
};

export async function lookup(ctx: RequestContext, config: BrpConfig | undefined, rawBsn: string) {
  const bsn = normaliseBsn(rawBsn);
  if (!/^[0-9]{9}$/.test(bsn)) throw problems.invalid([{ name: 'bsn', code: 'format', reason: 'Een BSN heeft 9 cijfers. Controleer het nummer.' }]);
  if (!isValidBsn(bsn)) throw problems.invalid([{ name: 'bsn', code: 'elfproef', reason: 'Dit BSN klopt niet: controleer de 9 cijfers.' }]);
  if (!config) {
    throw new ProblemError(404, 'BRP niet gekoppeld', 'Deze Samenplan is niet gekoppeld aan de BRP. Vul de gegevens zelf in.');
  }
  const answer = await raadpleegMetBurgerservicenummer(config, bsn);
  const residentId = await ctx.transaction(async (tx, log) => {
    const id = await residents.residentIdByBsn(tx, ctx.principal, bsn);
    log.subjects([id ?? `bsn:${bsn}`], { action: 'brp.lookup' });
    return id;
  });
  if (answer.kind === 'unavailable') {
    throw new ProblemError(
      503,
      'BRP niet beschikbaar',
      `${UNAVAILABLE[answer.reason]} Probeer het over een paar minuten opnieuw, of vul de gegevens zelf in.`,
    );
  }
  if (answer.kind === 'notFound') {
    throw new ProblemError(404, 'Niet gevonden in de BRP', 'De BRP kent geen persoon met dit BSN. Controleer het nummer met de inwoner.', [
      { name: 'bsn', code: 'unknown', reason: 'De BRP kent geen persoon met dit BSN.' },
    ]);
  }
  return { ...prefillOf(bsn, answer.person, todayInNl()), residentId, source: 'BRP' as const, retrievedAt: new Date().toISOString() };
}
