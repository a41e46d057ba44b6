import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Resident } from '../../api/models.ts';
import { listOutflows, listPartialWork, outflowReasons, recordPartialWork, registerOutflow, type OutflowReason } from '../../api/programmes.api.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { DateField } from '../../components/DateField.tsx';
import { Heading } from '../../components/Heading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formatDate, todayIso } from '../../format/dates.ts';
import { useErrorText } from '../../hooks/useErrorText.ts';
import { fieldErrorsOf } from '../../hooks/useFieldErrors.ts';
import { localeOf } from '../../i18n/index.ts';
import { toIsoDate, toTypedDate } from '../../rules/dateRules.ts';
import { useRuleText } from '../../rules/useRuleText.ts';
import { outflowDateProblem, placementOutflowReason } from '../../../../src/domain/outflow-rules.ts';
import { usePlacements } from '../resident/work/useWork.ts';
import { Section } from '../resident/Section.tsx';

// Issue 12: the werkmatcher registers the resident's outflow (reason and date; the benefit ends and the case closes)
// and partial work per month while the benefit runs. Shown on the resident page (Gegevens) for the area team.

export function OutflowSection({ resident }: { resident: Resident }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const outflows = useQuery({ queryKey: ['resident', resident.id, 'outflows'], queryFn: () => listOutflows(resident.id), retry: false });
  const onBenefit = Boolean(resident.benefit && !resident.benefit.endDate);
  return (
    <Section id="uitstroom" title={t('outflow.title')}>
      {outflows.data && outflows.data.items.length > 0 && (
        <Table id="outflow-table" caption={t('outflow.listCaption')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('outflow.date')}</TableHeaderCell>
              <TableHeaderCell>{t('outflow.reason')}</TableHeaderCell>
              <TableHeaderCell>{t('outflow.placement')}</TableHeaderCell>
              <TableHeaderCell>{t('outflow.returned')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {outflows.data.items.map((o) => (
              <TableRow key={o.id}>
                <TableCell>{formatDate(o.outflowOn, locale)}</TableCell>
                <TableCell>{t(`outflow.reasons.${o.reason}`)}</TableCell>
                <TableCell>{o.placement ? o.placement.employerName : t('outflow.noPlacement')}</TableCell>
                <TableCell>{o.returnedOn ? t('outflow.returnedOn', { date: formatDate(o.returnedOn, locale) }) : t('outflow.notReturned')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {onBenefit ? (
        <>
          <OutflowForm resident={resident} />
          <PartialWorkForm resident={resident} />
        </>
      ) : (
        <p className="utrecht-paragraph">{t('outflow.noBenefit')}</p>
      )}
    </Section>
  );
}

function OutflowForm({ resident }: { resident: Resident }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const ruleText = useRuleText();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState<OutflowReason | ''>('');
  const [date, setDate] = useState(() => toTypedDate(todayIso()));
  const [note, setNote] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [placementId, setPlacementId] = useState<string | undefined>(undefined);
  // A running placement that ends the benefit but has no outflow yet (the employer advisor recorded it, or it starts
  // later than an outflow may be registered ahead): offered here, its reason and start taken over with one button.
  const placements = usePlacements(resident.id, true);
  const pending = (placements.data ?? []).find((p) => p.outflow === 'full' && p.status === 'active' && !p.outflowRegistration);
  const register = useMutation({
    mutationFn: (b: { reason: OutflowReason; outflowOn: string; placementId?: string; note?: string }) => registerOutflow(resident.id, b),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['resident', resident.id] });
      await queryClient.invalidateQueries({ queryKey: ['residents'] });
    },
  });
  const serverErrors = fieldErrorsOf(register.error);
  const errors = { ...serverErrors, ...localErrors };
  const otherError = register.error && Object.keys(serverErrors).length === 0 ? register.error : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!reason) found.reason = t('outflow.reasonRequired');
    const dateProblem = ruleText(outflowDateProblem(date, resident.benefit?.startDate, todayIso()));
    if (dateProblem) found.outflowOn = dateProblem;
    setLocalErrors(found);
    if (Object.keys(found).length > 0 || !reason) {
      document.getElementById(found.reason ? 'outflow-reason' : 'outflow-date')?.focus();
      return;
    }
    register.mutate({ reason, outflowOn: toIsoDate(date) ?? date.trim(), placementId, note: note.trim() || undefined });
  };

  return (
    <form className="app-form app-subform" onSubmit={onSubmit} noValidate aria-labelledby="outflow-form-heading">
      <Heading level={3} id="outflow-form-heading">
        {t('outflow.formTitle')}
      </Heading>
      <p className="utrecht-paragraph">{t('outflow.formIntro')}</p>
      {pending && !register.isSuccess && (
        <Alert type="info" title={t('outflow.pendingTitle')}>
          <p className="utrecht-paragraph">
            {t('outflow.pendingText', { employer: pending.employer.name, date: formatDate(pending.startDate, localeOf(i18n.language)), hours: pending.hoursPerWeek })}
          </p>
          <Button
            type="button"
            appearance="secondary"
            aria-pressed={placementId === pending.id}
            onClick={() => {
              setReason(placementOutflowReason(pending.hoursPerWeek));
              setDate(toTypedDate(pending.startDate));
              setPlacementId(pending.id);
            }}
          >
            {t('outflow.pendingUse')}
          </Button>
        </Alert>
      )}
      {register.isSuccess && (
        <Alert type="ok" live="status">
          <p className="utrecht-paragraph">{t('outflow.saved')}</p>
        </Alert>
      )}
      {otherError && (
        <Alert type="error" live="alert" title={t('outflow.failed')}>
          <p className="utrecht-paragraph">{errorText(otherError)}</p>
        </Alert>
      )}
      <SelectField
        id="outflow-reason"
        label={t('outflow.reason')}
        required
        emptyOption={t('outflow.chooseReason')}
        options={outflowReasons.map((r) => ({ value: r, label: t(`outflow.reasons.${r}`) }))}
        value={reason}
        error={errors.reason}
        onChange={(e) => setReason(e.target.value as OutflowReason | '')}
      />
      <DateField id="outflow-date" label={t('outflow.date')} required value={date} error={errors.outflowOn} onChange={(e) => setDate(e.target.value)} />
      <TextAreaField id="outflow-note" label={t('outflow.note')} optional value={note} error={errors.note} onChange={(e) => setNote(e.target.value)} />
      <Button type="submit" appearance="primary" disabled={register.isPending}>
        {t('outflow.submit')}
      </Button>
    </form>
  );
}

function PartialWorkForm({ resident }: { resident: Resident }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const queryClient = useQueryClient();
  const key = ['resident', resident.id, 'partialWork'];
  const list = useQuery({ queryKey: key, queryFn: () => listPartialWork(resident.id), retry: false });
  const [month, setMonth] = useState(() => todayIso().slice(0, 7));
  const [hours, setHours] = useState('');
  const [euros, setEuros] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (b: { month: string; hours: number; earningsCents: number }) => recordPartialWork(resident.id, b.month, { hours: b.hours, earningsCents: b.earningsCents }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const errors = { ...fieldErrorsOf(save.error), ...localErrors };
  const money = (cents: number) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) found.month = t('outflow.work.monthFormat');
    const h = Number(hours.replace(',', '.'));
    if (!hours.trim() || !(h > 0) || h > 744) found.hours = t('outflow.work.hoursRequired');
    const eur = Number(euros.replace(/\./g, '').replace(',', '.'));
    if (!euros.trim() || !(eur >= 0)) found.earningsCents = t('outflow.work.earningsRequired');
    setLocalErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate({ month, hours: h, earningsCents: Math.round(eur * 100) });
  };

  return (
    <form className="app-form app-subform" onSubmit={onSubmit} noValidate aria-labelledby="work-form-heading">
      <Heading level={3} id="work-form-heading">
        {t('outflow.work.title')}
      </Heading>
      {list.data && list.data.items.length > 0 && (
        <Table id="partial-work-table" caption={t('outflow.work.caption')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('outflow.work.month')}</TableHeaderCell>
              <TableHeaderCell numeric>{t('outflow.work.hours')}</TableHeaderCell>
              <TableHeaderCell numeric>{t('outflow.work.earnings')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.data.items.map((w) => (
              <TableRow key={w.month}>
                <TableCell>{w.month}</TableCell>
                <TableCell numeric>{w.hours.toLocaleString(locale)}</TableCell>
                <TableCell numeric>{money(w.earningsCents)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {save.isSuccess && (
        <Alert type="ok" live="status">
          <p className="utrecht-paragraph">{t('outflow.work.saved')}</p>
        </Alert>
      )}
      <div className="app-form-row">
        <TextField id="work-month" label={t('outflow.work.month')} description={t('outflow.work.monthHint')} required size="sm" value={month} error={errors.month} onChange={(e) => setMonth(e.target.value)} />
        <TextField id="work-hours" label={t('outflow.work.hours')} required size="sm" inputMode="decimal" value={hours} error={errors.hours} onChange={(e) => setHours(e.target.value)} />
        <TextField id="work-earnings" label={t('outflow.work.earningsEuro')} required size="sm" inputMode="decimal" value={euros} error={errors.earningsCents} onChange={(e) => setEuros(e.target.value)} />
      </div>
      <Button type="submit" appearance="secondary" disabled={save.isPending}>
        {t('outflow.work.submit')}
      </Button>
    </form>
  );
}
