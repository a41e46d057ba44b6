import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import type { FieldName } from './residentFormValues.ts';

export interface Conflict {
  theirChanges: { name: FieldName; before: string; after: string }[];
  /** The user's edits to fields the other person also changed: not re-applied, shown so they can be redone. */
  lostEdits: { name: FieldName; value: string }[];
}

/** 412: someone else saved first. Say what they changed and what the user must check before saving again. */
export function ConflictNotice({ conflict }: { conflict: Conflict }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [conflict]);
  const shown = (v: string) => (v.trim() === '' ? t('common.empty') : v);
  return (
    <div ref={ref} tabIndex={-1} className="app-focus-target">
      <Alert type="warning" title={t('residentForm.conflict.title')}>
        <p className="utrecht-paragraph">{t('residentForm.conflict.text')}</p>
        {conflict.theirChanges.length > 0 && (
          <>
            <p className="utrecht-paragraph">{t('residentForm.conflict.theirChanges')}</p>
            <ul className="utrecht-unordered-list">
              {conflict.theirChanges.map((c) => (
                <li key={c.name}>
                  {t('residentForm.conflict.change', {
                    field: t(`resident.fields.${c.name}`),
                    before: shown(c.before),
                    after: shown(c.after),
                  })}
                </li>
              ))}
            </ul>
          </>
        )}
        {conflict.lostEdits.length > 0 && (
          <>
            <p className="utrecht-paragraph">{t('residentForm.conflict.lostEdits')}</p>
            <ul className="utrecht-unordered-list">
              {conflict.lostEdits.map((c) => (
                <li key={c.name}>
                  {t('residentForm.conflict.yourValue', { field: t(`resident.fields.${c.name}`), value: shown(c.value) })}
                </li>
              ))}
            </ul>
          </>
        )}
        <p className="utrecht-paragraph">{t('residentForm.conflict.next')}</p>
      </Alert>
    </div>
  );
}
