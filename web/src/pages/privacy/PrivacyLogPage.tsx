import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { calendarDateProblem, toIsoDate, toTypedDate } from '../../rules/dateRules.ts';
import { listProcessingActivities, listProcessingLogActors, searchProcessingLog, type LogQuery } from '../../api/privacy.api.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Heading } from '../../components/Heading.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { DateField } from '../../components/DateField.tsx';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { LogTable } from './LogTable.tsx';
import './privacy.css';

const PAGE_SIZE = 50;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f-]{36}$/;
const ACTIVITY = /^PA-\d{3}$/;

/**
 * The processing log of the municipality for the privacy officer: filtered by who (medewerker), which processing
 * activity and period; newest first, paginated on the server with the total. Names no resident (pseudonyms only).
 */
export function PrivacyLogPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('privacyOfficer.log.title'));
  const [params, setParams] = useSearchParams();
  const get = (k: string, re: RegExp) => {
    const v = params.get(k) ?? '';
    return re.test(v) ? v : '';
  };
  const applied = { actor: get('medewerker', UUID), activity: get('activiteit', ACTIVITY), from: get('van', DATE), to: get('tot', DATE) };
  const [actor, setActor] = useState(applied.actor);
  const [activity, setActivity] = useState(applied.activity);
  // Typed as day-month-year (DateField); the address bar and the API carry YYYY-MM-DD.
  const [from, setFrom] = useState(toTypedDate(applied.from));
  const [to, setTo] = useState(toTypedDate(applied.to));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const cursor = cursors[cursors.length - 1];

  const actors = useQuery({ queryKey: ['privacy', 'actors'], queryFn: listProcessingLogActors, retry: false, staleTime: 60_000 });
  const activities = useQuery({ queryKey: ['privacy', 'activities'], queryFn: listProcessingActivities, retry: false, staleTime: 10 * 60_000 });
  const query: LogQuery = {
    actor: applied.actor || undefined,
    activity: applied.activity || undefined,
    from: applied.from || undefined,
    to: applied.to || undefined,
    limit: PAGE_SIZE,
    cursor,
  };
  const log = useQuery({ queryKey: ['privacy', 'log', query], queryFn: () => searchProcessingLog(query), retry: false, placeholderData: (prev) => prev });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    const fromIso = from.trim() ? toIsoDate(from) : '';
    const toIso = to.trim() ? toIsoDate(to) : '';
    if (fromIso === null) problems.from = calendarDateProblem(from)!.reason;
    if (toIso === null) problems.to = calendarDateProblem(to)!.reason;
    if (fromIso && toIso && toIso < fromIso) problems.to = t('privacyOfficer.log.dateOrder');
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const next: Record<string, string> = {};
    if (actor) next.medewerker = actor;
    if (activity) next.activiteit = activity;
    if (fromIso) next.van = fromIso;
    if (toIso) next.tot = toIso;
    setCursors([undefined]);
    setParams(next, { replace: true });
  };
  const clear = () => {
    setActor('');
    setActivity('');
    setFrom('');
    setTo('');
    setErrors({});
    setCursors([undefined]);
    setParams({}, { replace: true });
  };

  const data = log.data;
  const filtered = Boolean(applied.actor || applied.activity || applied.from || applied.to);

  return (
    <>
      <Heading level={1} className="app-long-words">{t('privacyOfficer.log.title')}</Heading>
      <Paragraph lead>{t('privacyOfficer.log.intro')}</Paragraph>

      <form className="app-form app-privacy-form" onSubmit={onSubmit} noValidate aria-labelledby="log-filters-heading">
        <Heading level={2} id="log-filters-heading">
          {t('privacyOfficer.log.filters')}
        </Heading>
        <ErrorSummary
          id="log-error-summary"
          items={Object.entries(errors).map(([k, message]) => ({ fieldId: `log-${k}`, label: t(`privacyOfficer.log.${k}`), message }))}
        />
        <div className="app-form-row app-privacy-filters">
          <SelectField
            id="log-actor"
            label={t('privacyOfficer.log.actor')}
            emptyOption={actors.isPending ? t('common.loading') : t('privacyOfficer.log.anyActor')}
            options={(actors.data ?? []).map((a) => ({
              value: a.id,
              label: `${a.displayName} (${a.roles.map((r) => t(`roles.${r}`, { defaultValue: r })).join(', ')}, ${a.organisation})`,
            }))}
            value={actor}
            onChange={(e) => setActor(e.target.value)}
          />
          <SelectField
            id="log-activity"
            label={t('privacyOfficer.log.activity')}
            emptyOption={t('privacyOfficer.log.anyActivity')}
            options={(activities.data ?? []).map((a) => ({ value: a.id, label: `${a.id} ${a.nameNl}` }))}
            value={activity}
            onChange={(e) => setActivity(e.target.value)}
          />
        </div>
        <div className="app-form-row app-privacy-filters">
          <DateField id="log-from" label={t('privacyOfficer.log.from')} value={from} error={errors.from} onChange={(e) => setFrom(e.target.value)} />
          <DateField id="log-to" label={t('privacyOfficer.log.to')} value={to} error={errors.to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <div className="app-button-row">
          <Button type="submit" appearance="primary" busy={log.isFetching}>
            {t('privacyOfficer.log.show')}
          </Button>
          {filtered && (
            <Button appearance="subtle" onClick={clear}>
              {t('privacyOfficer.log.clear')}
            </Button>
          )}
        </div>
      </form>

      <section className="app-section" aria-labelledby="log-result-heading" aria-busy={log.isFetching || undefined}>
        <Heading level={2} id="log-result-heading">
          {t('privacyOfficer.log.results')}
        </Heading>
        {log.isPending && <LoadingState />}
        {log.error && <ErrorState error={log.error} onRetry={() => void log.refetch()} />}
        {data && (
          <>
            <Paragraph role="status">
              <strong>{t('privacyOfficer.log.total', { count: data.total })}</strong>
            </Paragraph>
            {data.items.length === 0 ? (
              <Paragraph>{filtered ? t('privacyOfficer.log.emptyFiltered') : t('privacyOfficer.log.empty')}</Paragraph>
            ) : (
              <LogTable id="processing-log" caption={t('privacyOfficer.log.tableCaption')} entries={data.items} showSubjects />
            )}
            <Pagination
              label={t('privacyOfficer.log.pagination')}
              page={cursors.length}
              total={data.total}
              pageSize={PAGE_SIZE}
              hasPrevious={cursors.length > 1}
              hasNext={data.next !== null}
              onPrevious={() => setCursors((c) => c.slice(0, -1))}
              onNext={() => setCursors((c) => [...c, data.next ?? undefined])}
            />
          </>
        )}
      </section>
    </>
  );
}
