import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { type VacancyQuery, vacancyStatuses } from '../../api/models.ts';
import { hasPermission, useSession } from '../../auth/session.ts';
import { Button } from '../../components/Button.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Heading } from '../../components/Heading.tsx';
import { AppLink, ButtonLink } from '../../components/Links.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { ListTotal } from '../../components/ListTotal.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table.tsx';
import { TextField } from '../../components/TextField.tsx';
import { oneOf } from '../../format/oneOf.ts';
import { useDebouncedInput } from '../../hooks/useDebouncedInput.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { useMirroredState } from '../../hooks/useMirroredState.ts';
import { formatPostcode, useFormat } from '../employers/shared.tsx';
import { useEmployerList } from '../employers/useEmployers.ts';
import { SchoolHoursBadge, VacancyStatusBadge } from './badges.tsx';
import { useVacancyList } from './useVacancies.ts';
import '../employers/employers.css';

const PAGE_SIZE = 50;

interface Params {
  q: string;
  status: string; // '' = open (default), 'all', or a status
  employerId: string;
  schoolHours: boolean;
  cursor: string;
}

function parse(sp: URLSearchParams): Params {
  return {
    q: sp.get('q') ?? '',
    status: sp.get('status') ?? '',
    employerId: sp.get('werkgever') ?? '',
    schoolHours: sp.get('schooltijden') === 'ja',
    cursor: sp.get('cursor') ?? '',
  };
}

function toSearch(p: Params): string {
  const s = new URLSearchParams();
  if (p.q) s.set('q', p.q);
  if (p.status) s.set('status', p.status);
  if (p.employerId) s.set('werkgever', p.employerId);
  if (p.schoolHours) s.set('schooltijden', 'ja');
  if (p.cursor) s.set('cursor', p.cursor);
  return s.toString();
}

