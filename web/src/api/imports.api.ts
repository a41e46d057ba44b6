import { API_BASE, ApiError, api, body, currentCsrfToken, hrefOf, type Problem } from './client.ts';
import type { components } from './schema.gen.ts';

// The functional administrator's bulk import: mappings, runs, the upload (with progress) and the report download.

type S = components['schemas'];
export type ImportRun = S['ImportRun'];
export type ImportRunDetail = S['ImportRunDetail'];
export type ImportMapping = S['ImportMapping'];
export type ImportReportLine = S['ImportReportLine'];

export async function listImportMappings(): Promise<ImportMapping[]> {
  return (await body(api.GET('/imports/mappings'))).items;
}

export async function listImports(): Promise<ImportRun[]> {
  return (await body(api.GET('/imports'))).items;
}

export function importReportHref(importId: string): string {
  return hrefOf('/imports/{importId}/report', { path: { importId } });
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Uploads the file as the request body. Through XMLHttpRequest, not fetch: only it reports upload progress.
 * `onProgress` gets the share sent (0..1); the answer comes when the server has checked (and imported) the file.
 */
export function uploadImport(file: File, mapping: string, dryRun: boolean, onProgress: (share: number) => void): Promise<ImportRunDetail> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const query = new URLSearchParams({ mapping, dryRun: String(dryRun), fileName: file.name.slice(0, 255) || 'export.csv' });
    xhr.open('POST', `${API_BASE}/imports?${query}`);
    xhr.setRequestHeader('Content-Type', /\.xlsx$/i.test(file.name) ? XLSX : 'text/csv');
    xhr.setRequestHeader('Accept', 'application/json');
    const token = currentCsrfToken();
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch {
        // not JSON
      }
      if (xhr.status === 201) resolve(parsed as ImportRunDetail);
      else {
        const p = (parsed ?? {}) as Partial<Problem>;
        reject(new ApiError({ ...p, status: xhr.status, title: p.title ?? 'Fout', detail: p.detail ?? p.title ?? 'Fout' } as Problem, parsed));
      }
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, title: 'Geen verbinding', detail: 'De server is niet bereikbaar. Probeer het later opnieuw.' } as Problem));
    xhr.send(file);
  });
}
