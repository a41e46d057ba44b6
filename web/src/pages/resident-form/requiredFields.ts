import { benefitStartProblem, dateOfBirthProblem, todayNl, type DateProblem } from '../../rules/dateRules.ts';
import type { FieldName, ResidentFormValues } from './residentFormValues.ts';

const REQUIRED_CREATE: FieldName[] = [
  'bsn',
  'givenNames',
  'familyName',
  'dateOfBirth',
  'street',
  'houseNumber',
  'postcode',
  'city',
  'householdType',
  'educationLevel',
];

/** Empty required fields. */
export function missingRequired(values: ResidentFormValues, mode: 'create' | 'edit'): FieldName[] {
  const required = mode === 'create' ? REQUIRED_CREATE : REQUIRED_CREATE.filter((f) => f !== 'bsn');
  return required.filter((name) => values[name].trim() === '');
}

/**
 * Everything the form can check before sending, at once: empty required fields and the shared date rules (a date
 * that does not exist, a benefit start before birth or the 18th birthday, one in the future). The server checks the
 * same rules, and the rest (BSN 11-check, postcode → wijk), and its messages are shown next to the fields too.
 */
export function checkResidentForm(
  values: ResidentFormValues,
  mode: 'create' | 'edit',
  requiredText: (name: FieldName) => string,
  ruleText: (p: DateProblem | null) => string | undefined,
  today = todayNl(),
): Partial<Record<FieldName, string>> {
  const out: Partial<Record<FieldName, string>> = {};
  for (const name of missingRequired(values, mode)) out[name] = requiredText(name);
  if (values.dateOfBirth.trim() && !out.dateOfBirth) {
    const text = ruleText(dateOfBirthProblem(values.dateOfBirth, today));
    if (text) out.dateOfBirth = text;
  }
  if (values.benefitStartDate.trim()) {
    const text = ruleText(benefitStartProblem(values.benefitStartDate, out.dateOfBirth ? null : values.dateOfBirth, today));
    if (text) out.benefitStartDate = text;
  }
  return out;
}
