import { api, body } from './client.ts';
import type { components } from './schema.gen.ts';

// The BRP lookup (Haal Centraal) that fills the registration form.

export type BrpPerson = components['schemas']['BrpPerson'];

export function lookupBrpPerson(bsn: string): Promise<BrpPerson> {
  return body(api.POST('/brp/person-lookups', { body: { bsn } }));
}
