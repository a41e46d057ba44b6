import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isUnavailable } from '../../api/client.ts';
import { createSearchPeriod, listResidentSearchPeriods } from '../../api/youth.api.ts';
import { Button } from '../../components/Button.tsx';
import { DateField } from '../../components/DateField.tsx';
import { Heading } from '../../components/Heading.tsx';
import { AppLink } from '../../components/Links.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { formatDate } from '../../format/dates.ts';
import { fieldErrorsOf } from '../../hooks/useFieldErrors.ts';
import { localeOf } from '../../i18n/index.ts';
import { apiDate, calendarDateProblem } from '../../rules/dateRules.ts';
import { PeriodStatus, periodHref } from './shared.tsx';
import { ReferralForm } from './ReferralForm.tsx';
import { ProvisionForm } from './ProvisionForm.tsx';
import { ResidentTransitions } from './TransitionMoments.tsx';

/**
 * The search period on the resident page (Team Jongeren): the countdown of the latest one, or — for a young person
 * under 27 without a running one — the form to record the melding. Absent for viewers without youth:read.
 */
export function ResidentSearchPeriod({ residentId, young }: { residentId: string; young: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const key = ['youth', 'resident', residentId];
  const periods = useQuery({ queryKey: key, queryFn: () => listResidentSearchPeriods(residentId), retry: false });
  if (periods.isPending || isUnavailable(periods.error) || periods.error) return null;
  const latest = periods.data[0];
  const running = periods.data.find((p) => p.status === 'running');
  if (!latest && !young) return null;
  return (
    <section className="app-section app-youth-resident" aria-labelledby="zoektermijn" id="zoektermijn-sectie">
      <Heading level={2} id="zoektermijn">
        {t('youth.resident.heading')}
      </Heading>
      <ResidentTransitions residentId={residentId} />
      {latest ? (
        <Paragraph>
          <PeriodStatus period={latest} />{' '}
          {latest.status === 'ended' && t('youth.resident.ended', { date: formatDate(latest.handledEarly?.on ?? latest.endDate, locale) })}{' '}
          <AppLink to={periodHref(latest.id)}>{t('youth.resident.open')}</AppLink>
        </Paragraph>
      ) : (
        <Paragraph>{t('youth.resident.none')}</Paragraph>
      )}
      {!running && young && <ReportForm residentId={residentId} />}
      {young && <ReferralForm residentId={residentId} />}
      {young && <ProvisionForm residentId={residentId} />}
    </section>
  );
}

function ReportForm({ residentId }: { residentId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: (reportDate: string) => createSearchPeriod(residentId, reportDate),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['youth'] }),
  });
  const errors = fieldErrorsOf(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = calendarDateProblem(typed);
    setProblem(p?.reason);
    if (!p) save.mutate(apiDate(typed));
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="report-heading">
      <Heading level={3} id="report-heading">
        {t('youth.resident.reportTitle')}
      </Heading>
      <DateField id="report-date" label={t('youth.resident.reportDate')} value={typed} onChange={(e) => setTyped(e.target.value)} error={problem ?? errors.reportDate} required />
      <Button type="submit" appearance="secondary" busy={save.isPending}>
        {t('youth.resident.reportSave')}
      </Button>
    </form>
  );
}
