import type { Tx } from '../../platform/db/transaction.ts';

// Organisation data (areas, teams, partner organisations, staff) is not personal data of residents;
// row-level security limits it to the caller's municipality.

export async function listAreas(tx: Tx) {
  return tx.selectFrom('areas').select(['id', 'code', 'name']).orderBy('name').execute();
}

export async function listPostcodeRanges(tx: Tx) {
  return tx.selectFrom('area_postcode_ranges').select(['area_id', 'pc4_from', 'pc4_to']).execute();
}

export async function findAreaForPc4(tx: Tx, pc4: number) {
  return tx
    .selectFrom('area_postcode_ranges as r')
    .innerJoin('areas as a', (j) => j.onRef('a.municipality_id', '=', 'r.municipality_id').onRef('a.id', '=', 'r.area_id'))
    .select(['a.id', 'a.name', 'r.pc4_from', 'r.pc4_to'])
    .where('r.pc4_from', '<=', pc4)
    .where('r.pc4_to', '>=', pc4)
    .executeTakeFirst();
}

export async function listPartnerOrganisations(tx: Tx) {
  return tx.selectFrom('partner_organisations').select(['id', 'name', 'kind', 'area_id']).orderBy('name').execute();
}

export async function findPartnerOrganisation(tx: Tx, id: string) {
  return tx.selectFrom('partner_organisations').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

export async function listStaff(tx: Tx, role: string | undefined) {
  let q = tx
    .selectFrom('staff_users as s')
    .select((eb) => [
      's.id',
      's.display_name',
      's.roles',
      eb
        .selectFrom('team_members as tm')
        .whereRef('tm.municipality_id', '=', 's.municipality_id')
        .whereRef('tm.staff_user_id', '=', 's.id')
        .select((e) => e.fn.coalesce(e.fn.agg<string[]>('array_agg', ['tm.team_id']), e.val<string[]>([])).as('t'))
        .as('team_ids'),
    ])
    .where('s.active', '=', true)
    .orderBy('s.display_name');
  if (role) q = q.where((eb) => eb(eb.val(role), '=', eb.fn.any('s.roles')));
  return q.execute();
}

export async function findStaff(tx: Tx, id: string) {
  return tx
    .selectFrom('staff_users')
    .select(['id', 'display_name', 'roles', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listTeams(tx: Tx) {
  return tx
    .selectFrom('teams as t')
    .select((eb) => [
      't.id',
      't.name',
      't.kind',
      eb
        .selectFrom('team_areas as ta')
        .whereRef('ta.municipality_id', '=', 't.municipality_id')
        .whereRef('ta.team_id', '=', 't.id')
        .select((e) => e.fn.coalesce(e.fn.agg<string[]>('array_agg', ['ta.area_id']), e.val<string[]>([])).as('a'))
        .as('area_ids'),
    ])
    .orderBy('t.name')
    .execute();
}
