import { useState } from 'react';
import type { AssessmentHistory, ZrmDomainTrend } from '../../../api/models.ts';
import { Button } from '../../../components/Button.tsx';
import { StatusBadge } from '../../../components/StatusBadge.tsx';
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../../../components/Table.tsx';
import { Unknown } from '../../../components/Unknown.tsx';
import { ScoreBar, Sparkline, TrendArrow } from './charts.tsx';
import { useSituationText, type SituationText } from './labels.ts';

/** "Verouderd (ouder dan 30 dagen)": in words, not only a colour. */
export function OutdatedBadge({ days }: { days: number }) {
  const { t } = useSituationText();
  return (
    <StatusBadge status="warning" className="app-outdated">
      {t('situation.outdated', { days })}
    </StatusBadge>
  );
}

function DomainRow({
  trend,
  outdatedAfterDays,
  text,
}: {
  trend: ZrmDomainTrend;
  outdatedAfterDays: number;
  text: SituationText;
}) {
  const { t } = text;
  const name = text.domain(trend.domain, trend.label);
  const latest = trend.latest;
  if (!latest)
    return (
      <li className="app-zrm__row app-zrm__row--empty">
        <span className="app-zrm__domain">{name}</span>
        <span className="app-zrm__score app-muted">{t('situation.zrm.notScored')}</span>
      </li>
    );
  const previous = trend.points.length >= 2 ? trend.points[trend.points.length - 2] : undefined;
  const values = trend.points
    .map((p) => t('situation.zrm.pointValue', { score: p.score, date: text.shortDate(p.scoredAt) }))
    .join(', ');
  return (
    <li className="app-zrm__row">
      <span className="app-zrm__domain">{name}</span>
      <span className="app-zrm__score">
        <ScoreBar score={latest.score} />
        <span className="app-zrm__score-text">{text.score(latest.score, latest.scoreLabel)}</span>
      </span>
      <span className="app-zrm__when">
        <span className="app-visually-hidden">{t('situation.scoredOnPrefix')} </span>
        {text.date(latest.scoredAt)}
        {latest.outdated && (
          <>
            {' '}
            <OutdatedBadge days={outdatedAfterDays} />
          </>
        )}
      </span>
      <span className={`app-zrm__trend app-trend app-trend--${trend.direction}`}>
        <TrendArrow direction={trend.direction} />
        <span>{text.trend(trend.direction, previous ? String(previous.score) : undefined)}</span>
      </span>
      <span className="app-zrm__spark">
        {trend.points.length >= 2 && (
          <Sparkline
            points={trend.points.map((p) => ({ at: p.scoredAt, value: p.score }))}
            min={1}
            max={5}
            label={t('situation.zrm.sparklineLabel', { domain: name, values })}
          />
        )}
      </span>
    </li>
  );
}

