import type { BrpConfig } from '../../platform/config.ts';

// The HTTP client of Haal Centraal BRP Bevragen (BRP API Personen 2.x, standards in /work/shared/standards):
// POST {url}/personen with type RaadpleegMetBurgerservicenummer and only the fields Samenplan needs. No database here.

/** The fields asked for: name, date of birth, address and the household (partners, children with their birth). */
export const BRP_FIELDS = [
  'burgerservicenummer',
  'naam.voornamen',
  'naam.voorvoegsel',
  'naam.geslachtsnaam',
  'geboorte.datum',
  'verblijfplaats.verblijfadres.officieleStraatnaam',
  'verblijfplaats.verblijfadres.korteStraatnaam',
  'verblijfplaats.verblijfadres.huisnummer',
  'verblijfplaats.verblijfadres.huisletter',
  'verblijfplaats.verblijfadres.huisnummertoevoeging',
  'verblijfplaats.verblijfadres.postcode',
  'verblijfplaats.verblijfadres.woonplaats',
  'partners.burgerservicenummer',
  'kinderen.burgerservicenummer',
  'kinderen.geboorte.datum',
] as const;

export interface BrpDate {
  type?: string;
  datum?: string;
}

/** The parts of a BRP `Persoon` that Samenplan reads (everything else is ignored). */
export interface BrpPersoon {
  burgerservicenummer?: string;
  naam?: { voornamen?: string; voorvoegsel?: string; geslachtsnaam?: string };
  geboorte?: { datum?: BrpDate };
  verblijfplaats?: {
    type?: string;
    verblijfadres?: {
      officieleStraatnaam?: string;
      korteStraatnaam?: string;
      huisnummer?: number;
      huisletter?: string;
      huisnummertoevoeging?: string;
      postcode?: string;
      woonplaats?: string;
    };
  };
  partners?: Array<{ burgerservicenummer?: string }>;
  kinderen?: Array<{ burgerservicenummer?: string; geboorte?: { datum?: BrpDate } }>;
}

export type BrpAnswer =
  | { kind: 'found'; person: BrpPersoon }
  | { kind: 'notFound' }
  /** Not reachable, too slow, refused us or answered something else: said plainly, never a stack trace. */
  | { kind: 'unavailable'; reason: 'timeout' | 'unreachable' | 'refused' | 'error' };

export async function raadpleegMetBurgerservicenummer(config: BrpConfig, bsn: string): Promise<BrpAnswer> {
  let res: Response;
  try {
    res = await fetch(`${config.url}/personen`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        accept: 'application/json; charset=utf-8',
        ...(config.apiKey ? { 'X-API-KEY': config.apiKey } : {}),
      },
      body: JSON.stringify({ type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: [bsn], fields: BRP_FIELDS }),
      signal: AbortSignal.timeout(config.timeoutMs),
    });
  } catch (err) {
    const name = (err as { name?: string }).name;
    return { kind: 'unavailable', reason: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'unreachable' };
  }
  if (res.status === 401 || res.status === 403) {
    await res.body?.cancel();
    return { kind: 'unavailable', reason: 'refused' };
  }
  if (res.status !== 200) {
    await res.body?.cancel();
    return { kind: 'unavailable', reason: 'error' };
  }
  let body: { personen?: BrpPersoon[] };
  try {
    body = (await res.json()) as { personen?: BrpPersoon[] };
  } catch {
    return { kind: 'unavailable', reason: 'error' };
  }
  const person = body.personen?.find((p) => p.burgerservicenummer === bsn) ?? body.personen?.[0];
  return person ? { kind: 'found', person } : { kind: 'notFound' };
}
