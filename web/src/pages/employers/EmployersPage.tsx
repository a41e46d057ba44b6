import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { hasPermission, useSession } from '../../auth/session.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Heading } from '../../components/Heading.tsx';
import { AppLink } from '../../components/Links.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { ListTotal } from '../../components/ListTotal.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useDebouncedInput } from '../../hooks/useDebouncedInput.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { AgreementProgress } from './AgreementProgress.tsx';
import { EmployerCreateForm } from './EmployerCreateForm.tsx';
import { focusLater, sortAgreements } from './shared.tsx';
import { EMPLOYER_PAGE_SIZE, useEmployerList } from './useEmployers.ts';
import './employers.css';

/** Werkgevers: search, sector, open vacancies and agreements with pledged vs realised placements. */
export function EmployersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('employers.title'));
  const session = useSession();
  const canWrite = hasPermission(session, 'employers:write');
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const cursor = params.get('cursor') ?? '';
  const stack = (location.state as { cursors?: string[] } | null)?.cursors ?? [];
  const list = useEmployerList(q, cursor);
  const [formOpen, setFormOpen] = useState(false);

  const go = (next: { q: string; cursor: string }, options: { replace?: boolean; cursors?: string[] } = {}) => {
    const search = new URLSearchParams();
    if (next.q) search.set('q', next.q);
    if (next.cursor) search.set('cursor', next.cursor);
    navigate({ pathname: location.pathname, search: search.toString() }, { replace: options.replace, state: options.cursors ? { cursors: options.cursors } : null });
  };
  const search = useDebouncedInput(q, (value, first) => go({ q: value, cursor: '' }, { replace: !first }));
  const data = list.data;
  const page = cursor ? stack.length + 1 : 1;

  return (
    <>
      <Heading level={1}>{t('employers.title')}</Heading>
      <Paragraph lead>{t('employers.intro')}</Paragraph>

      {canWrite && (
        <div className="app-subform">
          {!formOpen && (
            <Button id="employer-form-toggle" appearance="primary" aria-expanded={false} onClick={() => setFormOpen(true)}>
              {t('employers.create.title')}
            </Button>
          )}
          {formOpen && (
            <EmployerCreateForm
              onCancel={() => {
                setFormOpen(false);
                focusLater('employer-form-toggle');
              }}
            />
          )}
        </div>
      )}

      <form className="app-filters__search app-search-row" role="search" aria-label={t('employers.search.landmark')} onSubmit={(e) => e.preventDefault()}>
        <TextField
          id="employers-search"
          type="search"
          label={t('employers.search.label')}
          description={t('employers.search.description')}
          autoComplete="off"
          value={search.value}
          onChange={(e) => search.setValue(e.target.value)}
          onBlur={search.endBurst}
        />
      </form>

      <p className="utrecht-paragraph app-results" role="status">
        {data && (
          <ListTotal label={t('employers.count', { count: data.total })} total={data.total} from={(page - 1) * EMPLOYER_PAGE_SIZE + 1} shown={data.items.length} />
        )}
        {list.isFetching && data && <span className="app-results__busy"> {t('employers.searching')}</span>}
      </p>

      {list.isPending && <LoadingState />}
      {list.error && !data && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {data && data.items.length === 0 && (
        <div className="app-empty">
          <Paragraph>{q ? t('employers.emptySearch', { q }) : t('employers.empty')}</Paragraph>
          {q && (
            <Button appearance="secondary" onClick={() => go({ q: '', cursor: '' })}>
              {t('employers.search.clear')}
            </Button>
          )}
        </div>
      )}
      {data && data.items.length > 0 && (
        <div aria-busy={list.isFetching || undefined}>
          <Table id="employers-table" caption={t('employers.caption')} captionHidden>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('employers.columns.name')}</TableHeaderCell>
                <TableHeaderCell>{t('employers.columns.sector')}</TableHeaderCell>
                <TableHeaderCell numeric>{t('employers.columns.openVacancies')}</TableHeaderCell>
                <TableHeaderCell>{t('employers.columns.agreements')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.items.map((e) => (
                <TableRow key={e.id}>
                  <TableHeaderCell scope="row" className="app-row-header">
                    <AppLink to={`/werkgevers/${e.id}`}>{e.name}</AppLink>
                  </TableHeaderCell>
                  <TableCell>{e.sector}</TableCell>
                  <TableCell numeric>{e.openVacancies}</TableCell>
                  <TableCell>
                    {e.agreements.length === 0 ? (
                      <span className="app-muted">{t('employers.agreements.none')}</span>
                    ) : (
                      <ul className="app-agreement-list">
                        {sortAgreements(e.agreements).map((a) => (
                          <li key={a.id}>
                            <span className="app-agreement-list__title">{a.title}</span>
                            <AgreementProgress agreement={a} id={`list-agreement-${a.id}`} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Pagination
            label={t('employers.pagination')}
            page={page}
            hasPrevious={Boolean(cursor)}
            hasNext={Boolean(data.next)}
            total={data.total}
            pageSize={EMPLOYER_PAGE_SIZE}
            onPrevious={() => go({ q, cursor: stack.at(-1) ?? '' }, { cursors: stack.slice(0, -1) })}
            onNext={() => data.next && go({ q, cursor: data.next }, { cursors: [...stack, cursor] })}
          />
        </div>
      )}
    </>
  );
}
