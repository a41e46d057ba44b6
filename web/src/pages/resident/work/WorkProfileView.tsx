import type { WorkProfile } from '../../../api/models.ts';
import { DataList } from '../../../components/DataList.tsx';
import { StatusBadge } from '../../../components/StatusBadge.tsx';
import { formatSchedule } from '../../../format/schedule.ts';
import { useWorkFormat } from './workFormat.ts';

/** The work profile as label–value pairs; empty parts say "Niets opgegeven" instead of disappearing. */
export function WorkProfileView({ profile }: { profile: WorkProfile }) {
  const f = useWorkFormat();
  const { t } = f;
  const none = <span className="app-muted">{t('workProfile.none')}</span>;
  const list = (items: string[]) =>
    items.length === 0 ? (
      none
    ) : (
      <ul className="utrecht-unordered-list app-work-list">
        {items.map((item, i) => (
          <li key={`${item}-${i}`}>{item}</li>
        ))}
      </ul>
    );

  return (
    <>
      <DataList
        className="app-work-profile"
        items={[
          {
            key: 'occupations',
            label: t('workProfile.fields.desiredOccupations'),
            value: list(profile.desiredOccupations.map((o) => o.label)),
          },
          { key: 'skills', label: t('workProfile.fields.skills'), value: list(profile.skills) },
          {
            key: 'experience',
            label: t('workProfile.fields.experience'),
            value: list(profile.experience.map((e) => `${e.description} (${t('workProfile.years', { years: f.number(e.years) })})`)),
          },
          { key: 'education', label: t('workProfile.fields.education'), value: profile.education || none },
          {
            key: 'hours',
            label: t('workProfile.fields.hours'),
            value: t('workProfile.hoursRange', { min: f.number(profile.hoursMin), max: f.number(profile.hoursMax) }),
          },
          {
            key: 'availability',
            label: t('workProfile.fields.availability'),
            value: (
              <>
                <span className="app-work-schedule">{formatSchedule(profile.availability, t)}</span>{' '}
                <span className="app-muted">({t('workProfile.availabilityHours', { hours: f.number(profile.availabilityHours) })})</span>
                {profile.fitsSchoolHoursOnly && (
                  <>
                    {' '}
                    <StatusBadge status="active">{t('workProfile.schoolHoursOnly')}</StatusBadge>
                  </>
                )}
              </>
            ),
          },
          {
            key: 'travel',
            label: t('workProfile.fields.maxTravelKm'),
            value: profile.maxTravelKm ? t('workProfile.km', { km: f.number(profile.maxTravelKm) }) : t('workProfile.noTravelLimit'),
          },
          {
            key: 'licence',
            label: t('workProfile.fields.drivingLicence'),
            value: profile.hasDrivingLicence ? t('workProfile.hasLicence') : t('workProfile.noLicence'),
          },
          {
            key: 'contract',
            label: t('workProfile.fields.preferredContractTypes'),
            value:
              profile.preferredContractTypes.length === 0
                ? t('workProfile.noPreference')
                : profile.preferredContractTypes.map((c) => t(`workProfile.contractType.${c}`)).join(', '),
          },
          {
            key: 'sectors',
            label: t('workProfile.fields.preferredSectors'),
            value: profile.preferredSectors.length === 0 ? t('workProfile.noPreference') : profile.preferredSectors.join(', '),
          },
          {
            key: 'note',
            label: t('workProfile.fields.preferencesNote'),
            value: profile.preferencesNote ? <span className="app-prewrap">{profile.preferencesNote}</span> : none,
          },
        ]}
      />
      <p className="utrecht-paragraph app-muted app-work-updated">
        {profile.updatedBy
          ? t('workProfile.updated', { date: f.dateTime(profile.updatedAt), name: profile.updatedBy.displayName })
          : t('workProfile.updatedNoName', { date: f.dateTime(profile.updatedAt) })}
      </p>
      <p className="utrecht-paragraph utrecht-paragraph--small app-muted app-esco-attribution">{t('workProfile.escoAttribution')}</p>
    </>
  );
}
