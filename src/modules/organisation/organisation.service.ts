import type { RequestContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { normalisePostcode } from '../../domain/postcode.ts';
import * as store from './organisation.store.ts';
import type { Role } from '../../platform/access/principal.ts';

export async function areas(ctx: RequestContext) {
  return ctx.transaction((tx) => store.listAreas(tx));
}

export async function partnerOrganisations(ctx: RequestContext) {
  const rows = await ctx.transaction((tx) => store.listPartnerOrganisations(tx));
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, areaId: r.area_id }));
}

export async function teams(ctx: RequestContext) {
  const rows = await ctx.transaction((tx) => store.listTeams(tx));
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, areaIds: r.area_ids ?? [] }));
}

export async function staff(ctx: RequestContext, role: string | undefined) {
  const rows = await ctx.transaction((tx) => store.listStaff(tx, role));
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, roles: r.roles as Role[], teamIds: r.team_ids ?? [] }));
}

/** Used by other modules inside their transaction. */
export async function areaForPostcode(tx: Tx, postcode: string): Promise<{ id: string; name: string } | null> {
  const normalised = normalisePostcode(postcode);
  if (!normalised) return null;
  const row = await store.findAreaForPc4(tx, Number(normalised.slice(0, 4)));
  return row ? { id: row.id, name: row.name } : null;
}

export async function partnerOrganisation(tx: Tx, id: string) {
  return store.findPartnerOrganisation(tx, id);
}

export async function staffMember(tx: Tx, id: string) {
  const row = await store.findStaff(tx, id);
  return row ? { id: row.id, displayName: row.display_name, roles: row.roles, active: row.active } : null;
}

/** Every area and its postcode ranges (the bulk import: postcode → area for a whole file, without a query per row). */
export async function postcodeRanges(tx: Tx): Promise<{ areaIds: string[]; ranges: { areaId: string; from: number; to: number }[] }> {
  const areaRows = await store.listAreas(tx);
  const rangeRows = await store.listPostcodeRanges(tx);
  return { areaIds: areaRows.map((a) => a.id), ranges: rangeRows.map((r) => ({ areaId: r.area_id, from: r.pc4_from, to: r.pc4_to })) };
}
