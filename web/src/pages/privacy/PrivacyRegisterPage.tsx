import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listProcessingActivities } from '../../api/privacy.api.ts';
import { DataList } from '../../components/DataList.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Heading } from '../../components/Heading.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import './privacy.css';

/** The register of processing activities (art. 30 AVG) as Samenplan ships it: purpose, legal basis, data, retention. */
export function PrivacyRegisterPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('privacyOfficer.register.title'));
  const activities = useQuery({ queryKey: ['privacy', 'activities'], queryFn: listProcessingActivities, retry: false, staleTime: 10 * 60_000 });
  const en = i18n.language === 'en';
  return (
    <>
      <Heading level={1} className="app-long-words">
        {/* With a soft hyphen: "verwerkingsactiviteiten" is wider than a phone. */}
        {t('privacyOfficer.register.heading')}
      </Heading>
      <Paragraph lead>{t('privacyOfficer.register.intro')}</Paragraph>
      {activities.isPending && <LoadingState />}
      {activities.error && <ErrorState error={activities.error} onRetry={() => void activities.refetch()} />}
      {activities.data && (
        <>
          <Paragraph>{t('privacyOfficer.register.count', { count: activities.data.length })}</Paragraph>
          <ol className="app-privacy-register">
            {activities.data.map((a) => (
              <li key={a.id} className="app-privacy-activity" id={a.id}>
                <Heading level={2} className="app-long-words">
                  {a.id} · {en ? a.nameEn : <span lang="nl">{a.nameNl}</span>}
                </Heading>
                <DataList
                  items={[
                    { key: 'purpose', label: t('privacyOfficer.register.purpose'), value: <span lang="nl">{a.purpose}</span> },
                    { key: 'legalBasis', label: t('privacyOfficer.register.legalBasis'), value: <span lang="nl">{a.legalBasis}</span> },
                    { key: 'data', label: t('privacyOfficer.register.data'), value: <span lang="nl">{a.dataCategories.join(', ')}</span> },
                    { key: 'retention', label: t('privacyOfficer.register.retention'), value: <span lang="nl">{a.retention}</span> },
                    { key: 'version', label: t('privacyOfficer.register.version'), value: String(a.version) },
                  ]}
                />
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
