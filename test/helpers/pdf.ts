import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The text of a PDF as a reader extracts it: pdftotext from Debian's poppler-utils (installed by .ci/run). */
export async function pdfToText(bytes: Buffer): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sp-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    return stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same text with every run of white space folded to one space (line breaks fall where the layout puts them). */
export const folded = (text: string) => text.replace(/\s+/g, ' ').trim();
