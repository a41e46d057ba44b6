import type { RequestContext } from '../../platform/context.ts';
import { councilReportPdf, reportFileName } from './council-report.ts';
import { dashboardTables, tablesCsv } from './dashboard.tables.ts';
import { tablesXlsx } from './dashboard.xlsx.ts';
import type { DashboardQuery } from './programmes.schema.ts';
import { dashboardFor } from './programmes.service.ts';

// The dashboard as files: CSV, XLSX and the council report PDF, all from the same figures (PA-026 / PA-027, one
// aggregate log entry each).

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

async function figures(ctx: RequestContext, id: string, query: DashboardQuery, action: string) {
  return ctx.transaction(async (tx, log) => {
    const d = await dashboardFor(tx, ctx.principal.municipalityId, id, query);
    log.aggregate({ action });
    return d;
  });
}

export async function csv(ctx: RequestContext, id: string, query: DashboardQuery) {
  const d = await figures(ctx, id, query, 'programmes.export');
  return { body: tablesCsv(dashboardTables(d)), fileName: `${slug(d.programme.name)}-${d.area ? `${slug(d.area.name)}-` : ''}${d.to}.csv` };
}

export async function xlsx(ctx: RequestContext, id: string, query: DashboardQuery) {
  const d = await figures(ctx, id, query, 'programmes.export');
  const note = `${d.programme.name}, ${d.from} tot en met ${d.to}${d.area ? `, wijk ${d.area.name}` : ''}. Aantallen onder de ${d.minimumCellSize} en af te leiden aantallen: onderdrukt.`;
  return { body: await tablesXlsx(dashboardTables(d), { title: d.programme.name, note }), fileName: `${slug(d.programme.name)}-${d.area ? `${slug(d.area.name)}-` : ''}${d.to}.xlsx` };
}

export async function report(ctx: RequestContext, id: string, month: string | undefined) {
  const d = await figures(ctx, id, { to: month }, 'programmes.report');
  return { body: await councilReportPdf(d, ctx.principal.municipalityName), fileName: reportFileName(d.programme.name, d.to) };
}
