import { useTranslation } from 'react-i18next';
import type { DateProblem } from './dateRules.ts';

/** The text of a shared rule's problem: its own Dutch reason, or the English text for its code. */
export function useRuleText() {
  const { t, i18n } = useTranslation();
  return (problem: DateProblem | null | undefined): string | undefined => {
    if (!problem) return undefined;
    if (i18n.language !== 'en') return problem.reason;
    return t(`dateRules.${problem.code}`, { defaultValue: problem.reason });
  };
}
