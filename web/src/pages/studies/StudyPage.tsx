import * as Plot from '@observablehq/plot';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { hasPermission, useSession } from '../../auth/session.ts';
import { analyseStudy, getStudy, getStudyOverview, studyDatasetUrl, type Study, type StudyAnalysis, type StudyOutcome, type StudyOverview } from '../../api/studies.api.ts';
import { Button } from '../../components/Button.tsx';
import { DataList } from '../../components/DataList.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Heading } from '../../components/Heading.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table.tsx';
import { formatDate } from '../../format/dates.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { localeOf } from '../../i18n/index.ts';
import './studies.css';

// One study (issue 14): its design and arms, the CONSORT flow (enrolled, allocated, per arm allocated / followed up /
// analysed), the attrition and balance tables (aggregates, cells under the minimum suppressed), and the ITT result as
// a forest plot (Observable Plot, ADR 0018) with its text summary and its table beside it: unadjusted and adjusted
// told apart by marker shape and dash, never by colour alone. The researcher downloads the pseudonymised data set.

function useFormat() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const num = (v: number, digits = 3) => v.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return {
    t,
    locale,
    n: (v: number) => v.toLocaleString(locale),
    num,
    signed: (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${num(Math.abs(v))}`,
    pct: (v: number | null) => (v === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(v)),
    p: (v: number) => (v < 0.001 ? '< 0,001'.replace(',', locale.startsWith('nl') ? ',' : '.') : num(v)),
  };
}

function Count({ value, min }: { value: number | null; min: number }) {
  const { t, n } = useFormat();
  if (value !== null) return <>{n(value)}</>;
  return (
    <span className="app-study__suppressed">
      <span aria-hidden="true">{t('studies.suppressed', { min })}</span>
      <span className="app-visually-hidden">{t('studies.suppressedLong', { min })}</span>
    </span>
  );
}

function ruleText(t: ReturnType<typeof useFormat>['t'], a: Study['arms'][number]): string {
  if (a.isControl) return t('studies.control');
  const parts = [
    a.applicationObligationWaived && t('studies.rule.waived'),
    a.contactEveryDays !== null && t('studies.rule.contact', { days: a.contactEveryDays }),
    a.earningsDisregardVariant !== null && t('studies.rule.disregard', { variant: a.earningsDisregardVariant }),
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : '—';
}

function Design({ s }: { s: Study }) {
  const f = useFormat();
  const { t } = f;
  return (
    <>
      <DataList
        items={[
          { key: 'status', label: t('studies.statusLabel'), value: t(`studies.status.${s.status}`) },
          { key: 'period', label: t('studies.period'), value: t('studies.periodValue', { from: formatDate(s.startsOn, f.locale), to: formatDate(s.endsOn, f.locale) }) },
          { key: 'enrolled', label: t('studies.enrolled'), value: t('studies.enrolledOf', { n: f.n(s.enrolled), target: f.n(s.targetSize) }) },
          s.registrationId !== null && { key: 'reg', label: t('studies.registration'), value: s.registrationId },
          { key: 'elig', label: t('studies.eligibility'), value: s.eligibility },
          { key: 'primary', label: t('studies.primaryOutcome'), value: t(`studies.outcome.${s.primaryOutcome}`) },
          { key: 'secondary', label: t('studies.secondaryOutcomes'), value: s.secondaryOutcomes.length ? s.secondaryOutcomes.map((o) => t(`studies.outcome.${o}`)).join(', ') : t('studies.noneValue') },
        ]}
      />
      <section aria-labelledby="arms-heading" className="app-study__section">
        <Heading level={2} id="arms-heading">
          {t('studies.armsTitle')}
        </Heading>
        <Table id="arms-table" caption={t('studies.armsCaption')} captionHidden>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('studies.arm')}</TableHeaderCell>
              <TableHeaderCell>{t('studies.rules')}</TableHeaderCell>
              <TableHeaderCell numeric>{t('studies.participants')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {s.arms.map((a) => (
              <TableRow key={a.key}>
                <TableHeaderCell scope="row">{a.name}</TableHeaderCell>
                <TableCell>{ruleText(t, a)}</TableCell>
                <TableCell numeric>{a.participants === null ? t('studies.concealed') : f.n(a.participants)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
    </>
  );
}

/** The CONSORT flow as nested boxes in reading order (an ordered list: screen readers read it as steps). */
function Flow({ o }: { o: StudyOverview }) {
  const f = useFormat();
  const { t } = f;
  return (
    <section aria-labelledby="flow-heading" className="app-study__section" id="consort">
      <Heading level={2} id="flow-heading">
        {t('studies.flowTitle')}
      </Heading>
      <p className="utrecht-paragraph">{t('studies.flowIntro', { date: formatDate(o.on, f.locale) })}</p>
      <ol className="app-consort">
        <li className="app-consort__step">
          <div className="app-consort__box">{t('studies.flowEnrolled', { n: f.n(o.consort.enrolled) })}</div>
        </li>
        <li className="app-consort__step">
          {o.consort.arms.length === 0 ? (
            <div className="app-consort__box app-consort__box--note">{t('studies.flowNotAllocated')}</div>
          ) : (
            <>
              <div className="app-consort__box">{t('studies.flowAllocated', { n: f.n(o.consort.allocated) })}</div>
              <ul className="app-consort__arms">
                {o.consort.arms.map((a) => (
                  <li key={a.key} className="app-consort__arm">
                    <p className="app-consort__arm-name">{a.name}</p>
                    <ol className="app-consort__arm-steps">
                      <li className="app-consort__box">{t('studies.flowArmAllocated', { n: f.n(a.allocated) })}</li>
                      <li className="app-consort__box">
                        {t('studies.flowArmFollowed', { n: f.n(a.followedUp) })}
                        <br />
                        <span className="app-muted">{t('studies.flowArmLost', { n: f.n(a.lostToFollowUp) })}</span>
                      </li>
                      <li className="app-consort__box">{t('studies.flowArmAnalysed', { n: f.n(a.analysed) })}</li>
                    </ol>
                  </li>
                ))}
              </ul>
            </>
          )}
        </li>
      </ol>
    </section>
  );
}

function Attrition({ o }: { o: StudyOverview }) {
  const f = useFormat();
  const { t } = f;
  if (o.consort.arms.length === 0) return null;
  return (
    <section aria-labelledby="attrition-heading" className="app-study__section">
      <Heading level={2} id="attrition-heading">
        {t('studies.attritionTitle')}
      </Heading>
      <Table id="attrition-table" caption={t('studies.attritionCaption')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('studies.arm')}</TableHeaderCell>
            <TableHeaderCell numeric>{t('studies.allocated')}</TableHeaderCell>
            <TableHeaderCell numeric>{t('studies.lost')}</TableHeaderCell>
            <TableHeaderCell numeric>{t('studies.lostShare')}</TableHeaderCell>
            <TableHeaderCell numeric>{t('studies.followed')}</TableHeaderCell>
            <TableHeaderCell numeric>{t('studies.analysed')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {o.consort.arms.map((a) => (
            <TableRow key={a.key}>
              <TableHeaderCell scope="row">{a.name}</TableHeaderCell>
              <TableCell numeric>{f.n(a.allocated)}</TableCell>
              <TableCell numeric>{f.n(a.lostToFollowUp)}</TableCell>
              <TableCell numeric>{f.pct(a.allocated ? a.lostToFollowUp / a.allocated : null)}</TableCell>
              <TableCell numeric>{f.n(a.followedUp)}</TableCell>
              <TableCell numeric>{f.n(a.analysed)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <p className="utrecht-paragraph utrecht-paragraph--small app-muted">{t('studies.attritionNote')}</p>
    </section>
  );
}

function levelLabel(t: ReturnType<typeof useFormat>['t'], variable: string, level: string): string {
  if (variable === 'area') return level;
  if (variable === 'ageGroup') return t('studies.level.years', { range: level.replace('-', '–') });
  return t(`studies.level.${level}`, { defaultValue: level });
}

function Balance({ o }: { o: StudyOverview }) {
  const f = useFormat();
  const { t } = f;
  if (o.balance.length === 0) return null;
  const min = o.minimumCellSize;
  return (
    <section aria-labelledby="balance-heading" className="app-study__section">
      <Heading level={2} id="balance-heading">
        {t('studies.balanceTitle')}
      </Heading>
      <p className="utrecht-paragraph">{t('studies.balanceIntro', { min })}</p>
      {o.balance.map((b) => (
        <Table key={b.variable} id={`balance-${b.variable}`} caption={t('studies.balanceCaption', { variable: t(`studies.variable.${b.variable}`) })}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t(`studies.variable.${b.variable}`)}</TableHeaderCell>
              {o.consort.arms.map((a) => (
                <TableHeaderCell key={a.key} numeric>
                  {a.name}
                </TableHeaderCell>
              ))}
              <TableHeaderCell numeric>{t('studies.total')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {b.levels.map((l) => (
              <TableRow key={l.level}>
                <TableHeaderCell scope="row">{levelLabel(t, b.variable, l.level)}</TableHeaderCell>
                {l.arms.map((c) => (
                  <TableCell key={c.key} numeric>
                    <Count value={c.n} min={min} />
                    {c.share !== null && <span className="app-muted"> ({f.pct(c.share)})</span>}
                  </TableCell>
                ))}
                <TableCell numeric>
                  <Count value={l.total} min={min} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ))}
    </section>
  );
}

type Effect = StudyAnalysis['unadjusted'][number];

function forestPlot(rows: Array<Effect & { label: string; model: 'unadjusted' | 'adjusted'; text: string }>, ariaLabel: string): SVGSVGElement | HTMLElement {
  const lo = Math.min(0, ...rows.map((r) => r.ciLow));
  const hi = Math.max(0, ...rows.map((r) => r.ciHigh));
  const pad = (hi - lo) * 0.05 || 0.05;
  return Plot.plot({
    ariaLabel,
    width: 760,
    height: 44 * rows.length + 50,
    marginLeft: 300,
    marginRight: 20,
    style: { fontSize: '14px', color: '#1a1a1a', background: 'transparent' },
    x: { label: null, grid: true, domain: [lo - pad, hi + pad] },
    y: { label: null, domain: rows.map((r) => r.label) },
    marks: [
      Plot.ruleX([0], { stroke: '#1a1a1a', strokeWidth: 2 }),
      Plot.ruleY(rows.filter((r) => r.model === 'unadjusted'), { y: 'label', x1: 'ciLow', x2: 'ciHigh', stroke: '#0b5fa5', strokeWidth: 3 }),
      Plot.ruleY(rows.filter((r) => r.model === 'adjusted'), { y: 'label', x1: 'ciLow', x2: 'ciHigh', stroke: '#0b5fa5', strokeWidth: 3, strokeDasharray: '6,4' }),
      Plot.dot(rows, { x: 'estimate', y: 'label', symbol: (d: { model: string }) => (d.model === 'adjusted' ? 'square' : 'circle'), r: 6, fill: '#0b5fa5', stroke: '#ffffff' }),
      Plot.text(rows, { x: 'estimate', y: 'label', text: 'text', dy: -14, fill: '#1a1a1a', fontWeight: 'bold' }),
    ],
  });
}

function Forest({ a }: { a: StudyAnalysis }) {
  const f = useFormat();
  const { t } = f;
  const ref = useRef<HTMLElement>(null);
  const name = (key: string) => a.arms.find((x) => x.key === key)?.name ?? key;
  const rows = [
    ...a.unadjusted.map((e) => ({ ...e, model: 'unadjusted' as const, label: `${name(e.armKey)} — ${t('studies.unadjusted').toLowerCase()}` })),
    ...a.adjusted.map((e) => ({ ...e, model: 'adjusted' as const, label: `${name(e.armKey)} — ${t('studies.adjusted').toLowerCase()}` })),
  ]
    .sort((x, y) => (x.armKey < y.armKey ? -1 : x.armKey > y.armKey ? 1 : x.model === 'unadjusted' ? -1 : 1))
    .map((r) => ({ ...r, text: f.signed(r.estimate) }));
  const title = t('studies.forestLabel');
  useEffect(() => {
    if (!ref.current || rows.length === 0) return;
    const el = forestPlot(rows, title);
    // One accessible image (as the programme charts): the parts unlabelled, the values in the summary and the table.
    const svg = el instanceof SVGSVGElement ? el : el.querySelector('svg');
    for (const part of Array.from(el.querySelectorAll('[aria-label], [aria-description]'))) {
      if (part === svg) continue;
      part.removeAttribute('aria-label');
      part.removeAttribute('aria-description');
    }
    if (svg) {
      svg.setAttribute('role', 'img');
      svg.setAttribute('aria-label', title);
    }
    ref.current.replaceChildren(el);
    return () => el.remove();
  });
  const summary = a.unadjusted
    .map((e) => {
      const clear = e.ciLow > 0 || e.ciHigh < 0;
      return `${t('studies.summaryArm', { arm: name(e.armKey), estimate: f.signed(e.estimate), low: f.signed(e.ciLow), high: f.signed(e.ciHigh), p: f.p(e.p) })} ${clear ? t('studies.summaryClear') : t('studies.summaryUnclear')}`;
    })
    .join(' ');
  return (
    <>
      <p className="utrecht-paragraph" id="forest-summary">
        {summary}
      </p>
      <div className="app-study__result">
        <figure ref={ref} className="app-study__forest" aria-describedby="forest-summary forest-legend" />
        <div>
          <p className="utrecht-paragraph utrecht-paragraph--small" id="forest-legend">
            {t('studies.legend')}
          </p>
          <Table id="result-table" caption={t('studies.resultCaption')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('studies.arm')}</TableHeaderCell>
                <TableHeaderCell>{t('studies.model')}</TableHeaderCell>
                <TableHeaderCell numeric>{t('studies.estimate')}</TableHeaderCell>
                <TableHeaderCell numeric>{t('studies.ci')}</TableHeaderCell>
                <TableHeaderCell numeric>{t('studies.p')}</TableHeaderCell>
                <TableHeaderCell numeric>{t('studies.n')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={`${r.armKey}-${r.model}`}>
                  <TableHeaderCell scope="row">{name(r.armKey)}</TableHeaderCell>
                  <TableCell>{t(`studies.${r.model}`)}</TableCell>
                  <TableCell numeric>{f.signed(r.estimate)}</TableCell>
                  <TableCell numeric>
                    {f.signed(r.ciLow)} – {f.signed(r.ciHigh)}
                  </TableCell>
                  <TableCell numeric>{f.p(r.p)}</TableCell>
                  <TableCell numeric>{f.n(r.n)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </div>
    </>
  );
}

function Result({ s }: { s: Study }) {
  const f = useFormat();
  const { t } = f;
  const [search, setSearch] = useSearchParams();
  const outcome = (search.get('uitkomst') as StudyOutcome | null) ?? s.primaryOutcome;
  const se = search.get('se') === 'HC3' ? 'HC3' : 'HC2';
  const [chosen, setChosen] = useState({ outcome, se });
  const analysis = useQuery({ queryKey: ['study', s.id, 'analysis', outcome, se], queryFn: () => analyseStudy(s.id, { outcome, se }), retry: false, enabled: s.status !== 'enrolling' });
  const onShow = (e: FormEvent) => {
    e.preventDefault();
    setSearch({ uitkomst: chosen.outcome, se: chosen.se });
  };
  const outcomes = [s.primaryOutcome, ...s.secondaryOutcomes];
  return (
    <section aria-labelledby="result-heading" className="app-study__section" id="resultaat">
      <Heading level={2} id="result-heading">
        {t('studies.resultTitle')}
      </Heading>
      {s.status === 'enrolling' ? (
        <p className="utrecht-paragraph">{t('studies.analysisAfterLottery')}</p>
      ) : (
        <>
          <form className="app-form app-study__filter" onSubmit={onShow} aria-label={t('studies.resultTitle')}>
            <div className="app-form-row">
              <SelectField id="study-outcome" label={t('studies.outcomeLabel')} options={outcomes.map((o) => ({ value: o, label: t(`studies.outcome.${o}`) }))} value={chosen.outcome} onChange={(e) => setChosen({ ...chosen, outcome: e.target.value as StudyOutcome })} />
              <SelectField id="study-se" label={t('studies.seLabel')} options={[{ value: 'HC2', label: 'HC2' }, { value: 'HC3', label: 'HC3' }]} value={chosen.se} onChange={(e) => setChosen({ ...chosen, se: e.target.value as 'HC2' | 'HC3' })} />
              <Button type="submit" appearance="secondary" className="app-study__apply">
                {t('studies.show')}
              </Button>
            </div>
          </form>
          <p className="utrecht-paragraph">{t('studies.resultIntro', { outcome: t(`studies.outcome.${outcome}`).toLowerCase(), se })}</p>
          {analysis.isPending ? (
            <LoadingState />
          ) : analysis.error ? (
            <ErrorState error={analysis.error} />
          ) : (
            <>
              {analysis.data.unadjusted.length > 0 ? <Forest a={analysis.data} /> : <p className="utrecht-paragraph">{t('studies.notEstimable', { reason: analysis.data.problem ?? '' })}</p>}
              <Table id="means-table" caption={t('studies.meansCaption')}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t('studies.arm')}</TableHeaderCell>
                    <TableHeaderCell numeric>{t('studies.n')}</TableHeaderCell>
                    <TableHeaderCell numeric>{t('studies.mean')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {analysis.data.arms.map((a) => (
                    <TableRow key={a.key}>
                      <TableHeaderCell scope="row">{a.name}</TableHeaderCell>
                      <TableCell numeric>{f.n(a.n)}</TableCell>
                      <TableCell numeric>{a.mean === null ? '—' : f.num(a.mean)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )}
        </>
      )}
    </section>
  );
}

export function StudyPage() {
  const { t } = useTranslation();
  const session = useSession();
  const { id = '' } = useParams();
  const study = useQuery({ queryKey: ['study', id], queryFn: () => getStudy(id), retry: false });
  const overview = useQuery({ queryKey: ['study', id, 'overview'], queryFn: () => getStudyOverview(id), retry: false });
  useDocumentTitle(study.data?.name ?? t('studies.title'));
  if (study.isPending || overview.isPending) return <LoadingState />;
  if (study.error || !study.data) return <ErrorState error={study.error} />;
  if (overview.error || !overview.data) return <ErrorState error={overview.error} />;
  const s = study.data;
  return (
    <div className="app-study">
      <Heading level={1}>{s.name}</Heading>
      <Design s={s} />
      <Flow o={overview.data} />
      <Attrition o={overview.data} />
      <Balance o={overview.data} />
      {hasPermission(session, 'studies:analyse') && <Result s={s} />}
      {hasPermission(session, 'studies:export') && s.status !== 'enrolling' && (
        <section aria-labelledby="export-heading" className="app-study__section">
          <Heading level={2} id="export-heading">
            {t('studies.exportTitle')}
          </Heading>
          <p className="utrecht-paragraph">{t('studies.exportIntro')}</p>
          <p className="utrecht-paragraph">
            <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href={studyDatasetUrl(s.id)} download={`studie-${s.id}.json`}>
              {t('studies.exportLink')}
            </a>
          </p>
        </section>
      )}
    </div>
  );
}
