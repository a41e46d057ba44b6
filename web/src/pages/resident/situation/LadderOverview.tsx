import { useState } from 'react';
import type { AssessmentHistory } from '../../../api/models.ts';
import { Button } from '../../../components/Button.tsx';
import { cx } from '../../../components/classNames.ts';
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../../../components/Table.tsx';
import { StepChart, TrendArrow } from './charts.tsx';
import { LADDER_MAX, ladderRungs, useSituationText } from './labels.ts';
import { OutdatedBadge } from './ZrmOverview.tsx';

/** Participatieladder: the current rung in words, the six rungs with the current one marked, and the history. */
export function LadderOverview({ history }: { history: AssessmentHistory }) {
  const text = useSituationText();
  const { t } = text;
  const [showTable, setShowTable] = useState(false);
  const ladder = history.trend.ladder;
  const latest = ladder.latest;
  const previous = ladder.points.length >= 2 ? ladder.points[ladder.points.length - 2] : undefined;
  const first = ladder.points[0];
  const last = ladder.points[ladder.points.length - 1];
  const scorers = new Map(history.items.map((a) => [a.scoredAt, a.scoredBy.displayName]));

  return (
    <div className="app-ladder-overview">
      <h3 className="utrecht-heading-3" id="ladder-heading">
        {t('situation.ladder.title')}
      </h3>
      {!latest ? (
        <div className="app-empty">
          <p className="utrecht-paragraph">{t('situation.ladder.empty')}</p>
        </div>
      ) : (
        <>
          <p className="utrecht-paragraph app-ladder__current">
            <strong>{text.rung(latest.rung, latest.label)}</strong>
          </p>
          <p className="utrecht-paragraph app-ladder__meta">
            <span>{t('situation.scoredOn', { date: text.date(latest.scoredAt) })}</span>
            {latest.outdated && <OutdatedBadge days={history.outdatedAfterDays} />}
            <span className={`app-trend app-trend--${ladder.direction}`}>
              <TrendArrow direction={ladder.direction} />
              <span>
                {text.trend(
                  ladder.direction,
                  previous ? t('situation.ladder.rungShort', { rung: previous.rung }) : undefined,
                )}
              </span>
            </span>
          </p>
          <div className="app-ladder__body">
            <ol className="app-ladder" aria-label={t('situation.ladder.rungsLabel')}>
              {[...ladderRungs].reverse().map((rung) => {
                const current = rung === latest.rung;
                return (
                  <li key={rung} className={cx('app-ladder__rung', current && 'app-ladder__rung--current')}>
                    <span className="app-ladder__number">{rung}</span>
                    <span className="app-ladder__label">{text.rungLabel(rung)}</span>
                    {current && (
                      <span className="app-ladder__marker">{t('situation.ladder.currentMarker')}</span>
                    )}
                  </li>
                );
              })}
            </ol>
            {ladder.points.length >= 2 && first && last && (
              <figure className="app-ladder__chart">
                <StepChart
                  points={ladder.points.map((p) => ({ at: p.scoredAt, value: p.rung }))}
                  min={1}
                  max={LADDER_MAX}
                  firstLabel={text.shortDate(first.scoredAt)}
                  lastLabel={text.shortDate(last.scoredAt)}
                  label={t('situation.ladder.chartLabel', {
                    values: ladder.points
                      .map((p) =>
                        t('situation.ladder.pointValue', { rung: p.rung, date: text.shortDate(p.scoredAt) }),
                      )
                      .join(', '),
                  })}
                />
                <figcaption className="app-cell-note">{t('situation.ladder.chartCaption')}</figcaption>
              </figure>
            )}
          </div>
          {ladder.points.length >= 1 && (
            <>
              <Button
                appearance="secondary"
                aria-expanded={showTable}
                aria-controls="ladder-history-region"
                onClick={() => setShowTable(!showTable)}
              >
                {showTable ? t('situation.ladder.hideTable') : t('situation.ladder.showTable')}
              </Button>
              {showTable && (
                <div id="ladder-history-region">
                  <Table
                    id="ladder-history"
                    caption={t('situation.ladder.tableCaption')}
                    className="app-situation-table"
                  >
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell>{t('situation.ladder.dateColumn')}</TableHeaderCell>
                        <TableHeaderCell>{t('situation.ladder.rungColumn')}</TableHeaderCell>
                        <TableHeaderCell>{t('situation.zrm.scoredBy')}</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {[...ladder.points].reverse().map((p, i) => (
                        <TableRow key={`${p.scoredAt}-${i}`}>
                          <TableHeaderCell scope="row" className="app-row-header">
                            {text.date(p.scoredAt)}
                          </TableHeaderCell>
                          <TableCell>{text.rung(p.rung)}</TableCell>
                          <TableCell>{scorers.get(p.scoredAt) ?? ''}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}
