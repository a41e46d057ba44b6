import type { PlanActionOwner, PlanActionOwnerChoice } from '../../../api/models.ts';
import { cx } from '../../../components/classNames.ts';
import { FormField, describedBy } from '../../../components/FormField.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useConsents, useJobCoaches, usePartnerOrganisations } from '../useResident.ts';
import { usePlanSection } from './planContext.ts';
import type { PlanText } from './planText.ts';
import { usePartnerProfessionals, useTeams } from './usePlan.ts';

/** The owner choice as one select value: resident, jobCoach:{id}, partnerProfessional:{id} or otherPartner. */
export type OwnerValue = string;

export function ownerValueOf(owner: PlanActionOwner): OwnerValue {
  if (owner.type === 'resident' || owner.type === 'otherPartner') return owner.type;
  return owner.staffUser ? `${owner.type}:${owner.staffUser.id}` : '';
}

export function ownerChoiceOf(value: OwnerValue, name: string, organisationId: string): PlanActionOwnerChoice | null {
  if (value === 'resident') return { type: 'resident' };
  if (value === 'otherPartner')
    return { type: 'otherPartner', name: name.trim() || undefined, partnerOrganisationId: organisationId || null };
  const [type, staffUserId] = value.split(':');
  if (!staffUserId) return null;
  if (type === 'jobCoach') return { type: 'jobCoach', staffUserId };
  if (type === 'partnerProfessional') return { type: 'partnerProfessional', staffUserId };
  return null;
}

export interface OwnerState {
  value: OwnerValue;
  name: string;
  organisationId: string;
}

/**
 * Who carries out the action: the resident, a werkmatcher, a buurtteam professional or another partner (a name
 * or a partner organisation). The user himself comes first. A buurtteam professional only fits when the resident
 * gave his organisation consent: the server says so next to this field.
 */
export function OwnerField({
  formId,
  state,
  current,
  errors,
  onChange,
  text,
}: {
  formId: string;
  state: OwnerState;
  /** The owner now (when changing an action), kept as an option even if no longer in the staff lists. */
  current?: PlanActionOwner;
  errors: Record<string, string>;
  onChange: (next: OwnerState) => void;
  text: PlanText;
}) {
  const { t } = text;
  const section = usePlanSection();
  const coaches = useJobCoaches(section.canListStaff);
  const professionals = usePartnerProfessionals(section.canListStaff);
  const organisations = usePartnerOrganisations(section.canListOrganisations && state.value === 'otherPartner');
  const teams = useTeams(section.canListOrganisations);
  // The same query as the consents on the resident page: which buurtteams may see the file (and so own actions).
  const consents = useConsents(section.residentId, section.canListStaff);
  const id = `${formId}-owner`;
  const error = errors.owner ?? errors['owner.staffUserId'] ?? errors['owner.type'];
  const consenting = [...new Set((consents.data ?? []).filter((c) => c.active).map((c) => c.partnerOrganisation.name))];
  const description = consents.data
    ? consenting.length > 0
      ? t('plan.actionForm.ownerDescriptionConsent', { organisations: consenting.join(', ') })
      : t('plan.actionForm.ownerDescriptionNoConsent')
    : t('plan.actionForm.ownerDescription');
  const teamName = new Map((teams.data ?? []).map((team) => [team.id, team.name]));
  const coachLabel = (s: { displayName: string; teamIds: string[] }) => {
    const names = s.teamIds.map((tid) => teamName.get(tid)).filter(Boolean);
    return names.length > 0 ? `${s.displayName} (${names.join(', ')})` : s.displayName;
  };

  const me = `jobCoach:${section.userId}`;
  const coachOptions = (coaches.data ?? []).filter((s) => s.id !== section.userId);
  const extra: { value: string; label: string }[] = [];
  if (current && (current.type === 'jobCoach' || current.type === 'partnerProfessional') && current.staffUser) {
    const value = ownerValueOf(current);
    const listed =
      value === me ||
      coachOptions.some((s) => `jobCoach:${s.id}` === value) ||
      (professionals.data ?? []).some((s) => `partnerProfessional:${s.id}` === value);
    if (!listed) extra.push({ value, label: text.owner(current) });
  }

  return (
    <>
      <FormField id={id} label={t('plan.actionForm.owner')} description={description} error={error}>
        <select
          id={id}
          name={id}
          value={state.value}
          aria-describedby={describedBy({ id, description, error })}
          aria-invalid={error ? true : undefined}
          aria-required
          className={cx('utrecht-select', 'utrecht-select--html-select', error && 'utrecht-select--invalid')}
          onChange={(e) => onChange({ ...state, value: e.target.value })}
        >
          <option value="resident">{t('plan.owner.resident', { name: section.residentName })}</option>
          {section.isJobCoach && <option value={me}>{t('plan.actionForm.ownerMe', { name: section.userName })}</option>}
          {extra.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
          {coachOptions.length > 0 && (
            <optgroup label={t('plan.actionForm.jobCoaches')}>
              {coachOptions.map((s) => (
                <option key={s.id} value={`jobCoach:${s.id}`}>
                  {coachLabel(s)}
                </option>
              ))}
            </optgroup>
          )}
          {(professionals.data ?? []).length > 0 && (
            <optgroup label={t('plan.actionForm.partnerProfessionals')}>
              {(professionals.data ?? []).map((s) => (
                <option key={s.id} value={`partnerProfessional:${s.id}`}>
                  {s.displayName}
                </option>
              ))}
            </optgroup>
          )}
          <option value="otherPartner">{t('plan.actionForm.ownerOther')}</option>
        </select>
      </FormField>
      {state.value === 'otherPartner' && (
        <div className="app-plan-form__other">
          <TextField
            id={`${formId}-ownerName`}
            label={t('plan.actionForm.ownerName')}
            description={t('plan.actionForm.ownerNameDescription')}
            maxLength={200}
            value={state.name}
            error={errors['owner.name']}
            onChange={(e) => onChange({ ...state, name: e.target.value })}
          />
          {section.canListOrganisations && (
            <SelectField
              id={`${formId}-ownerOrganisation`}
              label={t('plan.actionForm.ownerOrganisation')}
              optional
              emptyOption={t('plan.actionForm.noOrganisation')}
              options={(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
              value={state.organisationId}
              error={errors['owner.partnerOrganisationId']}
              onChange={(e) => onChange({ ...state, organisationId: e.target.value })}
            />
          )}
        </div>
      )}
    </>
  );
}
