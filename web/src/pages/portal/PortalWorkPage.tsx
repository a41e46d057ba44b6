import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, type Answer } from '../../api/client.ts';
import {
  answerPortalProposal,
  getPortalWorkProfile,
  listPortalProposals,
  putPortalWorkProfile,
  searchPortalOccupations,
  type PortalProposal,
  type PortalWorkProfile,
} from '../../api/portal.api.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Heading } from '../../components/Heading.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { OccupationField, type OccupationValue } from '../../components/OccupationField.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { ScheduleField } from '../../components/ScheduleField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import type { TimeWindow } from '../../format/schedule.ts';
import { formatDate } from '../../format/dates.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { localeOf } from '../../i18n/index.ts';

const PROFILE_KEY = ['portal-work-profile'];
const PROPOSALS_KEY = ['portal-proposals'];

/** "Mijn werk": the vacancies proposed to him (he answers yes or no) and his own work wishes. Phone first. */
export function PortalWorkPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('portal.work.title'));
  const profile = useQuery({ queryKey: PROFILE_KEY, queryFn: getPortalWorkProfile, retry: false });
  return (
    <>
      <Heading level={1}>{t('portal.work.title')}</Heading>
      <Paragraph lead>{t('portal.work.intro')}</Paragraph>
      <ProposalsSection />
      {profile.isPending ? (
        <LoadingState />
      ) : profile.error && !isApiError(profile.error, 404) ? (
        <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />
      ) : (
        <WishesForm current={profile.data ?? null} />
      )}
    </>
  );
}

function ProposalsSection() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const qc = useQueryClient();
  const list = useQuery({ queryKey: PROPOSALS_KEY, queryFn: listPortalProposals });
  const answer = useMutation({
    mutationFn: (v: { id: string; agreed: boolean }) => answerPortalProposal(v.id, v.agreed),
    onSettled: () => void qc.invalidateQueries({ queryKey: PROPOSALS_KEY }),
  });
  return (
    <section className="portal-card" aria-labelledby="voorstellen">
      <Heading level={2} id="voorstellen">
        {t('portal.work.proposals')}
      </Heading>
      {list.isPending ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Paragraph>{t('portal.work.noProposals')}</Paragraph>
      ) : (
        <ul className="portal-stack">
          {list.data.items.map((p: PortalProposal) => (
            <li key={p.id} className="portal-action">
              <p className="utrecht-paragraph">
                <strong>{p.vacancy.title}</strong>
              </p>
              <p className="utrecht-paragraph">{t('portal.work.proposedOn', { date: formatDate(p.proposedAt, locale), name: p.proposedBy.displayName })}</p>
              {p.note && <p className="utrecht-paragraph">{p.note}</p>}
              {p.status === 'proposed' ? (
                <div className="portal-stack">
                  <Button appearance="primary" className="portal-button" busy={answer.isPending && answer.variables?.id === p.id && answer.variables.agreed} aria-label={t('portal.work.yesLabel', { title: p.vacancy.title })} onClick={() => answer.mutate({ id: p.id, agreed: true })}>
                    {t('portal.work.yes')}
                  </Button>
                  <Button appearance="secondary" className="portal-button" busy={answer.isPending && answer.variables?.id === p.id && !answer.variables.agreed} aria-label={t('portal.work.noLabel', { title: p.vacancy.title })} onClick={() => answer.mutate({ id: p.id, agreed: false })}>
                    {t('portal.work.no')}
                  </Button>
                </div>
              ) : (
                <p className="utrecht-paragraph portal-done">{t(p.status === 'residentDeclined' ? 'portal.work.saidNo' : 'portal.work.saidYes')}</p>
              )}
            </li>
          ))}
        </ul>
      )}
      {answer.error && (
        <Alert type="error" live="alert">
          <p className="utrecht-paragraph">{t('portal.work.answerFailed')}</p>
        </Alert>
      )}
    </section>
  );
}

const num = (s: string) => Number(s.trim().replace(',', '.'));

