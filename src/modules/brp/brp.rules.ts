import { normalisePostcode } from '../../domain/postcode.ts';
import type { BrpPersoon } from './brp.client.ts';

// From a BRP person to the fields of Samenplan's registration form (pure). The household is a suggestion from the
// BRP's relations (a partner, children under 18): who actually lives together is for the werkmatcher to confirm.

export type HouseholdSuggestion = 'single' | 'singleParent' | 'couple' | 'coupleWithChildren';

export interface BrpPrefill {
  bsn: string;
  givenNames: string | null;
  familyNamePrefix: string | null;
  familyName: string | null;
  dateOfBirth: string | null;
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  city: string | null;
  householdType: HouseholdSuggestion;
  partners: number;
  minorChildren: number;
}

function under18(birth: string | undefined, today: string): boolean {
  if (!birth || !/^\d{4}-\d{2}-\d{2}$/.test(birth)) return false;
  const [by, bm, bd] = birth.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  const age = ty! - by! - (tm! < bm! || (tm === bm && td! < bd!) ? 1 : 0);
  return age < 18;
}

export function prefillOf(bsn: string, p: BrpPersoon, today: string): BrpPrefill {
  const a = p.verblijfplaats?.verblijfadres;
  const number = a?.huisnummer === undefined ? null : `${a.huisnummer}${a.huisletter ?? ''}${a.huisnummertoevoeging ? `-${a.huisnummertoevoeging}` : ''}`;
  const partners = p.partners?.length ?? 0;
  const minorChildren = (p.kinderen ?? []).filter((k) => under18(k.geboorte?.datum?.datum, today)).length;
  const householdType: HouseholdSuggestion = partners > 0 ? (minorChildren > 0 ? 'coupleWithChildren' : 'couple') : minorChildren > 0 ? 'singleParent' : 'single';
  const postcode = a?.postcode ? normalisePostcode(a.postcode) : null;
  return {
    bsn,
    givenNames: p.naam?.voornamen ?? null,
    familyNamePrefix: p.naam?.voorvoegsel ?? null,
    familyName: p.naam?.geslachtsnaam ?? null,
    // Only a complete date (type Datum); a partly unknown date of birth (JaarDatum, DatumOnbekend) is typed in by hand.
    dateOfBirth: p.geboorte?.datum?.type === 'Datum' && p.geboorte.datum.datum ? p.geboorte.datum.datum : null,
    street: a?.officieleStraatnaam ?? a?.korteStraatnaam ?? null,
    houseNumber: number,
    postcode,
    city: a?.woonplaats ?? null,
    householdType,
    partners,
    minorChildren,
  };
}
