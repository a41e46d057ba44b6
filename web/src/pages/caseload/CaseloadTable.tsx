import { useTranslation } from 'react-i18next';
import type { ResidentSort, ResidentSummary } from '../../api/models.ts';
import { AppLink } from '../../components/Links.tsx';
import { StatusBadge, type BadgeStatus } from '../../components/StatusBadge.tsx';
import { localeOf } from '../../i18n/index.ts';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table.tsx';
import { Unknown } from '../../components/Unknown.tsx';
import { ageBandKey } from '../../format/labels.ts';
import { LastContactCell } from './LastContactCell.tsx';
import { SortableHeaderCell, type SortableColumn } from './SortButton.tsx';

const SORT_NAME: SortableColumn = { ascending: 'name', descending: '-name' };
// Ascending months on benefit = the most recent start date first.
const SORT_MONTHS: SortableColumn = { ascending: '-benefitStart', descending: 'benefitStart' };
// Ascending last contact = the longest ago first: who needs attention.
const SORT_CONTACT: SortableColumn = { ascending: 'lastContact', descending: '-lastContact' };

const PLAN_BADGE: Record<NonNullable<ResidentSummary['planState']>, BadgeStatus> = {
  none: 'warning',
  draft: 'neutral',
  agreed: 'safe',
  changedSinceAgreement: 'warning',
};

/** The plan's state in words (colour is never the only signal). */
function PlanStateBadge({ state }: { state: NonNullable<ResidentSummary['planState']> }) {
  const { t } = useTranslation();
  return <StatusBadge status={PLAN_BADGE[state]}>{t(`caseloadColumns.planState.${state}`)}</StatusBadge>;
}

/**
 * Under the name: "Nieuw dossier" (file opened in the last 30 days), "Nieuw bij u" (assigned to the current
 * werkmatcher in the last 30 days), "Gesloten". Not a column of its own: for most residents none applies.
 */
function StatusBadges({ resident: r }: { resident: ResidentSummary }) {
  const { t } = useTranslation();
  const badges = [
    r.isNew === true && <StatusBadge key="new" status="active">{t('caseloadColumns.newFile')}</StatusBadge>,
    r.isNew !== true && r.newInCaseload === true && (
      <StatusBadge key="mine" status="active">{t('caseloadColumns.newInCaseload')}</StatusBadge>
    ),
    r.caseStatus === 'closed' && <StatusBadge key="closed" status="inactive">{t('caseload.status.closed')}</StatusBadge>,
  ].filter(Boolean);
  return badges.length > 0 ? <span className="app-badges app-row-header__badges">{badges}</span> : null;
}

/** "di 8 dec. 10:00": short, with the weekday, for the next meeting. */
function formatNextMeeting(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** Columns appear only when the server sent that field: what the viewer may not see is absent. */
function present(items: ResidentSummary[], key: keyof ResidentSummary): boolean {
  return items.some((item) => key in item);
}

interface Props {
  items: ResidentSummary[];
  normDays: number;
  sort: ResidentSort;
  onSort: (sort: ResidentSort) => void;
  caption: string;
  captionHidden?: boolean;
}

export function CaseloadTable({ items, normDays, sort, onSort, caption, captionHidden }: Props) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const show = {
    ageBand: present(items, 'ageBand'),
    months: present(items, 'monthsOnBenefit'),
    lastContact: present(items, 'daysSinceContact'),
    plan: present(items, 'planState'),
    nextMeeting: present(items, 'nextMeetingAt'),
  };

  return (
    <Table id="caseload-table" caption={caption} captionHidden={captionHidden} className="app-caseload-table">
      <TableHeader>
        <TableRow>
          <SortableHeaderCell label={t('caseload.columns.name')} column={SORT_NAME} sort={sort} onSort={onSort} />
          <TableHeaderCell>{t('caseload.columns.area')}</TableHeaderCell>
          {show.ageBand && <TableHeaderCell>{t('caseload.columns.ageBand')}</TableHeaderCell>}
          {show.months && (
            <SortableHeaderCell label={t('caseload.columns.months')} column={SORT_MONTHS} sort={sort} onSort={onSort} numeric />
          )}
          {show.lastContact && (
            <SortableHeaderCell label={t('caseload.columns.lastContact')} column={SORT_CONTACT} sort={sort} onSort={onSort} />
          )}
          {show.plan && <TableHeaderCell>{t('caseloadColumns.plan')}</TableHeaderCell>}
          {show.nextMeeting && <TableHeaderCell>{t('caseloadColumns.nextMeeting')}</TableHeaderCell>}
          <TableHeaderCell>{t('caseload.columns.contactPerson')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((r) => (
          <TableRow key={r.id}>
            <TableHeaderCell scope="row" className="app-row-header">
              <AppLink to={`/inwoners/${r.id}`}>{r.name}</AppLink>
              <StatusBadges resident={r} />
            </TableHeaderCell>
            <TableCell>{r.area.name}</TableCell>
            {show.ageBand && <TableCell>{r.ageBand ? t(`ageBand.${ageBandKey(r.ageBand)}`) : <Unknown />}</TableCell>}
            {show.months && (
              <TableCell numeric>
                {r.monthsOnBenefit === null || r.monthsOnBenefit === undefined ? <Unknown /> : r.monthsOnBenefit}
              </TableCell>
            )}
            {show.lastContact && (
              <TableCell>
                <LastContactCell resident={r} normDays={normDays} />
              </TableCell>
            )}
            {show.plan && (
              <TableCell>
                {r.planState ? <PlanStateBadge state={r.planState} /> : <Unknown />}
              </TableCell>
            )}
            {show.nextMeeting && (
              <TableCell>
                {r.nextMeetingAt ? (
                  <time dateTime={r.nextMeetingAt}>{formatNextMeeting(r.nextMeetingAt, locale)}</time>
                ) : (
                  <span className="app-muted">{t('caseloadColumns.noMeeting')}</span>
                )}
              </TableCell>
            )}
            <TableCell>{r.contactPerson ? r.contactPerson.displayName : <span className="app-muted">{t('contactPerson.none')}</span>}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
