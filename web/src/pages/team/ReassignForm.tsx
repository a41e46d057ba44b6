import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import type { PersonRef, ReassignmentResult } from '../../api/models.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ErrorSummary, type ErrorSummaryItem } from '../../components/ErrorSummary.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../../components/Table.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.ts';
import { useErrorText } from '../../hooks/useErrorText.ts';
import { fieldErrorsOf } from '../../hooks/useFieldErrors.ts';
import { LastContactCell } from '../caseload/LastContactCell.tsx';
import { useAreas } from '../caseload/useAreas.ts';
import { useResidents } from '../caseload/useResidents.ts';
import { useReassign } from './useTeam.ts';

const MIN_NOTE = 10;
const PAGE = 25;

/**
 * "Inwoners overdragen": search and tick residents (the selection survives new searches), choose the new werkmatcher
 * from the team, write the handover note. All or nothing on the server; errors sit next to their field.
 */
export function ReassignForm({ coaches, normDays }: { coaches: PersonRef[]; normDays: number }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [q, setQ] = useState('');
  const [areaId, setAreaId] = useState('');
  const [cursors, setCursors] = useState<string[]>([]);
  const [cursor, setCursor] = useState('');
  const [selected, setSelected] = useState<Map<string, string>>(new Map());
  const [toStaffUserId, setTo] = useState('');
  const [note, setNote] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<ReassignmentResult | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const debouncedQ = useDebouncedValue(q.trim(), 300);
  const areas = useAreas();
  const residents = useResidents({
    q: debouncedQ || undefined,
    areaId: areaId || undefined,
    contactPerson: 'any',
    // Only a resident with an active case has a contact person to hand over (not one who left the benefit).
    status: 'active',
    limit: PAGE,
    cursor: cursor || undefined,
    sort: 'lastContact',
  });
  const reassign = useReassign();
  const ids = [...selected.keys()];

  // Server errors: handoverNote, toStaffUserId, residentIds.N (named after the resident).
  const server = fieldErrorsOf(reassign.error);
  const residentErrors = Object.entries(server)
    .filter(([k]) => k.startsWith('residentIds.'))
    .map(([k, reason]) => `${selected.get(ids[Number(k.split('.')[1])] ?? '') ?? ''}: ${reason}`);
  const errors: Record<string, string> = {
    ...(server.handoverNote ? { handoverNote: server.handoverNote } : {}),
    ...(server.toStaffUserId ? { toStaffUserId: server.toStaffUserId } : {}),
    ...(residentErrors.length > 0 ? { residentIds: residentErrors.join(' ') } : {}),
    ...localErrors,
  };
  const notFound = isApiError(reassign.error, 404);
  const otherError = reassign.error && !notFound && Object.keys(server).length === 0 ? reassign.error : null;

  const labels: Record<string, string> = {
    residentIds: t('team.reassign.residents'),
    toStaffUserId: t('team.reassign.to'),
    handoverNote: t('team.reassign.note'),
  };
  const fieldIds: Record<string, string> = {
    residentIds: 'reassign-residents',
    toStaffUserId: 'reassign-to',
    handoverNote: 'reassign-note',
  };
  const summary: ErrorSummaryItem[] = Object.entries(errors).map(([k, message]) => ({
    fieldId: fieldIds[k] ?? k,
    label: labels[k] ?? k,
    message,
  }));

  const toggle = (id: string, name: string, on: boolean) => {
    const next = new Map(selected);
    if (on) next.set(id, name);
    else next.delete(id);
    setSelected(next);
    setDone(null);
  };
  const resetPaging = () => {
    setCursor('');
    setCursors([]);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (ids.length === 0) missing.residentIds = t('team.reassign.errors.residents');
    if (!toStaffUserId) missing.toStaffUserId = t('team.reassign.errors.to');
    if (note.trim().length < MIN_NOTE)
      missing.handoverNote = t('team.reassign.errors.note', { min: MIN_NOTE });
    setLocalErrors(missing);
    if (Object.keys(missing).length > 0) return;
    reassign.mutate(
      { residentIds: ids, toStaffUserId, handoverNote: note.trim() },
      {
        onSuccess: (result) => {
          setDone(result);
          setSelected(new Map());
          setNote('');
          setTo('');
          window.setTimeout(() => doneRef.current?.focus(), 0);
        },
      },
    );
  };

  const data = residents.data;
  const page = cursors.length + 1;

  return (
    <form className="app-form app-reassign" onSubmit={onSubmit} noValidate aria-labelledby="reassign-heading">
      {done && (
        <div ref={doneRef} tabIndex={-1} className="app-focus-target">
          <Alert
            type="ok"
            live="status"
            title={t('team.reassign.done', { count: done.reassigned, name: done.toStaffUser.displayName })}
          >
            <Paragraph>{t('team.reassign.doneDetail')}</Paragraph>
          </Alert>
        </div>
      )}
      <ErrorSummary items={summary} id="reassign-errors-title" />
      {notFound && (
        <Alert type="error" live="alert" title={t('team.reassign.failed')}>
          <Paragraph>{t('team.reassign.notFound')}</Paragraph>
        </Alert>
      )}
      {otherError && (
        <Alert type="error" live="alert" title={t('team.reassign.failed')}>
          <Paragraph>{errorText(otherError)}</Paragraph>
        </Alert>
      )}

      <fieldset
        className="app-fieldset"
        aria-describedby={errors.residentIds ? 'reassign-residents-error' : undefined}
      >
        <legend>{t('team.reassign.step1')}</legend>
        <div className="app-form-row" role="search" aria-label={t('team.reassign.searchLandmark')}>
          <TextField
            id="reassign-q"
            type="search"
            label={t('team.reassign.search')}
            description={t('team.reassign.searchDescription')}
            autoComplete="off"
            spellCheck={false}
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              resetPaging();
            }}
          />
          <SelectField
            id="reassign-area"
            label={t('caseload.filters.area')}
            emptyOption={t('caseload.filters.allAreas')}
            options={(areas.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
            value={areaId}
            onChange={(e) => {
              setAreaId(e.target.value);
              resetPaging();
            }}
          />
        </div>
        <p id="reassign-residents" tabIndex={-1} className="utrecht-paragraph app-results" role="status">
          <strong>{t('team.reassign.selected', { count: ids.length })}</strong>
          {ids.length > 0 && <span>: {[...selected.values()].join(', ')}</span>}
          {data && <span className="app-results__range"> · {t('team.reassign.found', { count: data.total })}</span>}
        </p>
        {errors.residentIds && (
          <p className="utrecht-form-field-error-message app-field-error" id="reassign-residents-error">
            <span className="app-visually-hidden">{t('form.errorPrefix')} </span>
            {errors.residentIds}
          </p>
        )}
        {ids.length > 0 && (
          <Button appearance="subtle" onClick={() => setSelected(new Map())}>
            {t('team.reassign.clearSelection')}
          </Button>
        )}
        {residents.isPending && <LoadingState />}
        {residents.error && !data && (
          <ErrorState error={residents.error} onRetry={() => void residents.refetch()} />
        )}
        {data && data.items.length === 0 && (
          <Paragraph className="app-empty">{t('team.reassign.none')}</Paragraph>
        )}
        {data && data.items.length > 0 && (
          <div aria-busy={residents.isFetching || undefined}>
            <p className="app-scroll-hint">{t('caseload.scrollHint')}</p>
            <Table
              id="reassign-table"
              caption={t('team.reassign.tableCaption', { page })}
              captionHidden
              className="app-reassign-table"
            >
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>
                    <span className="app-visually-hidden">{t('team.reassign.choose')}</span>
                  </TableHeaderCell>
                  <TableHeaderCell>{t('caseload.columns.name')}</TableHeaderCell>
                  <TableHeaderCell>{t('caseload.columns.area')}</TableHeaderCell>
                  <TableHeaderCell>{t('caseload.columns.contactPerson')}</TableHeaderCell>
                  <TableHeaderCell>{t('caseload.columns.lastContact')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.items.map((r) => (
                  <TableRow key={r.id}>
                    <TableCell>
                      <input
                        type="checkbox"
                        id={`reassign-pick-${r.id}`}
                        className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
                        checked={selected.has(r.id)}
                        onChange={(e) => toggle(r.id, r.name, e.target.checked)}
                      />
                    </TableCell>
                    <TableHeaderCell scope="row" className="app-row-header">
                      <label id={`reassign-name-${r.id}`} htmlFor={`reassign-pick-${r.id}`}>
                        {r.name}
                      </label>
                    </TableHeaderCell>
                    <TableCell>{r.area.name}</TableCell>
                    <TableCell>
                      {r.contactPerson ? (
                        r.contactPerson.displayName
                      ) : (
                        <span className="app-muted">{t('contactPerson.none')}</span>
                      )}
                    </TableCell>
                    <TableCell>
                      <LastContactCell resident={r} normDays={normDays} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Pagination
              label={t('team.reassign.pagination')}
              page={page}
              hasPrevious={cursors.length > 0}
              hasNext={Boolean(data.next)}
              total={data.total}
              pageSize={PAGE}
              onPrevious={() => {
                setCursor(cursors.at(-1) ?? '');
                setCursors(cursors.slice(0, -1));
              }}
              onNext={() => {
                if (!data.next) return;
                setCursors([...cursors, cursor]);
                setCursor(data.next);
              }}
            />
          </div>
        )}
      </fieldset>

      <fieldset className="app-fieldset">
        <legend>{t('team.reassign.step2')}</legend>
        <SelectField
          id="reassign-to"
          label={t('team.reassign.to')}
          required
          emptyOption={t('team.reassign.chooseStaff')}
          options={coaches.map((c) => ({ value: c.id, label: c.displayName }))}
          value={toStaffUserId}
          error={errors.toStaffUserId}
          onChange={(e) => setTo(e.target.value)}
        />
        <TextAreaField
          id="reassign-note"
          label={t('team.reassign.note')}
          description={t('team.reassign.noteDescription', { min: MIN_NOTE })}
          required
          rows={5}
          value={note}
          error={errors.handoverNote}
          onChange={(e) => setNote(e.target.value)}
        />
      </fieldset>
      <div className="app-button-row">
        <Button type="submit" appearance="primary" busy={reassign.isPending}>
          {t('team.reassign.submit', { count: ids.length })}
        </Button>
      </div>
    </form>
  );
}
