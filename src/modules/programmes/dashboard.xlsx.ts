import ExcelJS from 'exceljs';
import type { Table } from './dashboard.tables.ts';

/** The dashboard's tables as an XLSX workbook (exceljs), one worksheet per table, numbers as numbers. */
export async function tablesXlsx(tables: Table[], meta: { title: string; note: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Samenplan';
  wb.title = meta.title;
  wb.created = new Date(0);
  const used = new Set<string>();
  for (const t of tables) {
    // Worksheet names: at most 31 characters, no []:*?/\ and unique.
    let name = t.title.replace(/[[\]:*?/\\]/g, '').slice(0, 31).trim();
    for (let i = 2; used.has(name); i++) name = `${name.slice(0, 28)} ${i}`;
    used.add(name);
    const ws = wb.addWorksheet(name);
    ws.addRow([t.title]).font = { bold: true, size: 13 };
    ws.addRow([meta.note]);
    ws.addRow([]);
    const header = ws.addRow(t.columns);
    header.font = { bold: true };
    for (const r of t.rows) ws.addRow(r.map((c) => (c === null ? '' : c)));
    ws.columns.forEach((col, i) => (col.width = i === 0 ? 42 : 20));
    ws.views = [{ state: 'frozen', ySplit: 4 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
