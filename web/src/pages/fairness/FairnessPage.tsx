import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { calendarDateProblem, toIsoDate, toTypedDate } from '../../rules/dateRules.ts';
import { ALGORITHM_REGISTER_DOWNLOAD_URL, getAlgorithmRegister, getFairnessMonitor } from '../../api/matching.api.ts';
import { type AlgorithmRegisterEntry, type FairnessDimension, fairnessDimensions, type FairnessGroup, type FairnessMonitor, type FairnessStage } from '../../api/models.ts';
import { hasPermission, useSession } from '../../auth/session.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { DataList } from '../../components/DataList.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Heading } from '../../components/Heading.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table.tsx';
import { DateField } from '../../components/DateField.tsx';
import { formatDate, localIsoDate, todayIso } from '../../format/dates.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { localeOf } from '../../i18n/index.ts';
import './fairness.css';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** i18n keys may not contain "<" or "+": "<27" → under27, "27-44" → from27to44, "45+" → from45. */
function groupKey(group: string): string {
  if (group.startsWith('<')) return `under${group.slice(1)}`;
  if (group.endsWith('+')) return `from${group.slice(0, -1)}`;
  const range = /^(\d+)-(\d+)$/.exec(group);
  return range ? `from${range[1]}to${range[2]}` : group;
}

const COUNT_OF: Record<FairnessStage, keyof Pick<FairnessGroup, 'exposure' | 'proposals' | 'interviews' | 'placements'>> = {
  exposure: 'exposure',
  proposal: 'proposals',
  interview: 'interviews',
  placement: 'placements',
};

/** The four-fifths threshold the server compares with (exactly, on integers). */
const FOUR_FIFTHS = 0.8;
/** Rounded down to two decimals (the small epsilon keeps 0.79 from becoming 0.78 by binary representation). */
export const floor2 = (x: number) => Math.floor(x * 100 + 1e-9) / 100;

