import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getPortalAccessLog, givePortalConsent, listPortalConsents, myDataHref, withdrawPortalConsent } from '../../api/portal.api.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Heading } from '../../components/Heading.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { formatDate, formatDateTime } from '../../format/dates.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { useErrorText } from '../../hooks/useErrorText.ts';

const useLocale = () => (useTranslation().i18n.language === 'en' ? 'en-GB' : 'nl-NL');

/** "Wie mag meekijken?": the resident's consents, give one, withdraw one (access ends at once). */
export function PortalConsentsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('portal.consents.title'));
  const locale = useLocale();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const list = useQuery({ queryKey: ['portal-consents'], queryFn: listPortalConsents });
  const [org, setOrg] = useState('');
  const [orgError, setOrgError] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: ['portal-consents'] });
  const withdraw = useMutation({ mutationFn: withdrawPortalConsent, onSuccess: (k) => (setDone(t('portal.consents.withdrawn', { name: k.partnerOrganisation.name })), refresh()) });
  const give = useMutation({
    mutationFn: givePortalConsent,
    onSuccess: (k) => {
      setDone(t('portal.consents.given', { name: k.partnerOrganisation.name }));
      setOrg('');
      refresh();
    },
  });
  return (
    <>
      <Heading level={1}>{t('portal.consents.title')}</Heading>
      <Paragraph lead>{t('portal.consents.intro')}</Paragraph>
      {done && (
        <Alert type="ok" live="status">
          <p className="utrecht-paragraph">{done}</p>
        </Alert>
      )}
      {(withdraw.error || give.error) && (
        <Alert type="error" live="alert">
          <p className="utrecht-paragraph">{errorText(withdraw.error ?? give.error)}</p>
        </Alert>
      )}
      {list.isPending && <LoadingState />}
      {list.error && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <>
          {list.data.items.length === 0 && <Paragraph>{t('portal.consents.none')}</Paragraph>}
          <ul className="portal-stack">
            {list.data.items.map((k) => (
              <li key={k.id} className="portal-card">
                <Heading level={2}>{k.partnerOrganisation.name}</Heading>
                <Paragraph>{k.purpose}</Paragraph>
                <Paragraph>
                  {k.validTo
                    ? t('portal.consents.period', { from: formatDate(k.validFrom, locale), to: formatDate(k.validTo, locale) })
                    : t('portal.consents.since', { from: formatDate(k.validFrom, locale) })}
                </Paragraph>
                {k.active ? (
                  <>
                    <Paragraph>
                      <strong>{t('portal.consents.active')}</strong>
                    </Paragraph>
                    <Button
                      className="portal-button"
                      danger
                      busy={withdraw.isPending && withdraw.variables === k.id}
                      aria-label={t('portal.consents.withdrawLabel', { name: k.partnerOrganisation.name })}
                      onClick={() => withdraw.mutate(k.id)}
                    >
                      {t('portal.consents.withdraw')}
                    </Button>
                  </>
                ) : (
                  <Paragraph>
                    {k.withdrawnAt ? t('portal.consents.withdrawnOn', { date: formatDate(k.withdrawnAt, locale) }) : t('portal.consents.ended')}
                  </Paragraph>
                )}
              </li>
            ))}
          </ul>
          <section className="portal-card" aria-labelledby="toestemming-geven">
            <Heading level={2} id="toestemming-geven">
              {t('portal.consents.giveHeading')}
            </Heading>
            <Paragraph>{t('portal.consents.giveText')}</Paragraph>
            <form
              noValidate
              className="portal-stack"
              onSubmit={(e) => {
                e.preventDefault();
                if (!org) return setOrgError(t('portal.consents.chooseError'));
                setOrgError(undefined);
                give.mutate(org);
              }}
            >
              <SelectField
                id="consent-org"
                label={t('portal.consents.organisation')}
                emptyOption={t('portal.consents.choose')}
                options={list.data.organisations.map((o) => ({ value: o.id, label: o.name }))}
                value={org}
                error={orgError}
                onChange={(e) => setOrg(e.target.value)}
                required
              />
              <Button type="submit" appearance="primary" className="portal-button" busy={give.isPending}>
                {t('portal.consents.give')}
              </Button>
            </form>
          </section>
        </>
      )}
    </>
  );
}

/** "Wie bekeek mijn dossier?": from the processing log, in plain words. */
export function PortalAccessLogPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('portal.accessLog.title'));
  const locale = useLocale();
  const log = useQuery({ queryKey: ['portal-access-log'], queryFn: getPortalAccessLog });
  return (
    <>
      <Heading level={1}>{t('portal.accessLog.title')}</Heading>
      <Paragraph lead>{t('portal.accessLog.intro')}</Paragraph>
      {log.isPending && <LoadingState />}
      {log.error && <ErrorState error={log.error} onRetry={() => void log.refetch()} />}
      {log.data && (
        <>
          {log.data.namesHidden && <Paragraph small>{t('portal.accessLog.namesHidden')}</Paragraph>}
          {log.data.items.length === 0 ? (
            <Paragraph>{t('portal.accessLog.none')}</Paragraph>
          ) : (
            <ul className="portal-stack">
              {log.data.items.map((e, i) => (
                <li key={`${e.at}-${i}`} className="portal-card">
                  <p className="utrecht-paragraph">
                    <strong>{formatDateTime(e.at, locale)}</strong>
                  </p>
                  <p className="utrecht-paragraph">
                    {e.staffName ? t('portal.accessLog.whoNamed', { name: e.staffName, role: e.role, organisation: e.organisation }) : t('portal.accessLog.who', { role: e.role, organisation: e.organisation })}
                  </p>
                  <p className="utrecht-paragraph">{t('portal.accessLog.what', { activity: e.activity })}</p>
                  <p className="utrecht-paragraph portal-muted">{t('portal.accessLog.why', { purpose: e.purpose })}</p>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <section className="portal-card" aria-labelledby="mijn-gegevens">
        <Heading level={2} id="mijn-gegevens">
          {t('portal.myData.heading')}
        </Heading>
        <Paragraph>{t('portal.myData.text')}</Paragraph>
        <div className="portal-actions">
          <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action portal-button" href={myDataHref('pdf')} download>
            {t('portal.myData.pdf')}
          </a>
          <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action portal-button" href={myDataHref('json')} download>
            {t('portal.myData.json')}
          </a>
        </div>
      </section>
    </>
  );
}
