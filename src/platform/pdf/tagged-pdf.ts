import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

// Accessible (tagged) PDFs with an embedded font that spells every name right. The 14 standard PDF fonts only
// cover Latin-1: "Yıldırım" came out as "YÆA1rÓ". Noto Sans (SIL Open Font License, from the npm package
// @expo-google-fonts/noto-sans) covers Latin, Latin Extended (ı ş ğ ł ż ő ř …), Greek, Cyrillic and Vietnamese; pdfkit
// embeds the subset it uses and writes a ToUnicode map, so the text can be copied and read aloud.

const require = createRequire(import.meta.url);
const fontDir = path.dirname(require.resolve('@expo-google-fonts/noto-sans/package.json'));
export const FONT_REGULAR = path.join(fontDir, '400Regular', 'NotoSans_400Regular.ttf');
export const FONT_BOLD = path.join(fontDir, '700Bold', 'NotoSans_700Bold.ttf');

type Doc = InstanceType<typeof PDFDocument>;
type Struct = ReturnType<Doc['struct']>;

export interface TaggedPdf {
  doc: Doc;
  root: Struct;
  h1(text: string): void;
  h2(text: string): void;
  p(text: string, options?: { size?: number }): void;
  /** A bulleted list; an empty one prints `empty` as a paragraph. */
  list(items: readonly string[], empty: string): void;
  /** A table with a header row (tagged Table / TR / TH / TD). */
  table(header: readonly string[], rows: ReadonlyArray<readonly string[]>, widths?: readonly number[]): void;
  /** Ends the document; resolves with the bytes. */
  finish(): Promise<Buffer>;
}

export function taggedPdf(options: { title: string; subject: string; lang?: string }): TaggedPdf {
  const doc = new PDFDocument({
    tagged: true,
    lang: options.lang ?? 'nl-NL',
    displayTitle: true,
    pdfVersion: '1.7',
    size: 'A4',
    margin: 56,
    info: { Title: options.title, Subject: options.subject, Creator: 'Samenplan' },
  });
  doc.registerFont('Body', FONT_REGULAR);
  doc.registerFont('Bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);

  const pdf: TaggedPdf = {
    doc,
    root,
    h1: (t) => void doc.font('Bold').fontSize(24).fillColor('#000000').text(`${t} `, { structParent: root, structType: 'H1' }).moveDown(0.5),
    h2: (t) => void doc.moveDown(0.8).font('Bold').fontSize(16).text(`${t} `, { structParent: root, structType: 'H2' }).moveDown(0.3),
    p: (t, o) => void doc.font('Body').fontSize(o?.size ?? 12).text(`${t} `, { structParent: root, structType: 'P', lineGap: 3 }).moveDown(0.4),
    list: (items, empty) => {
      if (items.length === 0) return pdf.p(empty);
      const l = doc.struct('L');
      root.add(l);
      doc.font('Body').fontSize(12).list(items.map((i) => `${i} `), { structParent: l, listType: 'bullet', bulletRadius: 2.5, lineGap: 3, paragraphGap: 4 });
      l.end();
      doc.moveDown(0.4);
    },
    table: (header, rows, widths) => {
      const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
      const cols = widths ?? header.map(() => width / header.length);
      const t = doc.struct('Table');
      root.add(t);
      const row = (cells: readonly string[], head: boolean) => {
        const tr = doc.struct('TR');
        t.add(tr);
        const y = doc.y;
        let x = doc.page.margins.left;
        let bottom = y;
        cells.forEach((cell, i) => {
          const cellStruct = doc.struct(head ? 'TH' : 'TD', {}, () => {
            doc.font(head ? 'Bold' : 'Body').fontSize(10).text(cell, x, y, { width: cols[i]! - 6 });
          });
          tr.add(cellStruct);
          bottom = Math.max(bottom, doc.y);
          x += cols[i]!;
        });
        tr.end();
        doc.x = doc.page.margins.left;
        doc.y = bottom + 4;
      };
      // A row that does not fit on the rest of the page starts a new one (measured, so a tall row never runs off).
      const fits = (cells: readonly string[], head: boolean) => {
        doc.font(head ? 'Bold' : 'Body').fontSize(10);
        const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: cols[i]! - 6 })));
        return doc.y + height + 4 <= doc.page.height - doc.page.margins.bottom;
      };
      if (!fits(header, true)) doc.addPage();
      row(header, true);
      for (const r of rows) {
        if (!fits(r, false)) doc.addPage();
        row(r, false);
      }
      t.end();
      doc.moveDown(0.5);
    },
    finish: () => {
      root.end();
      doc.end();
      return done;
    },
  };
  return pdf;
}