function useFairnessText() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return {
    t,
    locale,
    count: (n: number) => new Intl.NumberFormat(locale).format(n),
    percent: (r: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(r),
    // Rounded DOWN to two decimals: a ratio below the threshold (the server sends at most 0.799) never shows as 0,80.
    ratio: (r: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(floor2(r)),
    threshold: new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(FOUR_FIFTHS),
    date: (d: string) => formatDate(d, locale),
    group: (dimension: FairnessDimension, g: { group: string; label: string }) =>
      t(`fairness.groups.${dimension}.${groupKey(g.group)}`, { defaultValue: g.label }),
  };
}

function Suppressed({ min }: { min: number }) {
  const { t } = useTranslation();
  return (
    <span className="app-fair__suppressed">
      <span aria-hidden="true">{t('fairness.suppressed', { min })}</span>
      <span className="app-visually-hidden">{t('fairness.suppressedCell', { min })}</span>
    </span>
  );
}

function MonitorTable({ monitor }: { monitor: FairnessMonitor }) {
  const f = useFairnessText();
  const { t } = f;
  const min = monitor.minimumCellSize;
  const warned = new Set(monitor.warnings.map((w) => `${w.group}|${w.stage}`));
  const stageLabel: Record<FairnessStage, string> = {
    exposure: t('fairness.exposure'),
    proposal: t('fairness.proposals'),
    interview: t('fairness.interviews'),
    placement: t('fairness.placements'),
  };
  const anySuppressed = monitor.groups.some((g) => g.suppressed);
  return (
    <>
      <Table
        id="fairness-table"
        caption={t('fairness.tableCaption', {
          dimension: t(`fairness.dimensionOption.${monitor.dimension}`),
          from: f.date(monitor.from),
          to: f.date(monitor.to),
        })}
        className="app-fair__table"
      >
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('fairness.group')}</TableHeaderCell>
            <TableHeaderCell numeric>{t('fairness.population')}</TableHeaderCell>
            {monitor.stages.map((s) => (
              <TableHeaderCell numeric key={s}>
                {stageLabel[s]}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {monitor.groups.map((g) => (
            <TableRow key={g.group}>
              <TableHeaderCell scope="row">{f.group(monitor.dimension, g)}</TableHeaderCell>
              <TableCell numeric>{g.population === null ? <Suppressed min={min} /> : f.count(g.population)}</TableCell>
              {monitor.stages.map((s) => {
                const count = g[COUNT_OF[s]];
                const rate = g.rates?.[s] ?? null;
                const flagged = warned.has(`${g.group}|${s}`);
                return (
                  <TableCell numeric key={s} className={flagged ? 'app-fair__cell--warning' : undefined}>
                    {count === null ? (
                      <Suppressed min={min} />
                    ) : (
                      <>
                        {f.count(count)}
                        {rate !== null && (
                          <span className="app-fair__rate">
                            {' '}
                            ({flagged && <span aria-hidden="true">! </span>}
                            {f.percent(rate)})
                          </span>
                        )}
                      </>
                    )}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <p className="utrecht-paragraph utrecht-paragraph--small app-muted">
        {anySuppressed && <>{t('fairness.suppressedHelp', { min })} </>}
        {t('fairness.matcherVersion', { version: monitor.matcherVersion })}
      </p>
    </>
  );
}

function Warnings({ monitor }: { monitor: FairnessMonitor }) {
  const f = useFairnessText();
  const { t } = f;
  const comparable = monitor.groups.filter((g) => !g.suppressed).length;
  if (monitor.warnings.length === 0 && comparable < 2)
    return (
      <Alert type="info">
        <p className="utrecht-paragraph">{t('fairness.notComparable', { min: monitor.minimumCellSize })}</p>
      </Alert>
    );
  if (monitor.warnings.length === 0)
    return (
      <Alert type="ok">
        <p className="utrecht-paragraph">{t('fairness.noWarnings')}</p>
      </Alert>
    );
  const groups = new Map(monitor.groups.map((g) => [g.group, g]));
  return (
    <Alert type="warning" title={t('fairness.warningsTitle')} className="app-fair__warnings">
      <ul className="utrecht-unordered-list">
        {monitor.warnings.map((w) => {
          const ref = groups.get(w.referenceGroup);
          return (
            <li key={`${w.group}-${w.stage}`}>
              <strong>
                {t(`fairness.warning.${w.stage}`, { group: f.group(monitor.dimension, w), ratio: f.ratio(w.ratio), threshold: f.threshold })}
              </strong>
              {ref && <> {t('fairness.warningReference', { group: f.group(monitor.dimension, ref) })}</>}
            </li>
          );
        })}
      </ul>
      <p className="utrecht-paragraph">{t('fairness.warningsHelp')}</p>
    </Alert>
  );
}

function RegisterSection() {
  const { t, i18n } = useTranslation();
  const entry = useQuery({ queryKey: ['algorithm-register', 'matcher'], queryFn: getAlgorithmRegister, staleTime: 10 * 60_000, retry: false });
  const e: AlgorithmRegisterEntry | undefined = entry.data;
  const field = (key: keyof AlgorithmRegisterEntry & string) => t(`algorithmRegister.fields.${key}`);
  // The entry is published in Dutch: its texts keep lang="nl" when the page is in English.
  const nl = (text: string) => <span lang="nl">{text}</span>;
  return (
    <section className="app-section app-fair__register" aria-labelledby="register-heading" id="algoritmeregister">
      <Heading level={2} id="register-heading">
        {t('algorithmRegister.title')}
      </Heading>
      <p className="utrecht-paragraph">{t('algorithmRegister.intro')}</p>
      <p className="utrecht-paragraph app-fair__download">
        <a
          className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
          href={ALGORITHM_REGISTER_DOWNLOAD_URL}
          download
        >
          {t('algorithmRegister.download')}
        </a>
      </p>
      {entry.isPending && <LoadingState />}
      {entry.error && <ErrorState error={entry.error} title={t('algorithmRegister.loadFailed')} onRetry={() => void entry.refetch()} />}
      {e && (
        <div>
          <DataList
            items={[
              { key: 'name', label: field('name'), value: nl(e.name) },
              { key: 'organisation', label: field('organisation'), value: nl(e.organisation) },
              { key: 'status', label: field('status'), value: nl(e.status) },
              { key: 'version', label: field('version'), value: nl(e.version) },
              e.date !== undefined && { key: 'date', label: field('date'), value: nl(e.date) },
              e.descriptionShort !== undefined && { key: 'descriptionShort', label: field('descriptionShort'), value: nl(e.descriptionShort) },
              e.goal !== undefined && { key: 'goal', label: field('goal'), value: nl(e.goal) },
              e.humanIntervention !== undefined && { key: 'humanIntervention', label: field('humanIntervention'), value: nl(e.humanIntervention) },
              e.contact !== undefined && { key: 'contact', label: field('contact'), value: nl(e.contact) },
            ]}
          />
          {e.data && (
            <Table id="register-data" caption={field('data')}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('algorithmRegister.dataName')}</TableHeaderCell>
                  <TableHeaderCell>{t('algorithmRegister.dataUse')}</TableHeaderCell>
                  <TableHeaderCell>{t('algorithmRegister.dataSource')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {e.data.map((d) => (
                  <TableRow key={d.key} lang="nl">
                    <TableHeaderCell scope="row">{d.name}</TableHeaderCell>
                    <TableCell>{d.use}</TableCell>
                    <TableCell>{d.source}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {e.excludedAttributes && (
            <>
              <Heading level={3} id="register-excluded">
                {field('excludedAttributes')}
              </Heading>
              {e.excludedAttributesNote && <p className="utrecht-paragraph" lang="nl">{e.excludedAttributesNote}</p>}
              <details className="app-fair__details">
                <summary>{t('algorithmRegister.excludedShow', { count: e.excludedAttributes.length })}</summary>
                <ul className="utrecht-unordered-list" aria-labelledby="register-excluded" lang="nl">
                  {e.excludedAttributes.map((a) => (
                    <li key={a.attribute}>
                      <strong>{a.attribute}</strong>: {a.reason}
                    </li>
                  ))}
                </ul>
              </details>
            </>
          )}
          <details className="app-fair__details">
            <summary>{t('algorithmRegister.more')}</summary>
            <DataList
              items={[
                e.impact !== undefined && { key: 'impact', label: field('impact'), value: nl(e.impact) },
                e.proportionality !== undefined && { key: 'proportionality', label: field('proportionality'), value: nl(e.proportionality) },
                e.decisionMaking !== undefined && { key: 'decisionMaking', label: field('decisionMaking'), value: nl(e.decisionMaking) },
                e.methodsAndModels !== undefined && { key: 'methodsAndModels', label: field('methodsAndModels'), value: nl(e.methodsAndModels) },
                e.risks !== undefined && {
                  key: 'risks',
                  label: field('risks'),
                  value: (
                    <ul className="utrecht-unordered-list app-fair__risks" lang="nl">
                      {e.risks.map((r) => (
                        <li key={r.risk}>
                          <strong lang={i18n.language}>{t('algorithmRegister.risk')}</strong> {r.risk}
                          <br />
                          <strong lang={i18n.language}>{t('algorithmRegister.mitigation')}</strong> {r.mitigation}
                        </li>
                      ))}
                    </ul>
                  ),
                },
                e.legalBasis !== undefined && {
                  key: 'legalBasis',
                  label: field('legalBasis'),
                  value: (
                    <ul className="utrecht-unordered-list" lang="nl">
                      {e.legalBasis.map((l) => (
                        <li key={l.title}>
                          {l.url ? (
                            <a className="utrecht-link utrecht-link--html-a" href={l.url} rel="noreferrer">
                              {l.title}
                            </a>
                          ) : (
                            l.title
                          )}
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]}
            />
          </details>
        </div>
      )}
    </section>
  );
}

function defaultFrom(): string {
  const now = new Date();
  return localIsoDate(new Date(now.getFullYear(), 0, 1));
}

/**
 * "Eerlijke matching" for the beleidsmedewerker: per group of residents how often they reach each stage (top 10,
 * proposal, interview, placement), small numbers suppressed, four-fifths warnings in words; and the matcher's
 * Algoritmeregister entry.
 */
export function FairnessPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('fairness.title'));
  const [params, setParams] = useSearchParams();
  const pFrom = params.get('van') ?? '';
  const pTo = params.get('tot') ?? '';
  const pDim = params.get('indeling') ?? '';
  const query = {
    from: DATE.test(pFrom) ? pFrom : defaultFrom(),
    to: DATE.test(pTo) ? pTo : todayIso(),
    dimension: (fairnessDimensions as readonly string[]).includes(pDim) ? (pDim as FairnessDimension) : 'ageBand',
  };
  // Typed as day-month-year (DateField); the address bar and the API carry YYYY-MM-DD.
  const [from, setFrom] = useState(toTypedDate(query.from));
  const [to, setTo] = useState(toTypedDate(query.to));
  const [dimension, setDimension] = useState<FairnessDimension>(query.dimension);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const monitor = useQuery({
    queryKey: ['fairness', query],
    queryFn: () => getFairnessMonitor(query),
    retry: false,
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    const fromIso = toIsoDate(from);
    const toIso = toIsoDate(to);
    if (!fromIso) problems.from = from.trim() ? calendarDateProblem(from)!.reason : t('fairness.dateRequired');
    if (!toIso) problems.to = to.trim() ? calendarDateProblem(to)!.reason : t('fairness.dateRequired');
    if (fromIso && toIso && toIso < fromIso) problems.to = t('fairness.dateOrder');
    setErrors(problems);
    if (!fromIso || !toIso || Object.keys(problems).length > 0) return;
    setParams({ van: fromIso, tot: toIso, indeling: dimension }, { replace: true });
  };

  // React Query's placeholderData (keeping the previous result) is left off on purpose: while another period or grouping
  // loads, the old figures are not shown under the new heading.
  const data = monitor.data;
  const resultTitle = t('fairness.tableCaption', {
    dimension: t(`fairness.dimensionOption.${query.dimension}`),
    from: formatDate(query.from, localeOf(i18n.language)),
    to: formatDate(query.to, localeOf(i18n.language)),
  });
  const empty = data && data.groups.every((g) => g.population === 0);

  return (
    <>
      <Heading level={1}>{t('fairness.title')}</Heading>
      <p className="utrecht-paragraph utrecht-paragraph--lead app-fair__intro">{t('fairness.intro')}</p>
      <div className="app-fair__not">
        <Heading level={2} id="fairness-not">
          {t('fairness.doesNot')}
        </Heading>
        <ul className="utrecht-unordered-list" aria-labelledby="fairness-not">
          <li>{t('fairness.doesNot1')}</li>
          <li>{t('fairness.doesNot2', { min: data?.minimumCellSize ?? 10 })}</li>
          <li>{t('fairness.doesNot3')}</li>
        </ul>
      </div>

      <form className="app-form app-fair__filters" onSubmit={onSubmit} noValidate aria-labelledby="fairness-filters">
        <Heading level={2} id="fairness-filters">
          {t('fairness.filters')}
        </Heading>
        <ErrorSummary
          id="fairness-error-summary"
          items={Object.entries(errors).map(([k, message]) => ({
            fieldId: `fairness-${k}`,
            label: k === 'from' ? t('fairness.from') : t('fairness.to'),
            message,
          }))}
        />
        <div className="app-form-row">
          <DateField id="fairness-from" label={t('fairness.from')} value={from} error={errors.from} onChange={(e) => setFrom(e.target.value)} />
          <DateField id="fairness-to" label={t('fairness.to')} value={to} error={errors.to} onChange={(e) => setTo(e.target.value)} />
          <SelectField
            id="fairness-dimension"
            label={t('fairness.dimension')}
            options={fairnessDimensions.map((d) => ({ value: d, label: t(`fairness.dimensionOption.${d}`) }))}
            value={dimension}
            onChange={(e) => setDimension(e.target.value as FairnessDimension)}
          />
          <div className="app-fair__submit">
            <Button type="submit" appearance="primary" busy={monitor.isFetching}>
              {t('fairness.show')}
            </Button>
          </div>
        </div>
      </form>

      <section className="app-section" aria-labelledby="fairness-result" aria-busy={monitor.isFetching || undefined}>
        <Heading level={2} id="fairness-result" className="app-visually-hidden">
          {t(`fairness.dimensionOption.${query.dimension}`)}
        </Heading>
        {monitor.isPending && (
          <div className="app-fair__loading" id="fairness-loading">
            <LoadingState label={t('fairness.loading', { what: resultTitle })} />
          </div>
        )}
        {monitor.error && <ErrorState error={monitor.error} title={t('fairness.loadFailed')} onRetry={() => void monitor.refetch()} />}
        {data && empty && <p className="utrecht-paragraph app-empty">{t('fairness.empty')}</p>}
        {data && !empty && (
          <>
            <Warnings monitor={data} />
            <MonitorTable monitor={data} />
          </>
        )}
      </section>

      {hasPermission(session, 'algorithmRegister:read') && <RegisterSection />}
    </>
  );
}
