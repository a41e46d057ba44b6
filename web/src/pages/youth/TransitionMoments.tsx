import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { listMyTransitionMoments, listResidentTransitionMoments, type TransitionMoment } from '../../api/youth.api.ts';
import { AppLink } from '../../components/Links.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDate } from '../../format/dates.ts';
import { localeOf } from '../../i18n/index.ts';

/** "Wordt over 20 dagen 18 · betrek jeugdzorg": one transition moment as a sentence. */
function useMomentText() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return (m: TransitionMoment) => ({
    what: t(`youth.transitions.kinds.${m.kind}`, { count: Math.abs(m.daysUntil), date: formatDate(m.on, locale) }),
    when: m.daysUntil > 0 ? t('youth.transitions.inDays', { count: m.daysUntil }) : m.daysUntil === 0 ? t('youth.transitions.today') : t('youth.transitions.daysAgo', { count: -m.daysUntil }),
    partner: t('youth.transitions.involve', { partner: t(`youth.transitions.partners.${m.partner}`) }),
  });
}

type BlockComponent = (props: { id: string; title: string; count: number; empty: string; rows: ReactNode[]; level?: 2 | 3 }) => ReactNode;

/** The werklijst's block of the werkmatcher's young people at a transition moment (absent when there are none). */
export function WorklistTransitions({ Block }: { Block: BlockComponent }) {
  const { t } = useTranslation();
  const text = useMomentText();
  const moments = useQuery({ queryKey: ['youth', 'transitions', 'mine'], queryFn: listMyTransitionMoments, retry: false });
  if (!moments.data || moments.data.length === 0) return null;
  return (
    <Block
      id="overgangen"
      level={3}
      title={t('youth.transitions.title')}
      count={moments.data.length}
      empty=""
      rows={moments.data.map((m) => {
        const x = text(m);
        return (
          <li key={`${m.residentId}-${m.kind}`} className="app-wl-item">
            <p className="utrecht-paragraph app-wl-item__head">
              <AppLink to={`/inwoners/${encodeURIComponent(m.residentId)}`}>{m.residentName}</AppLink>{' '}
              <StatusBadge status={m.daysUntil >= 0 && m.daysUntil <= 30 ? 'warning' : 'neutral'}>{x.when}</StatusBadge>
            </p>
            <p className="utrecht-paragraph app-wl-item__meta">
              {x.what} · {x.partner}
            </p>
          </li>
        );
      })}
    />
  );
}

/** The transition moments on the young person's page, inside the Team Jongeren section. */
export function ResidentTransitions({ residentId }: { residentId: string }) {
  const { t } = useTranslation();
  const text = useMomentText();
  const moments = useQuery({ queryKey: ['youth', 'transitions', residentId], queryFn: () => listResidentTransitionMoments(residentId), retry: false });
  if (!moments.data || moments.data.length === 0) return null;
  return (
    <>
      {moments.data.map((m) => {
        const x = text(m);
        return (
          <Paragraph key={m.kind}>
            <StatusBadge status="warning">{t('youth.transitions.badge')}</StatusBadge> {x.what} ({x.when}) · {x.partner}
          </Paragraph>
        );
      })}
    </>
  );
}
