import { useTranslation } from 'react-i18next';
import type { Resident } from '../../api/models.ts';
import { DataList } from '../../components/DataList.tsx';
import { formatDate, yearsAndMonths } from '../../format/dates.ts';
import { localeOf } from '../../i18n/index.ts';
import { Section } from './Section.tsx';

/** "2 jaar en 3 maanden", "8 maanden". */
export function useDuration() {
  const { t } = useTranslation();
  return (months: number) => {
    const d = yearsAndMonths(months);
    if (d.years === 0) return t('duration.months', { count: d.months });
    if (d.months === 0) return t('duration.years', { count: d.years });
    return t('duration.yearsAndMonths', {
      years: t('duration.years', { count: d.years }),
      months: t('duration.months', { count: d.months }),
    });
  };
}

export function PersonalDataSection({ resident }: { resident: Resident }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const duration = useDuration();
  const a = resident.address;
  const b = resident.benefit;
  return (
    <Section id="gegevens" title={t('resident.sections.data')}>
      <DataList
        items={[
          { key: 'givenNames', label: t('resident.fields.givenNames'), value: resident.givenNames },
          {
            key: 'familyName',
            label: t('resident.fields.familyName'),
            value: [resident.familyNamePrefix, resident.familyName].filter(Boolean).join(' '),
          },
          resident.dateOfBirth !== undefined && {
            key: 'dateOfBirth',
            label: t('resident.fields.dateOfBirth'),
            value: (
              <>
                {formatDate(resident.dateOfBirth, locale)}
                {resident.age !== undefined && <> ({t('resident.age', { count: resident.age })})</>}
              </>
            ),
          },
          a !== undefined && {
            key: 'address',
            label: t('resident.fields.address'),
            value: (
              <>
                {a.street} {a.houseNumber}
                <br />
                {a.postcode} {a.city}
              </>
            ),
          },
          { key: 'phone', label: t('resident.fields.phone'), value: resident.phone ?? t('common.notFilledIn') },
          { key: 'email', label: t('resident.fields.email'), value: resident.email ?? t('common.notFilledIn') },
          resident.householdType !== undefined && {
            key: 'household',
            label: t('resident.fields.householdType'),
            value: t(`householdType.${resident.householdType}`),
          },
          resident.educationLevel !== undefined && {
            key: 'education',
            label: t('resident.fields.educationLevel'),
            value: t(`educationLevel.${resident.educationLevel}`),
          },
          b !== undefined && {
            key: 'benefit',
            label: t('resident.fields.benefit'),
            value: b ? (
              <>
                {t('resident.benefitSince', { date: formatDate(b.startDate, locale) })} ({duration(b.monthsOnBenefit)})
                {b.endDate && <span className="app-cell-note">{t('resident.benefitEnded', { date: formatDate(b.endDate, locale) })}</span>}
              </>
            ) : (
              t('resident.noBenefit')
            ),
          },
          resident.case !== undefined && {
            key: 'case',
            label: t('resident.fields.case'),
            value: resident.case
              ? t('resident.caseSince', {
                  status: t(`caseStatus.${resident.case.status}`),
                  date: formatDate(resident.case.openedOn, locale),
                })
              : t('resident.noCase'),
          },
        ]}
      />
    </Section>
  );
}
