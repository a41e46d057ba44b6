import type { FollowUp, Placement } from '../../../api/models.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { Heading } from '../../../components/Heading.tsx';
import { AppLink } from '../../../components/Links.tsx';
import { StatusBadge } from '../../../components/StatusBadge.tsx';
import { todayIso } from '../../../format/dates.ts';
import type { SubResource } from '../subResource.ts';
import { useWorkFormat } from './workFormat.ts';

function FollowUpLine({ followUp }: { followUp: FollowUp }) {
  const f = useWorkFormat();
  const { t } = f;
  if (followUp.doneOn)
    return (
      <li>
        <span className="app-followup__icon" aria-hidden="true">
          ✓
        </span>{' '}
        {t('workProfile.placements.followUpDone', { months: followUp.months, date: f.date(followUp.doneOn) })}
        {followUp.stillEmployed !== null && (
          <>
            {', '}
            {followUp.stillEmployed ? t('workProfile.placements.followUpStillEmployed') : t('workProfile.placements.followUpLeft')}
          </>
        )}
      </li>
    );
  const overdue = followUp.dueOn < todayIso();
  return (
    <li className={overdue ? 'app-followup--overdue' : undefined}>
      <span className="app-followup__icon" aria-hidden="true">
        {overdue ? '!' : '○'}
      </span>{' '}
      {overdue
        ? t('workProfile.placements.followUpOverdue', { months: followUp.months, date: f.date(followUp.dueOn) })
        : t('workProfile.placements.followUpPlanned', { months: followUp.months, date: f.date(followUp.dueOn) })}
    </li>
  );
}

/** The resident's placements (read-only here) with the follow-up at 1, 3, 6 and 12 months; each links to its page. */
export function PlacementsList({ placements }: { placements: SubResource<Placement[]> }) {
  const f = useWorkFormat();
  const { t } = f;
  if (placements.error) return <ErrorState error={placements.error} title={t('workProfile.placements.loadFailed')} onRetry={() => void placements.refetch()} />;
  const items = placements.data ?? [];
  if (items.length === 0) return null;
  return (
    <div className="app-work-part" id="plaatsingen">
      <Heading level={3} id="plaatsingen-heading">
        {t('workProfile.placements.title')}
      </Heading>
      <ul className="app-placement-list" aria-labelledby="plaatsingen-heading">
        {items.map((p) => (
          <li className="app-placement" key={p.id}>
            <p className="utrecht-paragraph app-placement__title">
              <AppLink to={`/plaatsingen/${encodeURIComponent(p.id)}`}>
                {t('workProfile.placements.open', { employer: p.employer.name })}
              </AppLink>{' '}
              <StatusBadge status={p.status === 'active' ? 'safe' : 'neutral'}>
                {t(`workProfile.placements.status.${p.status}`, { defaultValue: p.status })}
              </StatusBadge>
            </p>
            <p className="utrecht-paragraph">
              {p.vacancy && <>{p.vacancy.title} · </>}
              {t('workProfile.placements.startedOn', { date: f.date(p.startDate) })} ·{' '}
              {t('workProfile.placements.hours', { hours: f.number(p.hoursPerWeek) })} · {t(`workProfile.contractType.${p.contractType}`)} ·{' '}
              {t(`workProfile.placements.outflow.${p.outflow}`)}
            </p>
            {p.followUps.length > 0 && (
              <>
                <p className="utrecht-paragraph app-placement__followups-title" id={`placement-${p.id}-followups`}>
                  <strong>{t('workProfile.placements.followUps')}</strong>
                </p>
                <ul className="app-followups" aria-labelledby={`placement-${p.id}-followups`}>
                  {[...p.followUps]
                    .sort((a, b) => a.months - b.months)
                    .map((fu) => (
                      <FollowUpLine key={fu.months} followUp={fu} />
                    ))}
                </ul>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
