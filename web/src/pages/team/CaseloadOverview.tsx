import { useTranslation } from 'react-i18next';
import type { TeamCaseload } from '../../api/models.ts';
import { Paragraph } from '../../components/Paragraph.tsx';
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../../components/Table.tsx';
import { BarChart, Swatch } from './charts.tsx';

/** Caseload per werkmatcher of one team: bar chart (active residents, of whom over the norm) and the same in a table. */
export function CaseloadOverview({
  team,
  normDays,
  showTeamName,
}: {
  team: TeamCaseload;
  normDays: number;
  showTeamName: boolean;
}) {
  const { t } = useTranslation();
  const rows = [
    ...team.members.map((m) => ({ key: m.staffUser.id, name: m.staffUser.displayName, figures: m })),
    ...(team.unassigned.activeResidents > 0
      ? [{ key: 'unassigned', name: t('team.caseloads.unassigned'), figures: team.unassigned }]
      : []),
  ];
  const max = Math.max(0, ...rows.map((r) => r.figures.activeResidents));
  const tableId = `caseloads-${team.team.id}`;
  const total = rows.reduce((n, r) => n + r.figures.activeResidents, 0);
  const over = rows.reduce((n, r) => n + r.figures.overContactNorm, 0);

  return (
    <div className="app-team-caseload">
      {showTeamName && <h3 className="utrecht-heading-3">{team.team.name}</h3>}
      <Paragraph>{t('team.caseloads.summary', { count: total, over, norm: normDays })}</Paragraph>
      {rows.length === 0 ? (
        <Paragraph className="app-empty">{t('team.caseloads.empty')}</Paragraph>
      ) : (
        <>
          <figure className="app-figure">
            <figcaption className="app-figure__caption">
              <span className="app-legend">
                <span className="app-legend__item">
                  <Swatch kind="value" /> {t('team.caseloads.legendActive')}
                </span>
                <span className="app-legend__item">
                  <Swatch kind="part" /> {t('team.caseloads.legendOver', { norm: normDays })}
                </span>
              </span>
            </figcaption>
            <BarChart
              label={t('team.caseloads.chartLabel', { team: team.team.name })}
              max={max}
              rows={rows.map((r) => ({
                key: r.key,
                label: r.name,
                value: r.figures.activeResidents,
                part: r.figures.overContactNorm,
                text: t('team.caseloads.barText', {
                  count: r.figures.activeResidents,
                  over: r.figures.overContactNorm,
                }),
              }))}
            />
          </figure>
          <Table id={tableId} caption={t('team.caseloads.tableCaption', { team: team.team.name })}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('team.caseloads.columns.staff')}</TableHeaderCell>
                <TableHeaderCell numeric>{t('team.caseloads.columns.active')}</TableHeaderCell>
                <TableHeaderCell numeric>
                  {t('team.caseloads.columns.over', { norm: normDays })}
                </TableHeaderCell>
                <TableHeaderCell numeric>{t('team.caseloads.columns.withoutPlan')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.key}>
                  <TableHeaderCell scope="row" className="app-row-header">
                    {r.name}
                  </TableHeaderCell>
                  <TableCell numeric>{r.figures.activeResidents}</TableCell>
                  <TableCell numeric className={r.figures.overContactNorm > 0 ? 'app-over-norm' : undefined}>
                    {r.figures.overContactNorm}
                  </TableCell>
                  <TableCell numeric>{r.figures.withoutPlan}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </div>
  );
}