function WishesForm({ current }: { current: Answer<PortalWorkProfile> | null }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const p = current?.data;
  const [hoursMin, setHoursMin] = useState(p ? String(p.hoursMin) : '');
  const [hoursMax, setHoursMax] = useState(p ? String(p.hoursMax) : '');
  const [availability, setAvailability] = useState<TimeWindow[]>((p?.availability ?? []) as TimeWindow[]);
  const [skills, setSkills] = useState((p?.skills ?? []).join('\n'));
  const [education, setEducation] = useState(p?.education ?? '');
  const [licence, setLicence] = useState(p?.hasDrivingLicence ?? false);
  const [note, setNote] = useState(p?.preferencesNote ?? '');
  const [occupations, setOccupations] = useState<OccupationValue[]>((p?.desiredOccupations ?? []).map((o) => ({ code: o.escoCode, label: o.label })));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      putPortalWorkProfile(
        {
          desiredOccupations: occupations.map((o) => ({ escoCode: o.code })),
          skills: skills.split('\n').map((s) => s.trim()).filter(Boolean),
          experience: p?.experience ?? [],
          education: education.trim() || null,
          hoursMin: num(hoursMin),
          hoursMax: num(hoursMax),
          availability,
          maxTravelKm: p?.maxTravelKm ?? null,
          hasDrivingLicence: licence,
          preferredContractTypes: p?.preferredContractTypes ?? [],
          preferredSectors: p?.preferredSectors ?? [],
          preferencesNote: note.trim() || null,
        },
        current?.etag ?? null,
      ),
    onSuccess: (a) => {
      qc.setQueryData(PROFILE_KEY, a);
      setSaved(true);
      setErrors({});
    },
    onError: (e) => {
      if (isApiError(e, 400)) setErrors(Object.fromEntries(e.invalidParams.map((x) => [x.name.split(/[.[]/)[0] ?? x.name, x.reason])));
      else if (isApiError(e, 412) || isApiError(e, 428)) {
        setErrors({ form: t('portal.work.stale') });
        void qc.invalidateQueries({ queryKey: PROFILE_KEY });
      } else setErrors({ form: t('portal.work.saveFailed') });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const next: Record<string, string> = {};
    if (!/^\d+([.,]\d)?$/.test(hoursMin.trim())) next.hoursMin = t('portal.work.hoursHint');
    if (!/^\d+([.,]\d)?$/.test(hoursMax.trim())) next.hoursMax = t('portal.work.hoursHint');
    setErrors(next);
    if (Object.keys(next).length === 0) save.mutate();
  };
  return (
    <section className="portal-card" aria-labelledby="werkwensen">
      <Heading level={2} id="werkwensen">
        {t('portal.work.wishes')}
      </Heading>
      <Paragraph>{t('portal.work.wishesIntro')}</Paragraph>
      <Alert type="info">
        <p className="utrecht-paragraph">{t('portal.work.warning')}</p>
      </Alert>
      {saved && (
        <Alert type="ok" live="status">
          <p className="utrecht-paragraph">{t('portal.work.saved')}</p>
        </Alert>
      )}
      {errors.form && (
        <Alert type="error" live="alert">
          <p className="utrecht-paragraph">{errors.form}</p>
        </Alert>
      )}
      <form onSubmit={submit} noValidate className="portal-stack">
        <fieldset className="portal-fieldset" aria-describedby="work-occupations-hint">
          <legend className="utrecht-form-label">{t('portal.work.occupations')}</legend>
          <p className="utrecht-form-field-description" id="work-occupations-hint">
            {t('portal.work.occupationsHint')}
          </p>
          {occupations.length === 0 ? (
            <Paragraph>{t('portal.work.occupationsNone')}</Paragraph>
          ) : (
            <ul className="utrecht-unordered-list portal-occupations" id="work-occupations">
              {occupations.map((o) => (
                <li key={o.code} className="utrecht-unordered-list__item">
                  <span>{o.label}</span>{' '}
                  <Button appearance="subtle" className="portal-button" onClick={() => setOccupations((list) => list.filter((x) => x.code !== o.code))}>
                    {t('portal.work.occupationRemove')}
                    <span className="app-visually-hidden">: {o.label}</span>
                  </Button>
                </li>
              ))}
            </ul>
          )}
          {occupations.length < 10 ? (
            <OccupationField
              id="work-occupation-add"
              label={t('portal.work.occupationAdd')}
              value={null}
              error={errors.desiredOccupations}
              search={searchPortalOccupations}
              onChange={(v) => {
                if (v) setOccupations((list) => (list.some((x) => x.code === v.code) ? list : [...list, v]));
              }}
            />
          ) : (
            <Paragraph>{t('portal.work.occupationsFull')}</Paragraph>
          )}
        </fieldset>
        <TextField id="work-hoursMin" label={t('portal.work.hoursMin')} description={t('portal.work.hoursHint')} inputMode="decimal" value={hoursMin} error={errors.hoursMin} onChange={(e) => setHoursMin(e.target.value)} required />
        <TextField id="work-hoursMax" label={t('portal.work.hoursMax')} inputMode="decimal" value={hoursMax} error={errors.hoursMax} onChange={(e) => setHoursMax(e.target.value)} required />
        <ScheduleField id="work-availability" legend={t('portal.work.availability')} description={t('portal.work.availabilityHint')} value={availability} onChange={setAvailability} error={errors.availability} />
        <TextAreaField id="work-skills" label={t('portal.work.skills')} description={t('portal.work.skillsHint')} value={skills} error={errors.skills} onChange={(e) => setSkills(e.target.value)} rows={4} optional />
        <TextField id="work-education" label={t('portal.work.education')} value={education} error={errors.education} onChange={(e) => setEducation(e.target.value)} optional />
        <CheckboxField id="work-licence" label={t('portal.work.licence')} checked={licence} onChange={(e) => setLicence(e.target.checked)} />
        <TextAreaField id="work-note" label={t('portal.work.note')} value={note} error={errors.preferencesNote} onChange={(e) => setNote(e.target.value)} rows={3} optional />
        <Button type="submit" appearance="primary" className="portal-button" busy={save.isPending}>
          {t('portal.work.save')}
        </Button>
      </form>
    </section>
  );
}
