import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client.ts';
import type { Agreement } from '../../api/models.ts';
import { hasPermission, useSession } from '../../auth/session.ts';
import { Alert } from '../../components/Alert.tsx';
import { DataList } from '../../components/DataList.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Heading } from '../../components/Heading.tsx';
import { AppLink, ButtonLink } from '../../components/Links.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table.tsx';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { NotFoundContent } from '../NotFoundPage.tsx';
import { SchoolHoursBadge, VacancyStatusBadge } from '../vacancies/badges.tsx';
import { AgreementProgress } from './AgreementProgress.tsx';
import { Section, sortAgreements, useFormat } from './shared.tsx';
import { AgreementForm, ContactForm, LocationForm, ToggleForm } from './SubForms.tsx';
import { useEmployer } from './useEmployers.ts';
import './employers.css';

function AgreementCard({ agreement: a }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <li className="app-card app-agreement">
      <h3 className="utrecht-heading-3 app-card__title">
        {a.title}{' '}
        <StatusBadge status={a.kind === 'intention' ? 'active' : 'neutral'}>{t(`employers.agreements.kind.${a.kind}`)}</StatusBadge>
      </h3>
      <AgreementProgress agreement={a} id={`agreement-${a.id}`} />
      <DataList
        items={[
          { key: 'period', label: t('employers.agreements.fields.period'), value: t('employers.agreements.period', { from: fmt.date(a.periodStart), to: fmt.date(a.periodEnd) }) },
          a.targetGroup ? { key: 'target', label: t('employers.agreements.fields.targetGroup'), value: a.targetGroup } : null,
          a.signedOn ? { key: 'signed', label: t('employers.agreements.fields.signedOn'), value: fmt.date(a.signedOn) } : null,
          a.notes ? { key: 'notes', label: t('employers.agreements.fields.notes'), value: <span className="app-prewrap">{a.notes}</span> } : null,
        ]}
      />
    </li>
  );
}

