import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listOpenReferrals, planIntake, type YouthReferral } from '../../api/youth.api.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Heading } from '../../components/Heading.tsx';
import { AppLink } from '../../components/Links.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDate, formatDateTime } from '../../format/dates.ts';
import { fieldErrorsOf } from '../../hooks/useFieldErrors.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { localeOf } from '../../i18n/index.ts';
import { WhenWhereFields, checkWhenWhere, instantOf, type WhenWhere } from '../resident/meetings/WhenWhereFields.tsx';

/** Warm handovers to Team Jongeren: the context, and the individual intake with the accompanying professional. */
export function ReferralsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('youth.referrals.title'));
  const referrals = useQuery({ queryKey: ['youth', 'referrals', 'open'], queryFn: listOpenReferrals, retry: false });
  return (
    <>
      <Heading level={1}>{t('youth.referrals.title')}</Heading>
      <Paragraph lead>{t('youth.referrals.intro')}</Paragraph>
      {referrals.isPending && <LoadingState />}
      {referrals.error && <ErrorState error={referrals.error} onRetry={() => void referrals.refetch()} />}
      {referrals.data && referrals.data.length === 0 && <Paragraph>{t('youth.referrals.empty')}</Paragraph>}
      {referrals.data?.map((r) => <Referral key={r.id} referral={r} />)}
    </>
  );
}

function Referral({ referral: r }: { referral: YouthReferral }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const headingId = `referral-${r.id}`;
  return (
    <section className="app-section" aria-labelledby={headingId}>
      <Heading level={2} id={headingId}>
        {r.residentName}
      </Heading>
      <Paragraph>
        <StatusBadge status={r.urgency === 'urgent' ? 'danger' : r.urgency === 'soon' ? 'warning' : 'neutral'}>{t(`youth.urgency.${r.urgency}`)}</StatusBadge>{' '}
        {t('youth.referrals.from', { kind: t(`youth.partnerKinds.${r.partnerKind}`), organisation: r.organisationName, date: formatDate(r.receivedOn, locale) })}
      </Paragraph>
      <Paragraph>{r.contextSummary}</Paragraph>
      <Paragraph small>
        {t('youth.referrals.professional', { name: r.professional.name })}
        {r.professional.email && <> · {r.professional.email}</>} · {t('youth.referrals.consent', { date: formatDate(r.consentOn, locale) })} ·{' '}
        <AppLink to={`/inwoners/${encodeURIComponent(r.residentId)}`}>{t('youth.period.toResident')}</AppLink>
      </Paragraph>
      {r.intake ? (
        <Paragraph>
          <StatusBadge status="safe">{t('youth.referrals.planned', { when: formatDateTime(r.intake.startsAt, locale) })}</StatusBadge>{' '}
          <a className="utrecht-link" href={r.intake.invitationPath} download>
            {t('youth.referrals.ics', { name: r.professional.name })}
          </a>
        </Paragraph>
      ) : (
        <IntakeForm referral={r} />
      )}
    </section>
  );
}

function IntakeForm({ referral: r }: { referral: YouthReferral }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [value, setValue] = useState<WhenWhere>({ date: '', start: '10:00', end: '11:00', mode: 'inPerson', location: '', videoUrl: '' });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () =>
      planIntake(r.id, {
        startsAt: instantOf(value.date, value.start)!,
        endsAt: instantOf(value.date, value.end)!,
        mode: value.mode,
        location: value.mode === 'inPerson' ? value.location.trim() || undefined : undefined,
        videoUrl: value.mode === 'video' ? value.videoUrl.trim() || undefined : undefined,
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['youth'] }),
  });
  const errors = { ...fieldErrorsOf(save.error), ...problems };
  const prefix = `intake-${r.id}`;
  return (
    <form
      noValidate
      aria-labelledby={`${prefix}-heading`}
      onSubmit={(e) => {
        e.preventDefault();
        const found = checkWhenWhere(value, t, (p) => p?.reason, { type: 'youthIntake' });
        setProblems(found);
        if (Object.keys(found).length === 0) save.mutate();
      }}
    >
      <Heading level={3} id={`${prefix}-heading`}>
        {t('youth.referrals.planTitle', { name: r.professional.name })}
      </Heading>
      {save.error && !Object.keys(fieldErrorsOf(save.error)).length ? <Alert type="error" live="alert">{String((save.error as Error).message)}</Alert> : null}
      <WhenWhereFields prefix={prefix} value={value} onChange={(c) => setValue((v) => ({ ...v, ...c }))} errors={errors} />
      <Button type="submit" appearance="primary" busy={save.isPending}>
        {t('youth.referrals.plan')}
      </Button>
    </form>
  );
}