/** Vacatures: filter on status, employer and "alleen binnen schooltijden"; search on title. */
export function VacanciesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('vacancies.title'));
  const fmt = useFormat();
  const session = useSession();
  const canWrite = hasPermission(session, 'vacancies:write');
  const navigate = useNavigate();
  const location = useLocation();
  const [sp] = useSearchParams();
  const params = parse(sp);
  const stack = (location.state as { cursors?: string[] } | null)?.cursors ?? [];
  const query: VacancyQuery = {
    q: params.q || undefined,
    status: params.status === 'all' ? undefined : oneOf(vacancyStatuses, params.status || 'open'),
    employerId: params.employerId || undefined,
    schoolHours: params.schoolHours ? 'true' : undefined,
    cursor: params.cursor || undefined,
    limit: PAGE_SIZE,
  };
  const list = useVacancyList(query);
  const employers = useEmployerList('', '');
  const go = (next: Params, options: { replace?: boolean; cursors?: string[] } = {}) =>
    navigate({ pathname: location.pathname, search: toSearch(next) }, { replace: options.replace, state: options.cursors ? { cursors: options.cursors } : null });
  const change = (c: Partial<Params>, options?: { replace?: boolean }) => go({ ...params, ...c, cursor: '' }, options);
  const search = useDebouncedInput(params.q, (q, first) => change({ q }, { replace: !first }));
  const [status, setStatus] = useMirroredState(params.status || 'open');
  const [employerId, setEmployerId] = useMirroredState(params.employerId);
  const [schoolHours, setSchoolHours] = useMirroredState(params.schoolHours);
  const filtered = Boolean(params.q || (params.status && params.status !== 'open') || params.employerId || params.schoolHours);
  const clear = () => go({ q: '', status: '', employerId: '', schoolHours: false, cursor: '' });
  const data = list.data;
  const page = params.cursor ? stack.length + 1 : 1;

  return (
    <>
      <Heading level={1}>{t('vacancies.title')}</Heading>
      <Paragraph lead>{t('vacancies.intro')}</Paragraph>
      {canWrite && (
        <p className="utrecht-paragraph app-page-actions">
          <ButtonLink to="/vacatures/nieuw">{t('vacancies.create.link')}</ButtonLink>
        </p>
      )}

      <div className="app-filters app-filters--open">
        <form className="app-filters__search" role="search" aria-label={t('vacancies.filters.searchLandmark')} onSubmit={(e) => e.preventDefault()}>
          <TextField
            id="vacancies-search"
            type="search"
            label={t('vacancies.filters.search')}
            description={t('vacancies.filters.searchDescription')}
            autoComplete="off"
            value={search.value}
            onChange={(e) => search.setValue(e.target.value)}
            onBlur={search.endBurst}
          />
        </form>
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset app-filters__fieldset">
          <legend className="app-visually-hidden">{t('vacancies.filters.legend')}</legend>
          <div className="app-filters__grid">
            <SelectField
              id="filter-status"
              label={t('vacancies.filters.status')}
              options={[...vacancyStatuses.map((s) => ({ value: s, label: t(`vacancies.status.${s}`) })), { value: 'all', label: t('vacancies.filters.allStatuses') }]}
              value={status}
              onChange={(e) => {
                setStatus(e.target.value);
                change({ status: e.target.value === 'open' ? '' : e.target.value });
              }}
            />
            <SelectField
              id="filter-employer"
              label={t('vacancies.filters.employer')}
              emptyOption={t('vacancies.filters.allEmployers')}
              options={(employers.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
              value={employerId}
              onChange={(e) => {
                setEmployerId(e.target.value);
                change({ employerId: e.target.value });
              }}
            />
          </div>
        </fieldset>
        <div className="app-filters__footer">
          <CheckboxField
            id="filter-school-hours"
            label={t('vacancies.filters.schoolHours')}
            description={t('vacancies.filters.schoolHoursDescription')}
            checked={schoolHours}
            onChange={(e) => {
              setSchoolHours(e.target.checked);
              change({ schoolHours: e.target.checked });
            }}
          />
          {filtered && (
            <Button appearance="subtle" onClick={clear}>
              {t('vacancies.filters.clear')}
            </Button>
          )}
        </div>
      </div>

      <p className="utrecht-paragraph app-results" role="status">
        {data && (
          <ListTotal label={t('vacancies.count', { count: data.total })} total={data.total} from={(page - 1) * PAGE_SIZE + 1} shown={data.items.length} />
        )}
        {list.isFetching && data && <span className="app-results__busy"> {t('vacancies.searching')}</span>}
      </p>

      {list.isPending && <LoadingState />}
      {list.error && !data && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {data && data.items.length === 0 && (
        <div className="app-empty">
          <Paragraph>{filtered ? t('vacancies.emptyFiltered') : t(canWrite ? 'vacancies.emptyWrite' : 'vacancies.empty')}</Paragraph>
          {filtered && (
            <Button appearance="secondary" onClick={clear}>
              {t('vacancies.filters.clear')}
            </Button>
          )}
        </div>
      )}
      {data && data.items.length > 0 && (
        <div aria-busy={list.isFetching || undefined}>
          <Table id="vacancies-table" caption={t('vacancies.caption')} captionHidden>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('vacancies.columns.title')}</TableHeaderCell>
                <TableHeaderCell>{t('vacancies.columns.employer')}</TableHeaderCell>
                <TableHeaderCell>{t('vacancies.columns.occupation')}</TableHeaderCell>
                <TableHeaderCell numeric>{t('vacancies.columns.hours')}</TableHeaderCell>
                <TableHeaderCell>{t('vacancies.columns.place')}</TableHeaderCell>
                <TableHeaderCell>{t('vacancies.columns.status')}</TableHeaderCell>
                <TableHeaderCell>{t('vacancies.columns.closingDate')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.items.map((v) => (
                <TableRow key={v.id}>
                  <TableHeaderCell scope="row" className="app-row-header">
                    <AppLink to={`/vacatures/${v.id}`}>{v.title}</AppLink>
                    {/* Under the title rather than a column of its own that mostly said "no": the table fits at 1280 px. */}
                    {v.fitsSchoolHours && (
                      <span className="app-badges app-row-header__badges">
                        <SchoolHoursBadge />
                      </span>
                    )}
                  </TableHeaderCell>
                  <TableCell>
                    <AppLink to={`/werkgevers/${v.employer.id}`}>{v.employer.name}</AppLink>
                  </TableCell>
                  <TableCell>{v.occupation.label}</TableCell>
                  <TableCell numeric>{t('vacancies.hoursShort', { hours: fmt.number(v.hoursPerWeek) })}</TableCell>
                  <TableCell>{v.city ?? formatPostcode(v.postcode)}</TableCell>
                  <TableCell>
                    <VacancyStatusBadge status={v.status} />
                  </TableCell>
                  <TableCell>{v.closingDate ? fmt.shortDate(v.closingDate) : <span className="app-muted">{t('vacancies.noClosingDate')}</span>}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <p className="utrecht-paragraph utrecht-paragraph--small app-muted">{t('esco.attribution')}</p>
          <Pagination
            label={t('vacancies.pagination')}
            page={page}
            hasPrevious={Boolean(params.cursor)}
            hasNext={Boolean(data.next)}
            total={data.total}
            pageSize={PAGE_SIZE}
            onPrevious={() => go({ ...params, cursor: stack.at(-1) ?? '' }, { cursors: stack.slice(0, -1) })}
            onNext={() => data.next && go({ ...params, cursor: data.next }, { cursors: [...stack, params.cursor] })}
          />
        </div>
      )}
    </>
  );
}
