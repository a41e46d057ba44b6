import { useTranslation } from 'react-i18next';
import type { Consent, Resident } from '../../api/models.ts';
import { DataList } from '../../components/DataList.tsx';
import { Heading } from '../../components/Heading.tsx';
import { ButtonLink } from '../../components/Links.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDate } from '../../format/dates.ts';
import { localeOf } from '../../i18n/index.ts';
import { BsnReveal } from './BsnReveal.tsx';
import { ConsentBadges } from './ConsentBadges.tsx';

/** Name, BSN (masked), wijk, contact person since, and who may see the file. */
export function ResidentHeader({ resident, consents }: { resident: Resident; consents: Consent[] | undefined }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const cp = resident.contactPerson;
  return (
    <div className="app-resident-header">
      <div className="app-page-heading">
        <Heading level={1}>{resident.name}</Heading>
        {resident.permissions.update && (
          <ButtonLink to={`/inwoners/${resident.id}/bewerken`} appearance="secondary">
            {t('resident.edit')}
          </ButtonLink>
        )}
      </div>
      <p className="app-badges">
        {resident.isFictitious && <StatusBadge status="neutral">{t('resident.fictitious')}</StatusBadge>}
        {resident.view === 'shared' && <StatusBadge status="warning">{t('resident.sharedView')}</StatusBadge>}
        {resident.case?.status === 'closed' && <StatusBadge status="inactive">{t('caseload.status.closed')}</StatusBadge>}
      </p>
      {resident.view === 'shared' && <p className="utrecht-paragraph">{t('resident.sharedViewText')}</p>}
      <DataList
        className="app-data-list--summary app-summary"
        items={[
          resident.bsnMasked !== undefined && {
            key: 'bsn',
            label: t('resident.bsn'),
            value: <BsnReveal residentId={resident.id} masked={resident.bsnMasked} canReveal={resident.permissions.readBsn} />,
          },
          { key: 'area', label: t('resident.area'), value: resident.area.name },
          {
            key: 'contactPerson',
            label: t('resident.contactPerson'),
            value: cp ? (
              <>
                {cp.displayName}
                {cp.since && <span className="app-cell-note">{t('contactPerson.since', { date: formatDate(cp.since, locale) })}</span>}
              </>
            ) : (
              t('contactPerson.none')
            ),
          },
          consents !== undefined && { key: 'consents', label: t('resident.consentsLabel'), value: <ConsentBadges consents={consents} /> },
        ]}
      />
    </div>
  );
}