/** One employer: details, agreements (pledged vs realised), vacancies, locations and (advisor only) contacts. */
export function EmployerPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { id = '' } = useParams();
  const session = useSession();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const canWrite = hasPermission(session, 'employers:write');
  const canWriteVacancies = hasPermission(session, 'vacancies:write');
  const employer = useEmployer(id);
  const e = employer.data;
  useDocumentTitle(e ? e.name : t('employers.one'));

  if (isApiError(employer.error, 404) || isApiError(employer.error, 400)) return <NotFoundContent backTo="/werkgevers" />;

  return (
    <>
      <p className="utrecht-paragraph app-back">
        <AppLink to="/werkgevers">
          <span aria-hidden="true">← </span>
          {t('employers.back')}
        </AppLink>
      </p>
      {!e && (
        <Heading level={1} data-loading={employer.isPending || undefined}>
          {t('employers.one')}
        </Heading>
      )}
      {employer.isPending && <LoadingState />}
      {employer.error && <ErrorState error={employer.error} onRetry={() => void employer.refetch()} />}
      {e && (
        <>
          <Heading level={1}>{e.name}</Heading>
          {created && <Alert type="ok" live="status" title={t('employers.create.created', { name: e.name })} />}
          <Paragraph lead>{e.sector}</Paragraph>
          <nav className="app-toc" aria-label={t('employers.toc')}>
            <ul className="app-inline-list">
              {['afspraken', 'vacatures', 'locaties', ...(canWrite ? ['contactpersonen'] : [])].map((s) => (
                <li key={s}>
                  <a className="utrecht-link utrecht-link--html-a" href={`#${s}`}>
                    {t(`employers.sections.${s}`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <DataList
            items={[
              { key: 'kvk', label: t('employers.fields.kvkNumber'), value: e.kvkNumber ?? <span className="app-muted">{t('common.notFilledIn')}</span> },
              {
                key: 'website',
                label: t('employers.fields.website'),
                value: e.website ? (
                  <a className="utrecht-link utrecht-link--html-a" href={e.website} rel="noreferrer noopener" target="_blank">
                    {e.website}
                  </a>
                ) : (
                  <span className="app-muted">{t('common.notFilledIn')}</span>
                ),
              },
              e.notes ? { key: 'notes', label: t('employers.fields.notes'), value: <span className="app-prewrap">{e.notes}</span> } : null,
            ]}
          />

          <Section id="afspraken" title={t('employers.sections.afspraken')}>
            {e.agreements.length === 0 ? (
              <Paragraph className="app-empty">{t(canWrite ? 'employers.agreements.emptyWrite' : 'employers.agreements.empty')}</Paragraph>
            ) : (
              <ul className="app-card-list">
                {sortAgreements(e.agreements).map((a) => (
                  <AgreementCard key={a.id} agreement={a} />
                ))}
              </ul>
            )}
            {canWrite && <ToggleForm id="agreement" label={t('employers.agreements.add')}>{(close) => <AgreementForm employerId={e.id} onDone={close} />}</ToggleForm>}
          </Section>

          <Section id="vacatures" title={t('employers.sections.vacatures')}>
            {e.vacancies.length === 0 ? (
              <Paragraph className="app-empty">{t('employers.vacancies.empty')}</Paragraph>
            ) : (
              <Table id="employer-vacancies" caption={t('employers.vacancies.caption', { name: e.name })} captionHidden>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t('vacancies.columns.title')}</TableHeaderCell>
                    <TableHeaderCell>{t('vacancies.columns.status')}</TableHeaderCell>
                    <TableHeaderCell numeric>{t('vacancies.columns.hours')}</TableHeaderCell>
                    <TableHeaderCell>{t('vacancies.columns.schoolHours')}</TableHeaderCell>
                    <TableHeaderCell>{t('vacancies.columns.closingDate')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {e.vacancies.map((v) => (
                    <TableRow key={v.id}>
                      <TableHeaderCell scope="row" className="app-row-header">
                        <AppLink to={`/vacatures/${v.id}`}>{v.title}</AppLink>
                      </TableHeaderCell>
                      <TableCell>
                        <VacancyStatusBadge status={v.status} />
                      </TableCell>
                      <TableCell numeric>{t('vacancies.hoursShort', { hours: fmt.number(v.hoursPerWeek) })}</TableCell>
                      <TableCell>{v.fitsSchoolHours ? <SchoolHoursBadge /> : <span className="app-muted">{t('vacancies.notSchoolHours')}</span>}</TableCell>
                      <TableCell>{v.closingDate ? fmt.shortDate(v.closingDate) : <span className="app-muted">{t('vacancies.noClosingDate')}</span>}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
            {canWriteVacancies && (
              <div className="app-subform">
                <ButtonLink appearance="secondary" to={`/vacatures/nieuw?werkgever=${encodeURIComponent(e.id)}`}>
                  {t('vacancies.create.link')}
                </ButtonLink>
              </div>
            )}
          </Section>

          <Section id="locaties" title={t('employers.sections.locaties')}>
            {e.locations.length === 0 ? (
              <Paragraph className="app-empty">{t(canWrite ? 'employers.locations.emptyWrite' : 'employers.locations.empty')}</Paragraph>
            ) : (
              <ul className="app-card-list app-card-list--grid">
                {e.locations.map((l) => (
                  <li key={l.id} className="app-card">
                    <p className="utrecht-paragraph">
                      <strong>{l.name}</strong>
                      <br />
                      {[l.street, l.houseNumber].filter(Boolean).join(' ')}
                      {(l.street || l.houseNumber) && <br />}
                      {l.postcode.replace(/^(\d{4})([A-Z]{2})$/, '$1 $2')} {l.city}
                    </p>
                  </li>
                ))}
              </ul>
            )}
            {canWrite && <ToggleForm id="location" label={t('employers.locations.add')}>{(close) => <LocationForm employerId={e.id} onDone={close} />}</ToggleForm>}
          </Section>

          {canWrite && (
            <Section id="contactpersonen" title={t('employers.sections.contactpersonen')}>
              <Paragraph small>{t('employers.contacts.privacy')}</Paragraph>
              {e.contacts.length === 0 ? (
                <Paragraph className="app-empty">{t('employers.contacts.empty')}</Paragraph>
              ) : (
                <ul className="app-card-list app-card-list--grid">
                  {e.contacts.map((c) => (
                    <li key={c.id} className="app-card">
                      <p className="utrecht-paragraph">
                        <strong>{c.name}</strong>
                        {c.jobTitle && (
                          <>
                            <br />
                            {c.jobTitle}
                          </>
                        )}
                      </p>
                      {c.email && (
                        <p className="utrecht-paragraph app-card__line">
                          <span className="app-muted">{t('employers.contacts.fields.email')}: </span>
                          <a className="utrecht-link utrecht-link--html-a" href={`mailto:${c.email}`}>
                            {c.email}
                          </a>
                        </p>
                      )}
                      {c.phone && (
                        <p className="utrecht-paragraph app-card__line">
                          <span className="app-muted">{t('employers.contacts.fields.phone')}: </span>
                          <a className="utrecht-link utrecht-link--html-a app-nowrap" href={`tel:${c.phone.replace(/\s/g, '')}`}>
                            {c.phone}
                          </a>
                        </p>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              <ToggleForm id="contact" label={t('employers.contacts.add')}>{(close) => <ContactForm employerId={e.id} onDone={close} />}</ToggleForm>
            </Section>
          )}
        </>
      )}
    </>
  );
}
