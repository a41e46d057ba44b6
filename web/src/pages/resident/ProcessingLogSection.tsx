import { useTranslation } from 'react-i18next';
import { isUnavailable } from '../../api/client.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table.tsx';
import { formatDateTime } from '../../format/dates.ts';
import { localeOf } from '../../i18n/index.ts';
import { Section } from './Section.tsx';
import { useProcessingLog } from './useResident.ts';

/** "Wie heeft dit dossier bekeken": the processing log of this resident, for the privacy officer. */
export function ProcessingLogSection({ residentId }: { residentId: string }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const log = useProcessingLog(residentId, true);
  if (isUnavailable(log.error)) return null;
  return (
    <Section id="verwerkingen" title={t('processingLog.title')}>
      <Paragraph>{t('processingLog.intro')}</Paragraph>
      {log.isPending && <LoadingState />}
      {log.error && <ErrorState error={log.error} onRetry={() => void log.refetch()} />}
      {log.data && log.data.length === 0 && <Paragraph>{t('processingLog.empty')}</Paragraph>}
      {log.data && log.data.length > 0 && (
        <Table id="processing-log" caption={t('processingLog.title')} captionHidden className="app-wide-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('processingLog.columns.when')}</TableHeaderCell>
              <TableHeaderCell>{t('processingLog.columns.who')}</TableHeaderCell>
              <TableHeaderCell>{t('processingLog.columns.what')}</TableHeaderCell>
              <TableHeaderCell>{t('processingLog.columns.why')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {log.data.map((e) => (
              <TableRow key={e.seq}>
                <TableCell className="app-nowrap">{formatDateTime(e.at, locale)}</TableCell>
                <TableCell>
                  {e.actor.displayName ?? t('processingLog.unknownActor')}
                  <span className="app-cell-note">{t(`roles.${e.actor.role}`, { defaultValue: e.actor.role })}</span>
                </TableCell>
                <TableCell>{e.activity.name}</TableCell>
                <TableCell>
                  {e.activity.purpose}
                  <span className="app-cell-note">{e.activity.legalBasis}</span>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}
