import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { importReportHref, listImportMappings, listImports, uploadImport, type ImportRunDetail } from '../../api/imports.api.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Heading } from '../../components/Heading.tsx';
import { ExternalButtonLink } from '../../components/Links.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table.tsx';
import { formatDateTime } from '../../format/dates.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import './imports.css';

const LIMIT = 64 * 1024 * 1024;
const SHOWN = 100;

type Phase = { kind: 'idle' } | { kind: 'uploading'; share: number } | { kind: 'processing' };

/** The functional administrator's import: choose the source system and the export, see progress and the report. */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('imports.title'));
  const queryClient = useQueryClient();
  const mappings = useQuery({ queryKey: ['imports', 'mappings'], queryFn: listImportMappings, staleTime: 10 * 60_000 });
  const runs = useQuery({ queryKey: ['imports', 'runs'], queryFn: listImports });
  const [mapping, setMapping] = useState('');
  const [dryRun, setDryRun] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [result, setResult] = useState<ImportRunDetail | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const chosen = mapping || mappings.data?.[0]?.name || '';
  const chosenMapping = mappings.data?.find((m) => m.name === chosen);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const file = fileInput.current?.files?.[0];
    setFailure(null);
    if (!file) {
      setFileError(t('imports.fileRequired'));
      fileInput.current?.focus();
      return;
    }
    if (file.size > LIMIT) {
      setFileError(t('imports.tooLarge'));
      fileInput.current?.focus();
      return;
    }
    setFileError(null);
    setResult(null);
    setPhase({ kind: 'uploading', share: 0 });
    try {
      const run = await uploadImport(file, chosen, dryRun, (share) => setPhase(share >= 1 ? { kind: 'processing' } : { kind: 'uploading', share }));
      setResult(run);
      void queryClient.invalidateQueries({ queryKey: ['imports', 'runs'] });
      requestAnimationFrame(() => document.getElementById('import-result-heading')?.focus());
    } catch (err) {
      setFailure(isApiError(err) ? `${err.title}: ${err.detail}` : String(err));
    } finally {
      setPhase({ kind: 'idle' });
    }
  }

  const busy = phase.kind !== 'idle';
  const percent = phase.kind === 'uploading' ? Math.round(phase.share * 100) : 100;

  return (
    <>
      <Heading level={1}>{t('imports.title')}</Heading>
      <Paragraph lead>{t('imports.intro')}</Paragraph>
      {mappings.isPending && <LoadingState />}
      {mappings.error && <ErrorState error={mappings.error} onRetry={() => void mappings.refetch()} />}
      {mappings.data && (
        <form className="app-import-form" onSubmit={(e) => void submit(e)} noValidate>
          <SelectField
            id="import-mapping"
            label={t('imports.mapping')}
            description={chosenMapping ? t('imports.mappingDescription', { columns: chosenMapping.columns.join(', ') }) : undefined}
            value={chosen}
            onChange={(e) => setMapping(e.target.value)}
            options={mappings.data.map((m) => ({ value: m.name, label: m.label }))}
          />
          <FormField id="import-file" label={t('imports.file')} description={t('imports.fileDescription')} error={fileError}>
            <input
              ref={fileInput}
              id="import-file"
              name="import-file"
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={fileError ? 'import-file-description import-file-error' : 'import-file-description'}
              aria-invalid={fileError ? true : undefined}
              className="utrecht-textbox utrecht-textbox--html-input app-import-file"
              onChange={() => setFileError(null)}
            />
          </FormField>
          <CheckboxField id="import-dry-run" label={t('imports.dryRun')} description={t('imports.dryRunDescription')} checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />
          <Button type="submit" appearance="primary" busy={busy}>
            {dryRun ? t('imports.submitDryRun') : t('imports.submit')}
          </Button>
        </form>
      )}

      <div role="status" className="app-import-progress">
        {busy && (
          <>
            <p className="utrecht-paragraph" id="import-progress-text">
              {phase.kind === 'uploading' ? t('imports.uploading', { percent }) : t('imports.processing')}
            </p>
            <progress
              aria-labelledby="import-progress-text"
              max={100}
              value={phase.kind === 'uploading' ? percent : undefined}
              className="app-import-progress__bar"
            />
          </>
        )}
      </div>

      {failure && (
        <Alert type="error" live="alert">
          {failure}
        </Alert>
      )}

      {result && (
        <section aria-labelledby="import-result-heading" className="app-import-result">
          <Heading level={2} id="import-result-heading" tabIndex={-1}>
            {result.status === 'invalid'
              ? t('imports.resultInvalid', { count: result.errorCount })
              : result.status === 'checked'
                ? t('imports.resultChecked', { total: result.totalRows })
                : t('imports.resultImported', { total: result.totalRows })}
          </Heading>
          {result.status === 'invalid' ? (
            <Alert type="error">{t('imports.invalidHelp')}</Alert>
          ) : (
            <Alert type="ok">{t('imports.counts', { created: result.created, updated: result.updated, unchanged: result.unchanged })}</Alert>
          )}
          {result.report.length > 0 && (
            <>
              <ExternalButtonLink href={importReportHref(result.id)} download>
                {t('imports.download')}
              </ExternalButtonLink>
              {result.errorCount > SHOWN && <Paragraph>{t('imports.reportMore', { shown: SHOWN, count: result.errorCount })}</Paragraph>}
              <Table id="import-report" caption={t('imports.reportCaption')}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell numeric>{t('imports.line')}</TableHeaderCell>
                    <TableHeaderCell>{t('imports.column')}</TableHeaderCell>
                    <TableHeaderCell>{t('imports.message')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {result.report.slice(0, SHOWN).map((l, i) => (
                    <TableRow key={`${l.line}-${l.column ?? ''}-${i}`}>
                      <TableCell numeric>{l.line === 0 ? t('imports.wholeFile') : l.line}</TableCell>
                      <TableCell>{l.column ?? '—'}</TableCell>
                      <TableCell lang="nl">{l.message}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )}
        </section>
      )}

      <Heading level={2}>{t('imports.historyHeading')}</Heading>
      {runs.isPending && <LoadingState />}
      {runs.error && <ErrorState error={runs.error} onRetry={() => void runs.refetch()} />}
      {runs.data && runs.data.length === 0 && <Paragraph>{t('imports.historyEmpty')}</Paragraph>}
      {runs.data && runs.data.length > 0 && (
        <Table id="import-history" caption={t('imports.historyCaption')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('imports.when')}</TableHeaderCell>
              <TableHeaderCell>{t('imports.fileName')}</TableHeaderCell>
              <TableHeaderCell>{t('imports.status')}</TableHeaderCell>
              <TableHeaderCell numeric>{t('imports.rows')}</TableHeaderCell>
              <TableHeaderCell>{t('imports.by')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {runs.data.map((r) => (
              <TableRow key={r.id}>
                <TableCell>{formatDateTime(r.startedAt, i18n.language)}</TableCell>
                <TableCell>{r.fileName}</TableCell>
                <TableCell>
                  {t(`imports.statusLabels.${r.status}`)}
                  {r.status === 'invalid' ? ` (${r.errorCount})` : ` · ${t('imports.counts', { created: r.created, updated: r.updated, unchanged: r.unchanged })}`}
                </TableCell>
                <TableCell numeric>{r.totalRows}</TableCell>
                <TableCell>{r.startedBy.displayName}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
