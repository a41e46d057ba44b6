import type { RequestContext } from '../../platform/context.ts';
import { councilPdf, councilTables, councilText } from './council-letter.ts';
import { councilFigures } from './council-letter.store.ts';

// The yearly council letter (PA-032): aggregates only, one log entry with the subject 'aggregate'.

async function figures(ctx: RequestContext, year: number) {
  return ctx.transaction(async (tx, log) => {
    const tables = councilTables(await councilFigures(tx, year));
    log.aggregate({ action: 'youth.councilLetter' });
    return { year, municipality: ctx.principal.municipalityName, minimumCellSize: 10, text: councilText(year, ctx.principal.municipalityName, tables), tables };
  });
}

export const councilLetter = figures;

export async function councilLetterPdf(ctx: RequestContext, year: number) {
  const letter = await figures(ctx, year);
  return { body: await councilPdf(year, letter.municipality, letter.tables, letter.text), fileName: `opgave-jongvolwassenen-${year}.pdf` };
}
