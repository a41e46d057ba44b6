import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { candidateStatuses } from '../../api/models.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Heading } from '../../components/Heading.tsx';
import { AppLink, ButtonLink } from '../../components/Links.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { ListTotal } from '../../components/ListTotal.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table.tsx';
import { oneOf } from '../../format/oneOf.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { useMirroredState } from '../../hooks/useMirroredState.ts';
import { useFormat } from '../employers/shared.tsx';
import { useVacancyList } from '../vacancies/useVacancies.ts';
import { CandidateStatusBadge } from './candidateText.tsx';
import { useCandidateList } from './useCandidates.ts';
import '../employers/employers.css';

const PAGE_SIZE = 25;

/** Kandidaten: anonymous candidates that werkmatchers proposed and the resident agreed to, per vacancy. */
export function CandidatesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('candidates.title'));
  const fmt = useFormat();
  const navigate = useNavigate();
  const location = useLocation();
  const [sp] = useSearchParams();
  const vacancyId = sp.get('vacature') ?? '';
  const status = sp.get('status') ?? '';
  const cursor = sp.get('cursor') ?? '';
  const stack = (location.state as { cursors?: string[] } | null)?.cursors ?? [];
  const list = useCandidateList({ vacancyId: vacancyId || undefined, status: oneOf(candidateStatuses, status), cursor: cursor || undefined, limit: PAGE_SIZE });
  const vacancies = useVacancyList({ status: undefined });
  const [vacancyValue, setVacancyValue] = useMirroredState(vacancyId);
  const [statusValue, setStatusValue] = useMirroredState(status);
  const go = (next: { vacancyId: string; status: string; cursor: string }, options: { cursors?: string[] } = {}) => {
    const s = new URLSearchParams();
    if (next.vacancyId) s.set('vacature', next.vacancyId);
    if (next.status) s.set('status', next.status);
    if (next.cursor) s.set('cursor', next.cursor);
    navigate({ pathname: location.pathname, search: s.toString() }, { state: options.cursors ? { cursors: options.cursors } : null });
  };
  const filtered = Boolean(vacancyId || status);
  const data = list.data;
  const page = cursor ? stack.length + 1 : 1;

  return (
    <>
      <Heading level={1}>{t('candidates.title')}</Heading>
      <Paragraph lead>{t('candidates.intro')}</Paragraph>

      <div className="app-filters app-filters--open">
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset app-filters__fieldset">
          <legend className="app-visually-hidden">{t('candidates.filters.legend')}</legend>
          <div className="app-filters__grid">
            <SelectField
              id="filter-vacancy"
              label={t('candidates.filters.vacancy')}
              emptyOption={t('candidates.filters.allVacancies')}
              options={(vacancies.data?.items ?? []).map((v) => ({ value: v.id, label: `${v.title} (${v.employer.name})` }))}
              value={vacancyValue}
              onChange={(e) => {
                setVacancyValue(e.target.value);
                go({ vacancyId: e.target.value, status, cursor: '' });
              }}
            />
            <SelectField
              id="filter-status"
              label={t('candidates.filters.status')}
              emptyOption={t('candidates.filters.allStatuses')}
              options={candidateStatuses.map((s) => ({ value: s, label: t(`candidates.status.${s}`) }))}
              value={statusValue}
              onChange={(e) => {
                setStatusValue(e.target.value);
                go({ vacancyId, status: e.target.value, cursor: '' });
              }}
            />
          </div>
        </fieldset>
        {filtered && (
          <div className="app-filters__footer">
            <Button appearance="subtle" onClick={() => go({ vacancyId: '', status: '', cursor: '' })}>
              {t('candidates.filters.clear')}
            </Button>
          </div>
        )}
      </div>

      <p className="utrecht-paragraph app-results" role="status">
        {data && (
          <ListTotal label={t('candidates.count', { count: data.total })} total={data.total} from={(page - 1) * PAGE_SIZE + 1} shown={data.items.length} />
        )}
        {list.isFetching && data && <span className="app-results__busy"> {t('candidates.searching')}</span>}
      </p>

      {list.isPending && <LoadingState />}
      {list.error && !data && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {data && data.items.length === 0 && (
        <div className="app-empty">
          {filtered ? (
            <>
              <Paragraph>{t('candidates.emptyFiltered')}</Paragraph>
              <Button appearance="secondary" onClick={() => go({ vacancyId: '', status: '', cursor: '' })}>
                {t('candidates.filters.clear')}
              </Button>
            </>
          ) : (
            <>
              <Paragraph>
                <strong>{t('candidates.emptyTitle')}</strong>
              </Paragraph>
              <Paragraph>{t('candidates.empty')}</Paragraph>
              <ButtonLink appearance="secondary" to="/vacatures">
                {t('candidates.emptyLink')}
              </ButtonLink>
            </>
          )}
        </div>
      )}
      {data && data.items.length > 0 && (
        <div aria-busy={list.isFetching || undefined}>
          <Table id="candidates-table" caption={t('candidates.caption')} captionHidden>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('candidates.columns.code')}</TableHeaderCell>
                <TableHeaderCell>{t('candidates.columns.vacancy')}</TableHeaderCell>
                <TableHeaderCell>{t('candidates.columns.status')}</TableHeaderCell>
                <TableHeaderCell numeric>{t('candidates.columns.score')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.items.map((c) => (
                <TableRow key={c.proposalId}>
                  <TableHeaderCell scope="row" className="app-row-header">
                    <AppLink to={`/kandidaten/${c.proposalId}`}>
                      <span className="app-visually-hidden">{t('candidates.candidate')} </span>
                      <span className="app-mono">{c.candidateCode}</span>
                    </AppLink>
                  </TableHeaderCell>
                  <TableCell>
                    <AppLink to={`/vacatures/${c.vacancy.id}`}>{c.vacancy.title}</AppLink>
                    <br />
                    <span className="app-muted">{c.vacancy.employer.name}</span>
                  </TableCell>
                  <TableCell>
                    <CandidateStatusBadge status={c.status} />
                  </TableCell>
                  <TableCell numeric>{t('candidates.scoreOf', { score: fmt.number(c.score) })}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Pagination
            label={t('candidates.pagination')}
            page={page}
            hasPrevious={Boolean(cursor)}
            hasNext={Boolean(data.next)}
            total={data.total}
            pageSize={PAGE_SIZE}
            onPrevious={() => go({ vacancyId, status, cursor: stack.at(-1) ?? '' }, { cursors: stack.slice(0, -1) })}
            onNext={() => data.next && go({ vacancyId, status, cursor: data.next }, { cursors: [...stack, cursor] })}
          />
        </div>
      )}
    </>
  );
}
