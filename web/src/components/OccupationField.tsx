import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { searchOccupations } from '../api/esco.api.ts';
import type { EscoSearchHit } from '../api/models.ts';
import { useDebouncedValue } from '../hooks/useDebouncedValue.ts';
import { Button } from './Button.tsx';
import { cx } from './classNames.ts';
import { FormField, describedBy } from './FormField.tsx';
import './OccupationField.css';

export interface OccupationValue {
  code: string;
  label: string;
}

export interface OccupationFieldProps {
  /** The id of the search input; error summaries link to it. */
  id: string;
  label: ReactNode;
  value: OccupationValue | null;
  onChange: (value: OccupationValue | null) => void;
  description?: ReactNode;
  error?: string | null;
  required?: boolean;
  /** Where to search (default: the staff route; the portal has its own, for residents). */
  search?: (q: string, signal: AbortSignal | undefined, limit: number) => Promise<EscoSearchHit[]>;
}

/**
 * Choose an occupation from ESCO: type part of a name (or a synonym), then pick one of the results (buttons in a
 * list; Tab and Enter, no special keys to learn). The choice is shown above the search box. States the ESCO
 * attribution.
 */
export function OccupationField({ id, label, value, onChange, description, error, required, search = searchOccupations }: OccupationFieldProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const q = useDebouncedValue(query.trim(), 250);
  const chosenRef = useRef<HTMLParagraphElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const enabled = q.length >= 2;
  const results = useQuery({
    queryKey: ['esco', 'search', search === searchOccupations ? 'staff' : 'other', q],
    queryFn: ({ signal }) => search(q, signal, 10),
    enabled,
    staleTime: 5 * 60_000,
  });
  const hits = enabled ? results.data : undefined;
  const descriptionNode = (
    <>
      {description && <span className="app-occupation__description">{description} </span>}
      <span>{t('esco.searchHint')}</span>
    </>
  );

  const choose = (hit: OccupationValue) => {
    onChange({ code: hit.code, label: hit.label });
    setQuery('');
    window.requestAnimationFrame(() => chosenRef.current?.focus());
  };

  let status = '';
  if (query.trim().length > 0 && query.trim().length < 2) status = t('esco.typeMore');
  else if (enabled && results.isFetching) status = t('esco.searching');
  else if (enabled && results.error) status = t('esco.searchFailed');
  else if (hits) status = hits.length === 0 ? t('esco.noResults', { q }) : t('esco.results', { count: hits.length });

  return (
    <div className={cx('app-occupation', error && 'app-occupation--invalid')}>
      {value && (
        <p className="utrecht-paragraph app-occupation__chosen" ref={chosenRef} tabIndex={-1} id={`${id}-chosen`}>
          <span className="app-occupation__chosen-label">{t('esco.chosen')}</span> <strong>{value.label}</strong>{' '}
          <Button
            appearance="subtle"
            className="app-occupation__clear"
            onClick={() => {
              onChange(null);
              inputRef.current?.focus();
            }}
          >
            {t('esco.clear')}
            <span className="app-visually-hidden">: {value.label}</span>
          </Button>
        </p>
      )}
      <FormField
        id={id}
        label={value ? t('esco.searchOther', { label: typeof label === 'string' ? label.toLowerCase() : '' }) : label}
        description={descriptionNode}
        error={error}
      >
        <input
          ref={inputRef}
          id={id}
          name={id}
          type="search"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.preventDefault();
          }}
          aria-describedby={[describedBy({ id, description: true, error }), `${id}-status`].filter(Boolean).join(' ')}
          aria-invalid={error ? true : undefined}
          aria-required={(required && !value) || undefined}
          aria-controls={`${id}-results`}
          className={cx('utrecht-textbox', 'utrecht-textbox--html-input', error && 'utrecht-textbox--invalid')}
        />
      </FormField>
      <p className="utrecht-paragraph utrecht-paragraph--small app-occupation__status" id={`${id}-status`} role="status">
        {status}
      </p>
      <ul className="app-occupation__results" id={`${id}-results`} aria-label={t('esco.resultsLabel')} hidden={!hits || hits.length === 0}>
        {hits?.map((hit) => (
          <li key={hit.code}>
            <button
              type="button"
              className="app-occupation__option"
              aria-pressed={value?.code === hit.code}
              aria-labelledby={`${id}-option-${hit.code}`}
              aria-describedby={`${id}-option-${hit.code}-meta`}
              onClick={() => choose(hit)}
            >
              <span className="app-occupation__option-label" id={`${id}-option-${hit.code}`}>
                {hit.label}
              </span>
              <span className="app-occupation__option-meta" id={`${id}-option-${hit.code}-meta`}>
                {hit.matchedAltLabel && <>{t('esco.alsoKnownAs', { label: hit.matchedAltLabel })} · </>}
                {t('esco.group', { label: hit.iscoLabel })}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <p className="utrecht-paragraph utrecht-paragraph--small app-muted app-occupation__attribution">{t('esco.attribution')}</p>
    </div>
  );
}
