import { useTranslation } from 'react-i18next';
import { primaryRole, useSession } from '../auth/session.ts';
import { Heading } from '../components/Heading.tsx';
import { Paragraph } from '../components/Paragraph.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';

const KNOWN_ROLES = ['employerAdvisor', 'policyOfficer', 'researcher', 'admin', 'privacyOfficer'];

/** For roles whose modules come later: what they will find in Samenplan. No resident data here. */
export function WelcomePage() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('welcome.title'));
  const role = primaryRole(session);
  const key = role && KNOWN_ROLES.includes(role) ? role : 'other';
  const items = t(`welcome.roles.${key}.items`, { returnObjects: true }) as unknown;
  const list = Array.isArray(items) ? items.filter((i): i is string => typeof i === 'string') : [];

  return (
    <>
      <Heading level={1}>{t('welcome.title')}</Heading>
      <Paragraph lead>
        {t('welcome.greeting', { name: session.user.displayName, municipality: session.user.municipality.name })}
      </Paragraph>
      <section className="app-section" aria-labelledby="welcome-role">
        <Heading level={2} id="welcome-role">
          {t(`welcome.roles.${key}.title`)}
        </Heading>
        <Paragraph>{t(`welcome.roles.${key}.text`)}</Paragraph>
        {list.length > 0 && (
          <ul className="utrecht-unordered-list">
            {list.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        )}
      </section>
      <section className="app-section" aria-labelledby="welcome-now">
        <Heading level={2} id="welcome-now">
          {t('welcome.nowTitle')}
        </Heading>
        <Paragraph>{t('welcome.nowText')}</Paragraph>
        <Paragraph>{t('welcome.privacy')}</Paragraph>
      </section>
    </>
  );
}
