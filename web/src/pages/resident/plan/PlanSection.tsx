import { useMemo, useRef, useState } from 'react';
import { isApiError } from '../../../api/client.ts';
import type { Plan, Resident } from '../../../api/models.ts';
import { planPdfUrl } from '../../../api/plans.api.ts';
import { hasPermission, useSession } from '../../../auth/session.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { LoadingState } from '../../../components/LoadingState.tsx';
import { Paragraph } from '../../../components/Paragraph.tsx';
import { useErrorText } from '../../../hooks/useErrorText.ts';
import { Section } from '../Section.tsx';
import type { SubResource } from '../subResource.ts';
import { AgreementPanel } from './AgreementPanel.tsx';
import { ConflictPanel } from './ConflictPanel.tsx';
import { focusLater } from './formParts.tsx';
import { GoalCard } from './GoalCard.tsx';
import { GoalForm } from './GoalForm.tsx';
import { PlanSectionContext, type ChangeOptions, type PendingConflict, type PlanSectionApi } from './planContext.ts';
import { PlanHistory } from './PlanHistory.tsx';
import { usePlanText, type PlanText } from './planText.ts';
import { useStartPlan } from './usePlan.ts';
import './plan.css';

export const PLAN_SECTION_ID = 'plan';
const ADD_GOAL_FORM = 'plan-add-goal';

/** What the viewer may do, in words: the buurtteam sees exactly which part of the plan is his. */
function PermissionNote({ plan, text }: { plan: Plan; text: PlanText }) {
  const { t } = text;
  const p = plan.permissions;
  if (p.edit) return null;
  return (
    <p className="utrecht-paragraph app-plan-permissions">
      {p.editActions === 'own' ? t('plan.permissions.own') : t('plan.permissions.readOnly')}
    </p>
  );
}

/** Goals, actions, done and overdue at a glance, with the PDF for the resident. */
function PlanSummary({ plan, residentId, text }: { plan: Plan; residentId: string; text: PlanText }) {
  const { t } = text;
  const actions = plan.goals.flatMap((g) => g.actions);
  const done = actions.filter((a) => a.status === 'done').length;
  const overdue = actions.filter((a) => a.overdue).length;
  return (
    <div className="app-plan-summary">
      <p className="utrecht-paragraph">
        {plan.goals.length > 0 &&
          (actions.length === 0
            ? t('plan.summary.countsNoActions', { goals: t('plan.summary.goals', { count: plan.goals.length }) })
            : t('plan.summary.counts', {
                goals: t('plan.summary.goals', { count: plan.goals.length }),
                actions: t('plan.summary.actions', { count: actions.length }),
                done,
              }))}
        {overdue > 0 && (
          <>
            {' '}
            <strong className="app-plan-overdue">
              <span className="app-plan-overdue__icon" aria-hidden="true">
                !
              </span>
              {t('plan.summary.overdue', { count: overdue })}
            </strong>
          </>
        )}
      </p>
      <p className="utrecht-paragraph app-cell-note">
        {t('plan.summary.version', {
          version: plan.version,
          date: text.dateTime(plan.updatedAt),
          name: plan.updatedBy?.displayName ?? t('plan.history.someone'),
        })}
      </p>
      <p className="utrecht-paragraph app-plan-pdf">
        <a className="utrecht-link utrecht-link--html-a" href={planPdfUrl(residentId)} download>
          {t('plan.pdf.link')}
        </a>
        <span className="app-cell-note">{t('plan.pdf.description')}</span>
      </p>
    </div>
  );
}

/** No plan yet: say what to do; the area team can start one (then the goal form opens). */
function EmptyPlan({ residentId, canStart, onStarted, text }: { residentId: string; canStart: boolean; onStarted: () => void; text: PlanText }) {
  const { t } = text;
  const errorText = useErrorText();
  const start = useStartPlan(residentId);
  return (
    <div className="app-empty app-plan-empty">
      <p className="utrecht-paragraph">{t('plan.empty')}</p>
      {canStart && (
        <>
          <p className="utrecht-paragraph app-cell-note">{t('plan.startHint')}</p>
          <Button appearance="primary" busy={start.isPending} onClick={() => start.mutate(undefined, { onSuccess: onStarted })}>
            {t('plan.start')}
          </Button>
        </>
      )}
      {start.error !== null && (
        <Alert type={isApiError(start.error, 409) ? 'info' : 'error'} live="alert">
          <p className="utrecht-paragraph">{isApiError(start.error, 409) ? t('plan.startedByOther') : errorText(start.error)}</p>
        </Alert>
      )}
    </div>
  );
}

