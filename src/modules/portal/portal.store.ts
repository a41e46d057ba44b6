import type { Tx } from '../../platform/db/transaction.ts';

// Mijn Samenplan's own SQL: only the organisation's shared reference tables (how to reach the contact person).
// Everything else about the resident is read through the owning modules' services.

export async function contactPersonReach(tx: Tx, municipalityId: string, staffUserId: string) {
  const row = await tx
    .selectFrom('staff_users as s')
    .leftJoin('partner_organisations as po', (j) => j.onRef('po.municipality_id', '=', 's.municipality_id').onRef('po.id', '=', 's.partner_organisation_id'))
    .select(['s.id', 's.display_name', 's.email', 's.roles'])
    .where('s.municipality_id', '=', municipalityId)
    .where('s.id', '=', staffUserId)
    .executeTakeFirst();
  return row ?? null;
}

/** The municipality's policy for "who looked at my file": leave staff names out. */
export async function hidesStaffNames(tx: Tx, municipalityId: string): Promise<boolean> {
  const row = await tx.selectFrom('municipalities').select('portal_hides_staff_names').where('id', '=', municipalityId).executeTakeFirst();
  return row?.portal_hides_staff_names ?? true;
}
