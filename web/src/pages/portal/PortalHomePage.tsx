import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getPortalHome } from '../../api/portal.api.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Heading } from '../../components/Heading.tsx';
import { ButtonLink } from '../../components/Links.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { formatDate } from '../../format/dates.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { AppointmentCard } from './AppointmentCard.tsx';

/** "Uw plan": who helps you, your next appointments and your plan in short. Phone first. */
export function PortalHomePage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('portal.home.title'));
  const home = useQuery({ queryKey: ['portal-home'], queryFn: getPortalHome });
  const locale = i18n.language === 'en' ? 'en-GB' : 'nl-NL';
  if (home.isPending) {
    return (
      <>
        <Heading level={1}>{t('portal.home.title')}</Heading>
        <LoadingState />
      </>
    );
  }
  if (home.error) {
    return (
      <>
        <Heading level={1}>{t('portal.home.title')}</Heading>
        <ErrorState error={home.error} onRetry={() => void home.refetch()} />
      </>
    );
  }
  const h = home.data;
  const cp = h.contactPerson;
  return (
    <>
      <Heading level={1}>{t('portal.home.hello', { name: h.firstName })}</Heading>
      <section className="portal-card" aria-labelledby="wie-helpt">
        <Heading level={2} id="wie-helpt">
          {t('portal.home.whoHelps')}
        </Heading>
        {cp ? (
          <>
            <Paragraph lead>{t('portal.home.contactIntro', { name: cp.name, organisation: cp.organisation })}</Paragraph>
            {cp.since && <Paragraph>{t('portal.home.contactSince', { date: formatDate(cp.since, locale) })}</Paragraph>}
            <Heading level={3}>{t('portal.home.reachHeading', { name: cp.name })}</Heading>
            {cp.email && (
              <Paragraph>
                {t('portal.home.reachMail')}{' '}
                <a className="utrecht-link portal-link" href={`mailto:${cp.email}`}>
                  {cp.email}
                </a>
              </Paragraph>
            )}
            <Paragraph>{t('portal.home.reachWhen')}</Paragraph>
          </>
        ) : (
          <Paragraph>{t('portal.home.noContact')}</Paragraph>
        )}
      </section>
      <section className="portal-card" aria-labelledby="berichten">
        <Heading level={2} id="berichten">
          {t('portal.home.messagesHeading')}
        </Heading>
        <Paragraph>{h.unreadMessages > 0 ? t('portal.home.messagesUnread', { count: h.unreadMessages }) : t('portal.home.messagesNone')}</Paragraph>
        <ButtonLink to="/mijn/berichten" className="portal-button">
          {h.unreadMessages > 0 ? t('portal.home.messagesRead') : t('portal.home.messagesWrite')}
        </ButtonLink>
      </section>
      <section aria-labelledby="afspraken" className="portal-section">
        <Heading level={2} id="afspraken">
          {t('portal.home.appointments')}
        </Heading>
        {h.appointments.length === 0 ? (
          <Paragraph>{t('portal.home.noAppointments')}</Paragraph>
        ) : (
          <ul className="portal-stack">
            {h.appointments.map((a) => (
              <AppointmentCard key={a.id} appointment={a} />
            ))}
          </ul>
        )}
      </section>
      <section className="portal-card" aria-labelledby="plan-kort">
        <Heading level={2} id="plan-kort">
          {t('portal.home.planHeading')}
        </Heading>
        {h.plan ? (
          <>
            <Paragraph>{t('portal.home.planOpen', { count: h.plan.myOpenActions })}</Paragraph>
            <Paragraph>{h.plan.agreed ? t('portal.home.planAgreed') : t('portal.home.planNotAgreed')}</Paragraph>
            <ButtonLink to="/mijn/plan" className="portal-button">
              {t('portal.home.planLink')}
            </ButtonLink>
          </>
        ) : (
          <Paragraph>{t('portal.home.noPlan')}</Paragraph>
        )}
      </section>
    </>
  );
}
