import { useQuery } from '@tanstack/react-query';
import { useCallback, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { listAreas } from '../../api/organisation.api.ts';
import { dashboardCsvUrl, dashboardXlsxUrl, getDashboard, reportPdfUrl, type ProgrammeDashboard } from '../../api/programmes.api.ts';
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
import { barPlot, ChartCard, linePlot, type Bar } from './Chart.tsx';
import './programmes.css';

// The policy officer's programme dashboard (issue 12): progress to the goal against the baseline, by wijk and group,
// contact and plans, costs and KPIs per action line. Aggregates only; a hidden cell says so. Every chart has a text
// summary and switches to its table; the whole view exports as CSV and XLSX, and the council report as PDF.

function useFormat() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return {
    t,
    locale,
    n: (v: number) => v.toLocaleString(locale),
    pct: (v: number | null) => (v === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(v)),
    euro: (cents: number | null) => (cents === null ? '—' : new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(cents / 100)),
    month: (ym: string) => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${ym}-01T00:00:00Z`)),
  };
}

function Count({ value }: { value: number | null }) {
  const { t, n } = useFormat();
  if (value !== null) return <>{n(value)}</>;
  return (
    <span className="app-prog__suppressed">
      <span aria-hidden="true">{t('programmes.suppressed')}</span>
      <span className="app-visually-hidden">{t('programmes.suppressedLong')}</span>
    </span>
  );
}

function BarsTable({ id, caption, head, rows, total }: { id: string; caption: string; head: string; rows: Bar[]; total?: number | null }) {
  const { t } = useFormat();
  return (
    <Table id={id} caption={caption}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{head}</TableHeaderCell>
          <TableHeaderCell numeric>{t('programmes.outflow')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.label}>
            <TableHeaderCell scope="row">{r.label}</TableHeaderCell>
            <TableCell numeric>
              <Count value={r.value} />
            </TableCell>
          </TableRow>
        ))}
        {total !== undefined && (
          <TableRow>
            <TableHeaderCell scope="row">{t('programmes.total')}</TableHeaderCell>
            <TableCell numeric>
              <Count value={total} />
            </TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}

function barsSummary(f: ReturnType<typeof useFormat>, title: string, rows: Bar[]): string {
  const shown = rows.filter((r) => r.value !== null).sort((a, b) => b.value! - a.value!);
  if (shown.length === 0) return f.t('programmes.allSuppressed', { title });
  const hidden = rows.length - shown.length;
  return f.t('programmes.barsSummary', { title, top: shown[0]!.label, value: f.n(shown[0]!.value!), count: shown.length }) + (hidden > 0 ? ` ${f.t('programmes.hiddenCount', { count: hidden })}` : '');
}

function ProgressCard({ d }: { d: ProgrammeDashboard }) {
  const f = useFormat();
  const { t } = f;
  const { locale } = f;
  const plot = useCallback(() => {
    const lines = [
      { key: 'outflow', label: t('programmes.lineOutflow'), points: d.progress.points.map((p) => ({ month: p.month, value: p.outflow })), dashed: false, symbol: 'circle' as const, color: '#0b5fa5' },
      ...(d.progress.baseline !== null
        ? [{ key: 'baseline', label: t('programmes.lineBaseline'), points: d.progress.points.map((p) => ({ month: p.month, value: p.baseline })), dashed: true, symbol: 'square' as const, color: '#595959' }]
        : []),
    ];
    return linePlot(lines, t('programmes.progressTitle'), locale);
  }, [d, locale, t]);
  return (
    <ChartCard
      id="voortgang"
      title={t('programmes.progressTitle')}
      summary={d.summary}
      plot={plot}
      table={
        <Table id="voortgang-table" caption={t('programmes.progressCaption')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('programmes.month')}</TableHeaderCell>
              <TableHeaderCell numeric>{t('programmes.lineOutflow')}</TableHeaderCell>
              {d.progress.baseline !== null && <TableHeaderCell numeric>{t('programmes.lineBaseline')}</TableHeaderCell>}
              {d.progress.baseline !== null && <TableHeaderCell numeric>{t('programmes.extra')}</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {d.progress.points.map((p) => (
              <TableRow key={p.month}>
                <TableHeaderCell scope="row">{f.month(p.month)}</TableHeaderCell>
                <TableCell numeric>
                  <Count value={p.outflow} />
                </TableCell>
                {p.baseline !== null && <TableCell numeric>{f.n(p.baseline)}</TableCell>}
                {p.baseline !== null && (
                  <TableCell numeric>
                    <Count value={p.extra} />
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      }
    />
  );
}

function BarsCard({ id, title, head, rows, total }: { id: string; title: string; head: string; rows: Bar[]; total: number | null }) {
  const f = useFormat();
  const { t, locale } = f;
  const plot = useCallback(() => barPlot(rows, t('programmes.suppressed'), title, locale), [rows, title, t, locale]);
  return <ChartCard id={id} title={title} summary={barsSummary(f, title, rows)} plot={plot} table={<BarsTable id={`${id}-table`} caption={t('programmes.tableCaption', { title })} head={head} rows={rows} total={total} />} />;
}

function KeyFigures({ d }: { d: ProgrammeDashboard }) {
  const f = useFormat();
  const { t } = f;
  const items = [
    { key: 'outflow', label: t('programmes.kf.outflow'), value: <Count value={d.progress.outflow} /> },
    d.progress.baseline !== null && { key: 'baseline', label: t('programmes.kf.baseline'), value: f.n(d.progress.baseline) },
    d.progress.baseline !== null && { key: 'extra', label: t('programmes.kf.extra', { goal: f.n(d.progress.goalExtra) }), value: <><Count value={d.progress.extra} />{d.progress.shareOfGoal !== null && ` (${f.pct(d.progress.shareOfGoal)})`}</> },
    { key: 'returns', label: t('programmes.kf.returns'), value: <Count value={d.progress.returns} /> },
    { key: 'budget', label: t('programmes.kf.budget'), value: `${f.euro(d.costs.spentCents)} / ${f.euro(d.costs.budgetCents)}` },
    d.area === null && { key: 'cost', label: t('programmes.kf.costPerExtra'), value: f.euro(d.costs.costPerExtraOutflowCents) },
    d.area === null && { key: 'costAll', label: t('programmes.kf.costPerOutflow'), value: f.euro(d.costs.costPerOutflowCents) },
  ];
  return <DataList items={items} className="app-prog__figures" />;
}

function ContactFigures({ d }: { d: ProgrammeDashboard }) {
  const f = useFormat();
  const { t } = f;
  const c = d.contact;
  const withShare = (v: number | null, share: number | null): ReactNode => (
    <>
      <Count value={v} />
      {share !== null && ` (${f.pct(share)})`}
    </>
  );
  return (
    <section aria-labelledby="contact-heading" className="app-prog__section">
      <Heading level={2} id="contact-heading">
        {t('programmes.contactTitle', { month: f.month(c.month) })}
      </Heading>
      <DataList
        items={[
          { key: 'pop', label: t('programmes.contact.population'), value: <Count value={c.population} /> },
          { key: 'contacted', label: t('programmes.contact.contacted'), value: withShare(c.contacted, c.contactedShare) },
          { key: 'freq', label: t('programmes.contact.frequency'), value: c.contactMomentsPerResident === null ? t('programmes.suppressed') : c.contactMomentsPerResident.toLocaleString(f.locale) },
          { key: 'cp', label: t('programmes.contact.fixedContactPerson'), value: withShare(c.withContactPerson, c.withContactPersonShare) },
          { key: 'plan', label: t('programmes.contact.withPlan'), value: withShare(c.withPlan, c.withPlanShare) },
        ]}
      />
    </section>
  );
}

function ActionLines({ d }: { d: ProgrammeDashboard }) {
  const f = useFormat();
  const { t } = f;
  return (
    <section aria-labelledby="lines-heading" className="app-prog__section">
      <Heading level={2} id="lines-heading">
        {t('programmes.linesTitle')}
      </Heading>
      {d.actionLines.map((l) => (
        <Table key={l.id} id={`line-${l.kind}`} className="app-kpi-table" caption={`${l.name} — ${t('programmes.budgetSpent', { spent: f.euro(l.spentCents), budget: f.euro(l.budgetCents) })}`}>
          {/* On a phone every KPI stacks into a block of its own (programmes.css); the explicit roles keep it a table
              for assistive technology when CSS changes the display of its parts. */}
          <TableHeader>
            <TableRow role="row">
              <TableHeaderCell role="columnheader">{t('programmes.kpi')}</TableHeaderCell>
              <TableHeaderCell role="columnheader" numeric>{t('programmes.value')}</TableHeaderCell>
              <TableHeaderCell role="columnheader" numeric>{t('programmes.of')}</TableHeaderCell>
              <TableHeaderCell role="columnheader" numeric>{t('programmes.share')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {l.kpis.map((k) => (
              <TableRow key={k.key} role="row">
                <TableHeaderCell role="rowheader" scope="row">{k.key.startsWith('agreement:') ? t('programmes.agreement', { label: k.label }) : t(`programmes.kpis.${k.key}`, { defaultValue: k.label })}</TableHeaderCell>
                <TableCell role="cell" numeric data-label={t('programmes.value')}>
                  <Count value={k.value} />
                </TableCell>
                <TableCell role="cell" numeric data-label={t('programmes.of')} data-empty={k.base === null || undefined}>{k.base === null ? '—' : f.n(k.base)}</TableCell>
                <TableCell role="cell" numeric data-label={t('programmes.share')} data-empty={k.share === null || undefined}>{f.pct(k.share)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ))}
    </section>
  );
}

export function ProgrammeDashboardPage() {
  const f = useFormat();
  const { t } = f;
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const areaId = search.get('wijk') ?? undefined;
  const [chosen, setChosen] = useState(areaId ?? '');
  const areas = useQuery({ queryKey: ['areas'], queryFn: listAreas });
  const dash = useQuery({ queryKey: ['programme', id, 'dashboard', areaId ?? null], queryFn: () => getDashboard(id, areaId ? { areaId } : {}), retry: false });
  const d = dash.data;
  useDocumentTitle(d ? `${d.programme.name}${d.area ? ` — ${d.area.name}` : ''}` : t('programmes.title'));

  const onFilter = (e: FormEvent) => {
    e.preventDefault();
    setSearch(chosen ? { wijk: chosen } : {});
  };

  if (dash.isPending) return <LoadingState />;
  if (dash.error || !d) return <ErrorState error={dash.error} />;
  const areaBars = d.byArea.rows.map((r) => ({ label: r.label, value: r.value }));
  return (
    <div className="app-prog">
      <Heading level={1}>{d.programme.name}</Heading>
      <p className="utrecht-paragraph app-muted">
        {t('programmes.period', { from: f.month(d.from), to: f.month(d.to) })}{' '}
        {d.frozenAt ? t('programmes.frozen', { date: formatDate(d.frozenAt, f.locale) }) : d.refreshedAt ? t('programmes.refreshed', { date: formatDate(d.refreshedAt, f.locale) }) : ''}
      </p>
      <form className="app-form app-prog__filter" onSubmit={onFilter} aria-label={t('programmes.filterLabel')}>
        <div className="app-form-row">
          <SelectField
            id="prog-area"
            label={t('programmes.area')}
            emptyOption={t('programmes.allAreas')}
            options={(areas.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
            value={chosen}
            onChange={(e) => setChosen(e.target.value)}
          />
          <Button type="submit" appearance="secondary" className="app-prog__apply">
            {t('programmes.apply')}
          </Button>
        </div>
      </form>
      <p className="utrecht-paragraph app-prog__downloads">
        <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={dashboardXlsxUrl(id, areaId)} download>
          {t('programmes.exportXlsx')}
        </a>{' '}
        <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={dashboardCsvUrl(id, areaId)} download>
          {t('programmes.exportCsv')}
        </a>{' '}
        <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href={reportPdfUrl(id)} download>
          {t('programmes.reportPdf')}
        </a>
      </p>
      <KeyFigures d={d} />
      <p className="utrecht-paragraph utrecht-paragraph--small app-muted">{t('programmes.suppressionNote', { min: d.minimumCellSize })}</p>
      <ProgressCard d={d} />
      {!d.area && <BarsCard id="per-wijk" title={t('programmes.byArea')} head={t('programmes.area')} rows={areaBars} total={d.byArea.total} />}
      {d.byGroup.map((g) => (
        <BarsCard
          key={g.dimension}
          id={`per-${g.dimension}`}
          title={t(`programmes.by.${g.dimension}`)}
          head={t(`programmes.dimension.${g.dimension}`)}
          rows={g.rows.map((r) => ({ label: t(`programmes.groups.${g.dimension}.${groupKey(r.key)}`, { defaultValue: r.label }), value: r.value }))}
          total={g.total}
        />
      ))}
      <ContactFigures d={d} />
      <ActionLines d={d} />
    </div>
  );
}

/** i18n keys may not hold "<" or "+": "<1" → under1, "5+" → from5, "1-2" → from1to2. */
export function groupKey(group: string): string {
  if (group.startsWith('<')) return `under${group.slice(1)}`;
  if (group.endsWith('+')) return `from${group.slice(0, -1)}`;
  const range = /^(\d+)-(\d+)$/.exec(group);
  return range ? `from${range[1]}to${range[2]}` : group;
}
