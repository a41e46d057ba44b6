import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import type { ResidentSort } from '../api/models.ts';
import { hasPermission, useSession } from '../auth/session.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { Heading } from '../components/Heading.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { Pagination } from '../components/Pagination.tsx';
import { ListTotal } from '../components/ListTotal.tsx';
import { Paragraph } from '../components/Paragraph.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { CaseloadEmpty } from './caseload/CaseloadEmpty.tsx';
import { CaseloadFilters, type ParamsChange } from './caseload/CaseloadFilters.tsx';
import { CaseloadTable } from './caseload/CaseloadTable.tsx';
import { PAGE_SIZE, caseloadSearch, parseCaseloadParams, toListQuery, type CaseloadParams } from './caseload/caseloadParams.ts';
import { useAreas } from './caseload/useAreas.ts';
import { useResidents } from './caseload/useResidents.ts';

interface PageState {
  /** Cursors of the pages before this one: "Vorige" goes back along this stack. */
  cursors?: string[];
}

export function CaseloadPage() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('caseload.title'));
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const resultsRef = useRef<HTMLParagraphElement>(null);

  // A werkmatcher starts with her own residents; a teamleider or buurtteam professional with everyone in scope.
  const defaultMine = session.user.roles.includes('jobCoach');
  const params = parseCaseloadParams(searchParams, defaultMine);
  const stack = (location.state as PageState | null)?.cursors ?? [];
  const query = toListQuery(params);
  const residents = useResidents(query);
  const areas = useAreas(hasPermission(session, 'organisation:read'));

  const go = (next: CaseloadParams, options: { replace?: boolean; cursors?: string[] } = {}) => {
    navigate(
      { pathname: location.pathname, search: caseloadSearch(next, defaultMine).toString() },
      { replace: options.replace, state: options.cursors ? { cursors: options.cursors } : null },
    );
  };
  const onChange: ParamsChange = (change, options) => go({ ...params, ...change, cursor: '' }, options);
  const onSort = (sort: ResidentSort) => onChange({ sort });
  const toPage = (cursor: string, cursors: string[]) => {
    go({ ...params, cursor }, { cursors });
    resultsRef.current?.focus();
  };

  const clearFilters = () => go({ ...params, q: '', areaId: '', status: '', noContactDays: '', cursor: '' });
  const data = residents.data;
  // A buurtteam professional gets only name, wijk and contact person: filters on fields they cannot see would
  // only confuse, so they are left out (decided from what the server sent, not from the role).
  const restricted = Boolean(data && data.items.length > 0 && data.items.every((r) => !('daysSinceContact' in r)));
  const normDays = data?.contactNormDays ?? session.user.municipality.contactNormDays;
  const page = params.cursor ? stack.length + 1 : 1;
  const firstRow = (page - 1) * PAGE_SIZE + 1;

  return (
    <>
      <Heading level={1}>{t('caseload.title')}</Heading>
      <Paragraph lead>{restricted ? t('caseload.introShared') : t('caseload.intro', { norm: normDays })}</Paragraph>

      <CaseloadFilters
        params={params}
        areas={areas.data}
        onChange={onChange}
        restricted={restricted}
        onClear={clearFilters}
      />

      <p ref={resultsRef} tabIndex={-1} className="utrecht-paragraph app-results" role="status">
        {data && (
          <>
            <ListTotal label={t('caseload.count', { count: data.total })} total={data.total} from={firstRow} shown={data.items.length} />
          </>
        )}
        {residents.isFetching && data && <span className="app-results__busy"> {t('caseload.searching')}</span>}
      </p>

      {residents.isPending && <LoadingState />}
      {residents.error && !data && <ErrorState error={residents.error} onRetry={() => void residents.refetch()} />}
      {data && data.items.length === 0 && (
        <CaseloadEmpty params={params} onShowAll={() => onChange({ mine: false })} onClear={clearFilters} />
      )}
      {data && data.items.length > 0 && (
        <div aria-busy={residents.isFetching || undefined}>
          <p className="app-scroll-hint">{t('caseload.scrollHint')}</p>
          <CaseloadTable
            items={data.items}
            normDays={normDays}
            sort={params.sort}
            onSort={onSort}
            caption={t('caseload.caption', { page })}
            captionHidden
          />
          <Pagination
            label={t('caseload.pagination')}
            page={page}
            hasPrevious={Boolean(params.cursor)}
            hasNext={Boolean(data.next)}
            total={data.total}
            pageSize={PAGE_SIZE}
            onPrevious={() => toPage(stack.at(-1) ?? '', stack.slice(0, -1))}
            onNext={() => data.next && toPage(data.next, [...stack, params.cursor])}
          />
        </div>
      )}
    </>
  );
}