/** Every scoring moment as a column (oldest first, like the charts), every domain as a row. */
function HistoryTable({ history, text }: { history: AssessmentHistory; text: SituationText }) {
  const { t } = text;
  const moments = [...history.items].reverse();
  return (
    <Table
      id="zrm-history"
      caption={t('situation.zrm.tableCaption')}
      className="app-zrm-table app-situation-table"
    >
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('situation.zrm.domainColumn')}</TableHeaderCell>
          {moments.map((m) => (
            <TableHeaderCell key={m.id}>
              {text.shortDate(m.scoredAt)}
              {m.outdated && (
                <span className="app-cell-note app-cell-note--plain">{t('situation.zrm.outdatedShort')}</span>
              )}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {history.trend.domains.map((d) => (
          <TableRow key={d.domain}>
            <TableHeaderCell scope="row" className="app-row-header">
              {text.domain(d.domain, d.label)}
            </TableHeaderCell>
            {moments.map((m) => {
              const s = m.scores.find((x) => x.domain === d.domain);
              return (
                <TableCell key={m.id}>
                  {s ? (
                    <>
                      <strong>{s.score}</strong>
                      <span className="app-cell-note">{text.scoreLabel(s.score, s.scoreLabel)}</span>
                    </>
                  ) : (
                    <Unknown />
                  )}
                </TableCell>
              );
            })}
          </TableRow>
        ))}
        <TableRow>
          <TableHeaderCell scope="row" className="app-row-header">
            {t('situation.ladder.title')}
          </TableHeaderCell>
          {moments.map((m) => (
            <TableCell key={m.id}>
              {m.ladderRung !== null ? (
                <>
                  <strong>{t('situation.ladder.rungShort', { rung: m.ladderRung })}</strong>
                  <span className="app-cell-note">
                    {text.rungLabel(m.ladderRung, m.ladderLabel ?? undefined)}
                  </span>
                </>
              ) : (
                <Unknown />
              )}
            </TableCell>
          ))}
        </TableRow>
        <TableRow>
          <TableHeaderCell scope="row" className="app-row-header">
            {t('situation.zrm.scoredBy')}
          </TableHeaderCell>
          {moments.map((m) => (
            <TableCell key={m.id}>{m.scoredBy.displayName}</TableCell>
          ))}
        </TableRow>
        <TableRow>
          <TableHeaderCell scope="row" className="app-row-header">
            {t('situation.zrm.note')}
          </TableHeaderCell>
          {moments.map((m) => (
            <TableCell key={m.id} className="app-prewrap app-zrm-table__note">
              {m.note ?? <Unknown />}
            </TableCell>
          ))}
        </TableRow>
      </TableBody>
    </Table>
  );
}

/** Zelfredzaamheid-Matrix: the latest score per domain as a bar with its label, date, outdated flag and trend. */
export function ZrmOverview({ history }: { history: AssessmentHistory }) {
  const text = useSituationText();
  const { t } = text;
  const [showTable, setShowTable] = useState(false);
  const latestWithScores = history.items.find((a) => a.scores.length > 0);
  const scoredCount = history.trend.domains.filter((d) => d.latest).length;

  return (
    <div className="app-zrm-overview">
      <h3 className="utrecht-heading-3" id="zrm-heading">
        {t('situation.zrm.title')}
      </h3>
      {!latestWithScores ? (
        <div className="app-empty">
          <p className="utrecht-paragraph">{t('situation.zrm.empty')}</p>
        </div>
      ) : (
        <>
          <p className="utrecht-paragraph">
            {t('situation.zrm.lastScored', {
              date: text.date(latestWithScores.scoredAt),
              name: latestWithScores.scoredBy.displayName,
            })}{' '}
            {t('situation.zrm.scoredDomains', { count: scoredCount, total: history.trend.domains.length })}
          </p>
          {latestWithScores.outdated && (
            <p className="utrecht-paragraph app-zrm__warning">
              <span className="app-zrm__warning-icon" aria-hidden="true">
                !
              </span>
              <span className="app-visually-hidden">{t('situation.attention')}: </span>
              {t('situation.zrm.outdatedWarning', { days: history.outdatedAfterDays })}
            </p>
          )}
          <p className="utrecht-paragraph app-muted">{t('situation.zrm.scale')}</p>
          <ul className="app-zrm" aria-labelledby="zrm-heading">
            {history.trend.domains.map((d) => (
              <DomainRow key={d.domain} trend={d} outdatedAfterDays={history.outdatedAfterDays} text={text} />
            ))}
          </ul>
          <Button
            appearance="secondary"
            aria-expanded={showTable}
            aria-controls="zrm-history-region"
            onClick={() => setShowTable(!showTable)}
          >
            {showTable ? t('situation.zrm.hideTable') : t('situation.zrm.showTable')}
          </Button>
          {showTable && (
            <div id="zrm-history-region">
              <HistoryTable history={history} text={text} />
            </div>
          )}
        </>
      )}
    </div>
  );
}
