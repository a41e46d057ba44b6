import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client.ts';
import { hasPermission, useSession } from '../../auth/session.ts';
import { Alert } from '../../components/Alert.tsx';
import { DataList } from '../../components/DataList.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Heading } from '../../components/Heading.tsx';
import { AppLink, ButtonLink } from '../../components/Links.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { formatSchedule } from '../../format/schedule.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { NotFoundContent } from '../NotFoundPage.tsx';
import { Section, formatPostcode, useFormat } from '../employers/shared.tsx';
import { SchoolHoursBadge, VacancyStatusBadge } from './badges.tsx';
import { useVacancy } from './useVacancies.ts';
import '../employers/employers.css';

function SkillList({ skills, empty }: { skills: string[]; empty: string }) {
  if (skills.length === 0) return <span className="app-muted">{empty}</span>;
  return (
    <ul className="app-skill-list app-skill-list--static">
      {skills.map((s) => (
        <li key={s} className="app-skill">
          {s}
        </li>
      ))}
    </ul>
  );
}

/** One vacancy, every field in words: occupation (ESCO), hours, schedule, school hours, contract, instruments. */
export function VacancyPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { id = '' } = useParams();
  const session = useSession();
  const location = useLocation();
  const saved = (location.state as { saved?: 'created' | 'updated' } | null)?.saved;
  const canWrite = hasPermission(session, 'vacancies:write');
  const query = useVacancy(id);
  const v = query.data?.vacancy;
  useDocumentTitle(v ? v.title : t('vacancies.one'));

  if (isApiError(query.error, 404) || isApiError(query.error, 400)) return <NotFoundContent backTo="/vacatures" />;
  const none = <span className="app-muted">{t('common.notFilledIn')}</span>;

  return (
    <>
      <p className="utrecht-paragraph app-back">
        <AppLink to="/vacatures">
          <span aria-hidden="true">← </span>
          {t('vacancies.back')}
        </AppLink>
      </p>
      {!v && (
        <Heading level={1} data-loading={query.isPending || undefined}>
          {t('vacancies.one')}
        </Heading>
      )}
      {query.isPending && <LoadingState />}
      {query.error && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {v && (
        <>
          <Heading level={1}>{v.title}</Heading>
          {saved && <Alert type="ok" live="status" title={t(`vacancies.saved.${saved}`)} />}
          <p className="utrecht-paragraph utrecht-paragraph--lead">
            <AppLink to={`/werkgevers/${v.employer.id}`}>{v.employer.name}</AppLink> · {v.city ?? formatPostcode(v.postcode)}
          </p>
          <div className="app-badges app-vacancy-badges">
            <VacancyStatusBadge status={v.status} />
            {v.fitsSchoolHours && <SchoolHoursBadge />}
          </div>
          {canWrite && (
            <p className="utrecht-paragraph">
              <ButtonLink appearance="secondary" to={`/vacatures/${v.id}/bewerken`}>
                {t('vacancies.edit.link')}
              </ButtonLink>
            </p>
          )}

          <Section id="werk" title={t('vacancies.sections.work')}>
            <DataList
              items={[
                {
                  key: 'occupation',
                  label: t('vacancies.fields.occupation'),
                  value: (
                    <>
                      {v.occupation.label}{' '}
                      <span className="app-muted">{t('vacancies.escoGroup', { group: v.occupation.iscoGroup })}</span>
                    </>
                  ),
                },
                { key: 'hours', label: t('vacancies.fields.hoursPerWeek'), value: t('vacancies.hoursLong', { hours: fmt.number(v.hoursPerWeek) }) },
                {
                  key: 'schedule',
                  label: t('vacancies.fields.schedule'),
                  value: (
                    <>
                      {v.schedule.length > 0 ? formatSchedule(v.schedule, t) : t('vacancies.noSchedule')}
                      <br />
                      {v.fitsSchoolHours ? <SchoolHoursBadge /> : <span className="app-muted">{t('vacancies.outsideSchoolHours')}</span>}
                    </>
                  ),
                },
                { key: 'contract', label: t('vacancies.fields.contractType'), value: t(`vacancies.contractType.${v.contractType}`) },
                { key: 'place', label: t('vacancies.fields.place'), value: `${formatPostcode(v.postcode)}${v.city ? ` ${v.city}` : ''}` },
                { key: 'licence', label: t('vacancies.fields.drivingLicenceRequired'), value: t(v.drivingLicenceRequired ? 'vacancies.yes' : 'vacancies.no') },
                { key: 'closing', label: t('vacancies.fields.closingDate'), value: v.closingDate ? fmt.date(v.closingDate) : t('vacancies.noClosingDate') },
                { key: 'status', label: t('vacancies.fields.status'), value: t(`vacancies.status.${v.status}`) },
              ]}
            />
            <p className="utrecht-paragraph utrecht-paragraph--small app-muted">{t('esco.attribution')}</p>
          </Section>

          <Section id="omschrijving" title={t('vacancies.sections.description')}>
            {v.description ? <p className="utrecht-paragraph app-prewrap">{v.description}</p> : <Paragraph className="app-muted">{t('vacancies.noDescription')}</Paragraph>}
          </Section>

          <Section id="vaardigheden" title={t('vacancies.sections.skills')}>
            <DataList
              items={[
                { key: 'required', label: t('vacancies.fields.requiredSkills'), value: <SkillList skills={v.requiredSkills} empty={t('vacancies.skills.noneRequired')} /> },
                { key: 'nice', label: t('vacancies.fields.niceToHaveSkills'), value: <SkillList skills={v.niceToHaveSkills} empty={t('vacancies.skills.noneNice')} /> },
              ]}
            />
          </Section>

          <Section id="ondersteuning" title={t('vacancies.sections.support')}>
            <DataList
              items={[
                {
                  key: 'instruments',
                  label: t('vacancies.fields.instruments'),
                  value:
                    v.instruments.length > 0 ? (
                      <ul className="utrecht-unordered-list app-tight-list">
                        {v.instruments.map((i) => (
                          <li key={i}>{t(`vacancies.instrument.${i}`)}</li>
                        ))}
                      </ul>
                    ) : (
                      t('vacancies.noInstruments')
                    ),
                },
                { key: 'carving', label: t('vacancies.fields.jobCarvingNotes'), value: v.jobCarvingNotes ? <span className="app-prewrap">{v.jobCarvingNotes}</span> : none },
              ]}
            />
          </Section>

          {hasPermission(session, 'candidates:present') && (
            <Section id="kandidaten" title={t('vacancies.sections.candidates')}>
              <Paragraph>{t('vacancies.candidatesHint')}</Paragraph>
              <ButtonLink appearance="secondary" to={`/kandidaten?vacature=${encodeURIComponent(v.id)}`}>
                {t('vacancies.candidatesLink')}
              </ButtonLink>
            </Section>
          )}
        </>
      )}
    </>
  );
}
