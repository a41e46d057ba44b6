import { useState } from 'react';
import { Button } from '../../../components/Button.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { LoadingState } from '../../../components/LoadingState.tsx';
import type { PlanText } from './planText.ts';
import { usePlanHistory } from './usePlan.ts';

const FIRST = 10;

/** "Geschiedenis van het plan": every version, who changed what and when. Loaded when opened. */
export function PlanHistory({ residentId, text }: { residentId: string; text: PlanText }) {
  const { t } = text;
  const [open, setOpen] = useState(false);
  const [all, setAll] = useState(false);
  const history = usePlanHistory(residentId, open);
  const items = history.data ?? [];
  const shown = all ? items : items.slice(0, FIRST);

  return (
    <div className="app-plan-history">
      <h3 className="utrecht-heading-3 app-plan-history__heading">
        <Button
          appearance="subtle"
          className="app-plan-history__toggle"
          aria-expanded={open}
          aria-controls="plan-history"
          onClick={() => setOpen(!open)}
        >
          <span className="app-plan-history__chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          {t('plan.history.title')}
        </Button>
      </h3>
      <div id="plan-history" hidden={!open}>
        {open && history.isPending && <LoadingState />}
        {open && history.error !== null && <ErrorState error={history.error} onRetry={() => void history.refetch()} />}
        {history.data && (
          <>
            <p className="utrecht-paragraph app-cell-note">{t('plan.history.intro', { count: items.length })}</p>
            <ol className="app-history app-plan-history__list">
              {shown.map((v) => (
                <li key={v.version} className="app-history__item">
                  <p className="utrecht-paragraph">
                    <strong>{t('plan.history.version', { version: v.version })}</strong>{' '}
                    <span lang={text.historyLang}>{v.summary}</span>
                  </p>
                  <p className="utrecht-paragraph app-history__when">
                    {t('plan.history.by', {
                      name: v.changedBy?.displayName ?? t('plan.history.someone'),
                      role: text.role(v.role),
                      date: text.dateTime(v.changedAt),
                    })}
                  </p>
                  {v.changes.length > 1 && (
                    <ul className="utrecht-unordered-list app-plan-history__changes" lang={text.historyLang}>
                      {v.changes.map((c, i) => (
                        <li key={`${c.id}-${c.field ?? c.kind}-${i}`}>{c.label}</li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
            {items.length > FIRST && (
              <Button appearance="secondary" aria-expanded={all} onClick={() => setAll(!all)}>
                {all ? t('plan.history.showFewer') : t('plan.history.showAll', { count: items.length })}
              </Button>
            )}
          </>
        )}
      </div>
    </div>
  );
}
