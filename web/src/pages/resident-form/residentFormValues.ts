import { apiDate, toTypedDate } from '../../rules/dateRules.ts';
import type { EducationLevel, HouseholdType, Resident, ResidentCreate, ResidentUpdate } from '../../api/models.ts';

/** The form's values: everything as typed (strings; dates as dd-mm-jjjj), converted to the API's shape on submit. */
export interface ResidentFormValues {
  bsn: string;
  givenNames: string;
  familyNamePrefix: string;
  familyName: string;
  dateOfBirth: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  householdType: HouseholdType | '';
  educationLevel: EducationLevel | '';
  phone: string;
  email: string;
  benefitStartDate: string;
}

export type FieldName = keyof ResidentFormValues;

export const EMPTY_VALUES: ResidentFormValues = {
  bsn: '',
  givenNames: '',
  familyNamePrefix: '',
  familyName: '',
  dateOfBirth: '',
  street: '',
  houseNumber: '',
  postcode: '',
  city: '',
  householdType: '',
  educationLevel: '',
  phone: '',
  email: '',
  benefitStartDate: '',
};

/** The order of the fields in the form (for the error summary). */
export const FIELD_ORDER: FieldName[] = Object.keys(EMPTY_VALUES) as FieldName[];

export function fieldId(name: string): string {
  return `resident-${name}`;
}

export function valuesOf(r: Resident): ResidentFormValues {
  return {
    bsn: '',
    givenNames: r.givenNames,
    familyNamePrefix: r.familyNamePrefix ?? '',
    familyName: r.familyName,
    dateOfBirth: toTypedDate(r.dateOfBirth),
    street: r.address?.street ?? '',
    houseNumber: r.address?.houseNumber ?? '',
    postcode: r.address?.postcode ?? '',
    city: r.address?.city ?? '',
    householdType: r.householdType ?? '',
    educationLevel: r.educationLevel ?? '',
    phone: r.phone ?? '',
    email: r.email ?? '',
    benefitStartDate: toTypedDate(r.benefit?.startDate),
  };
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
const isoOf = apiDate;

export function toCreate(v: ResidentFormValues): ResidentCreate {
  return {
    bsn: v.bsn.trim(),
    givenNames: v.givenNames.trim(),
    familyNamePrefix: orNull(v.familyNamePrefix),
    familyName: v.familyName.trim(),
    dateOfBirth: isoOf(v.dateOfBirth),
    street: v.street.trim(),
    houseNumber: v.houseNumber.trim(),
    postcode: v.postcode.trim(),
    city: v.city.trim(),
    // Empty selects are sent as they are, so the server names the missing field.
    householdType: v.householdType as HouseholdType,
    educationLevel: v.educationLevel as EducationLevel,
    phone: orNull(v.phone),
    email: orNull(v.email),
    benefitStartDate: v.benefitStartDate.trim() ? isoOf(v.benefitStartDate) : null,
  };
}

/** Only the fields the user changed: a PATCH must not overwrite what someone else changed meanwhile. */
export function toUpdate(original: ResidentFormValues, v: ResidentFormValues): ResidentUpdate {
  const out: ResidentUpdate = {};
  const changed = (name: FieldName) => original[name].trim() !== v[name].trim();
  if (changed('givenNames')) out.givenNames = v.givenNames.trim();
  if (changed('familyNamePrefix')) out.familyNamePrefix = orNull(v.familyNamePrefix);
  if (changed('familyName')) out.familyName = v.familyName.trim();
  if (changed('dateOfBirth')) out.dateOfBirth = isoOf(v.dateOfBirth);
  if (changed('street')) out.street = v.street.trim();
  if (changed('houseNumber')) out.houseNumber = v.houseNumber.trim();
  if (changed('postcode')) out.postcode = v.postcode.trim();
  if (changed('city')) out.city = v.city.trim();
  if (changed('householdType') && v.householdType) out.householdType = v.householdType;
  if (changed('educationLevel') && v.educationLevel) out.educationLevel = v.educationLevel;
  if (changed('phone')) out.phone = orNull(v.phone);
  if (changed('email')) out.email = orNull(v.email);
  if (changed('benefitStartDate') && v.benefitStartDate.trim()) out.benefitStartDate = isoOf(v.benefitStartDate);
  return out;
}

export function changedFields(a: ResidentFormValues, b: ResidentFormValues): FieldName[] {
  return FIELD_ORDER.filter((name) => a[name].trim() !== b[name].trim());
}