/** "Doel toevoegen": a toggle and the goal form. Opens by itself right after the plan was started. */
function AddGoal({ open, setOpen, text }: { open: boolean; setOpen: (open: boolean) => void; text: PlanText }) {
  const { t } = text;
  const toggleRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    window.requestAnimationFrame(() => toggleRef.current?.focus());
  };
  return (
    <div className="app-subform app-plan-add-goal">
      <Button
        ref={toggleRef}
        appearance="primary"
        aria-expanded={open}
        aria-controls={open ? ADD_GOAL_FORM : undefined}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {t('plan.addGoal')}
      </Button>
      {open && <GoalForm formId={ADD_GOAL_FORM} headingLevel={3} onDone={close} onCancel={close} />}
    </div>
  );
}

/**
 * "Plan" on the resident page: the one plan made together with the resident. Agreement, goals with their actions
 * (owner, due date, status), adding and changing what the permissions of the plan allow, a conflict panel when
 * someone else changed the plan first, the history and the resident's PDF. Saves are announced in a live region.
 */
export function PlanSection({ resident, plan, canStart }: { resident: Resident; plan: SubResource<Plan>; canStart: boolean }) {
  const text = usePlanText();
  const { t } = text;
  const session = useSession();
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<PendingConflict | null>(null);
  const [addingGoal, setAddingGoal] = useState(false);
  const seq = useRef(0);
  const data = plan.data;
  const noPlan = !data && isApiError(plan.error, 404);

  const api = useMemo<PlanSectionApi>(
    () => ({
      residentId: resident.id,
      residentName: resident.name,
      userId: session.user.id,
      userName: session.user.displayName,
      isJobCoach: session.user.roles.some((r) => r === 'jobCoach' || r === 'teamLead'),
      canListStaff: hasPermission(session, 'staff:list'),
      canListOrganisations: hasPermission(session, 'organisation:read'),
      saved: (saved: Plan, options: ChangeOptions) => {
        setConflict(null);
        setMessage(options.announce(saved));
        options.onSuccess?.(saved);
        const target = options.focusAfter?.(saved);
        if (target) focusLater(target);
      },
      conflict: (c) => {
        setMessage(null);
        seq.current += 1;
        setConflict({ ...c, seq: seq.current });
      },
      clear: () => {
        setMessage(null);
        setConflict(null);
      },
    }),
    [resident.id, resident.name, session],
  );

  return (
    <Section id={PLAN_SECTION_ID} title={t('resident.sections.plan')}>
      <Paragraph>{t('plan.intro')}</Paragraph>
      <div role="status" className="app-live">
        {message && (
          <Alert type="ok">
            <p className="utrecht-paragraph">{message}</p>
          </Alert>
        )}
      </div>
      {plan.isPending && <LoadingState />}
      {plan.error !== null && plan.error !== undefined && !noPlan && !data && (
        <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />
      )}
      {noPlan && (
        <EmptyPlan
          residentId={resident.id}
          canStart={canStart}
          text={text}
          onStarted={() => {
            setMessage(t('plan.started'));
            setAddingGoal(true);
            focusLater(`${ADD_GOAL_FORM}-title`);
          }}
        />
      )}
      {data && (
        <PlanSectionContext.Provider value={api}>
          {conflict && (
            <ConflictPanel
              conflict={conflict}
              text={text}
              onDismiss={() => {
                setConflict(null);
                focusLater('plan-goals');
              }}
            />
          )}
          <PermissionNote plan={data} text={text} />
          <AgreementPanel plan={data} text={text} />
          <PlanSummary plan={data} residentId={resident.id} text={text} />
          <div id="plan-goals" tabIndex={-1} className="app-focus-target">
            {data.goals.length === 0 ? (
              <p className="utrecht-paragraph app-empty">
                {data.permissions.addGoal ? t('plan.noGoals') : t('plan.noGoalsReadOnly')}
              </p>
            ) : (
              <ul className="app-plan-goals" aria-label={t('plan.goalsLabel')}>
                {data.goals.map((g) => (
                  <GoalCard key={g.id} goal={g} permissions={data.permissions} text={text} />
                ))}
              </ul>
            )}
          </div>
          {data.permissions.addGoal && <AddGoal open={addingGoal} setOpen={setAddingGoal} text={text} />}
          <PlanHistory residentId={resident.id} text={text} />
        </PlanSectionContext.Provider>
      )}
    </Section>
  );
}
