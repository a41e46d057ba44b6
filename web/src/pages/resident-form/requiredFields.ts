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

/**
 * Empty required fields, checked before sending so the user gets one clear message per field at once.
 * Everything else (BSN 11-check, postcode format, dates) is checked by the server and shown next to the field.
 */
export function missingRequired(values: ResidentFormValues, mode: 'create' | 'edit'): FieldName[] {
  const required = mode === 'create' ? REQUIRED_CREATE : REQUIRED_CREATE.filter((f) => f !== 'bsn');
  return required.filter((name) => values[name].trim() === '');
}
