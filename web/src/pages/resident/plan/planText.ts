import { useTranslation } from 'react-i18next';
import type { PlanAction, PlanActionOwner } from '../../../api/models.ts';
import { formatDate, formatDateTime } from '../../../format/dates.ts';
import { localeOf } from '../../../i18n/index.ts';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The words of the "Plan" section in the current language: statuses, owners, dates. Life domains are the ZRM
 * domains of the Situatie section (same codes). The API's history labels are Dutch only: see `historyLang`.
 */
export function usePlanText() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  /** "3 december" this year, "3 december 2027" another year. */
  const dayMonth = (value: string) => {
    const m = DATE_ONLY.exec(value);
    const d = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date(value);
    if (d.getFullYear() !== new Date().getFullYear()) return formatDate(d, locale);
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long' }).format(d);
  };
  const owner = (o: PlanActionOwner) => {
    switch (o.type) {
      case 'resident':
        return t('plan.owner.resident', { name: o.name });
      case 'jobCoach':
        return t('plan.owner.jobCoach', { name: o.name });
      case 'partnerProfessional':
        return o.partnerOrganisation
          ? t('plan.owner.partnerProfessionalOf', { name: o.name, organisation: o.partnerOrganisation.name })
          : t('plan.owner.partnerProfessional', { name: o.name });
      case 'otherPartner':
        return o.partnerOrganisation && o.partnerOrganisation.name !== o.name
          ? t('plan.owner.otherPartnerOf', { name: o.name, organisation: o.partnerOrganisation.name })
          : t('plan.owner.otherPartner', { name: o.name });
    }
  };
  /** When: "Verlopen sinds 3 december", "Uiterlijk 3 december", "Klaar op 1 december", or "Geen datum". */
  const when = (a: PlanAction) => {
    if (a.status === 'done' && a.completedAt) return t('plan.action.doneOn', { date: dayMonth(a.completedAt) });
    if (!a.dueDate) return t('plan.action.noDueDate');
    if (a.overdue) return t('plan.action.overdueSince', { date: dayMonth(a.dueDate) });
    return t('plan.action.dueBy', { date: dayMonth(a.dueDate) });
  };
  return {
    t,
    locale,
    /** Set as lang on texts the API writes in Dutch (history and conflict labels) when the UI is not Dutch. */
    historyLang: i18n.language === 'nl' ? undefined : 'nl',
    date: (value: string) => formatDate(value, locale),
    dateTime: (value: string) => formatDateTime(value, locale),
    dayMonth,
    domain: (code: string) => t(`situation.domain.${code}`, { defaultValue: code }),
    goalStatus: (status: string) => t(`plan.goalStatus.${status}`, { defaultValue: status }),
    actionStatus: (status: string) => t(`plan.actionStatus.${status}`, { defaultValue: status }),
    how: (channel: string) => t(`plan.agreement.how.${channel}`, { defaultValue: channel }),
    howOption: (channel: string) => t(`plan.agreement.howOption.${channel}`, { defaultValue: channel }),
    role: (role: string) => t(`roles.${role}`, { defaultValue: role }),
    owner,
    when,
  };
}

export type PlanText = ReturnType<typeof usePlanText>;
