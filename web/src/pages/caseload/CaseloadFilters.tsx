import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { residentStatusFilters, type Area } from '../../api/models.ts';
import { Button } from '../../components/Button.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useDebouncedInput } from '../../hooks/useDebouncedInput.ts';
import { useMirroredState } from '../../hooks/useMirroredState.ts';
import { daysInvalid, hasActiveFilters, type CaseloadParams } from './caseloadParams.ts';

export type ParamsChange = (change: Partial<CaseloadParams>, options?: { replace?: boolean }) => void;

interface Props {
  params: CaseloadParams;
  areas: Area[] | undefined;
  onChange: ParamsChange;
  onClear: () => void;
  /** Only name, wijk and contact person are visible: no filters on status or contact. */
  restricted: boolean;
}

/** Search (answers while typing) and filters of the caseload. Every change is written to the URL. */
export function CaseloadFilters({ params, areas, onChange, onClear, restricted }: Props) {
  const { t } = useTranslation();
  const search = useDebouncedInput(params.q, (q, first) => onChange({ q }, { replace: !first }));
  const days = useDebouncedInput(params.noContactDays, (noContactDays, first) => onChange({ noContactDays }, { replace: !first }), 500);
  const [areaId, setAreaId] = useMirroredState(params.areaId);
  const [status, setStatus] = useMirroredState(params.status);
  const [mine, setMine] = useMirroredState(params.mine);
  const [open, setOpen] = useState(false);
  const activeCount = [params.areaId, params.status, params.noContactDays].filter(Boolean).length + (params.mine ? 1 : 0);
  const daysError = daysInvalid(days.value) ? t('caseload.filters.noContactDaysError') : null;

  return (
    <div className={open ? 'app-filters app-filters--open' : 'app-filters'}>
      <form className="app-filters__search" role="search" onSubmit={(e) => e.preventDefault()} aria-label={t('caseload.search.landmark')}>
        <TextField
          id="caseload-search"
          type="search"
          label={t('caseload.search.label')}
          description={t('caseload.search.description')}
          autoComplete="off"
          spellCheck={false}
          value={search.value}
          onChange={(e) => search.setValue(e.target.value)}
          onBlur={search.endBurst}
        />
      </form>
      <Button
        className="app-filters__toggle"
        appearance="secondary"
        aria-expanded={open}
        aria-controls="caseload-filters"
        onClick={() => setOpen(!open)}
      >
        {t('caseload.filters.toggle', { count: activeCount })}
      </Button>
      <fieldset id="caseload-filters" className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset app-filters__fieldset">
        <legend className="app-visually-hidden">{t('caseload.filters.legend')}</legend>
        <div className="app-filters__grid">
          <SelectField
            id="filter-area"
            label={t('caseload.filters.area')}
            emptyOption={t('caseload.filters.allAreas')}
            options={(areas ?? []).map((a) => ({ value: a.id, label: a.name }))}
            value={areaId}
            onChange={(e) => {
              setAreaId(e.target.value);
              onChange({ areaId: e.target.value });
            }}
          />
          {!restricted && (
            <SelectField
              id="filter-status"
              label={t('caseload.filters.status')}
              emptyOption={t('caseload.filters.allStatuses')}
              options={residentStatusFilters.map((s) => ({ value: s, label: t(`caseload.status.${s}`) }))}
              value={status}
              onChange={(e) => {
                const next = e.target.value as CaseloadParams['status'];
                setStatus(next);
                onChange({ status: next });
              }}
            />
          )}
          {!restricted && (
            <TextField
              id="filter-no-contact"
              label={t('caseload.filters.noContactDays')}
              description={t('caseload.filters.noContactDaysDescription')}
              error={daysError}
              inputMode="numeric"
              size="sm"
              autoComplete="off"
              value={days.value}
              onChange={(e) => days.setValue(e.target.value)}
              onBlur={days.endBurst}
            />
          )}
        </div>
      </fieldset>
      <div className="app-filters__footer">
        {!restricted && (
          <CheckboxField
            id="filter-mine"
            label={t('caseload.filters.mine')}
            description={t('caseload.filters.mineDescription')}
            checked={mine}
            onChange={(e) => {
              setMine(e.target.checked);
              onChange({ mine: e.target.checked });
            }}
          />
        )}
        {(hasActiveFilters(params) || search.value) && (
          <Button appearance="subtle" onClick={onClear}>
            {t('caseload.filters.clear')}
          </Button>
        )}
      </div>
    </div>
  );
}
