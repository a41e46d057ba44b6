import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import {
  assessErasureRequest,
  createErasureRequest,
  listErasureRequests,
  type ErasureAssessment,
  type ErasureDecision,
  type ErasureRequest,
} from '../../api/privacy.api.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { DataList } from '../../components/DataList.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Heading } from '../../components/Heading.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formatDate, formatDateTime } from '../../format/dates.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { useErrorText } from '../../hooks/useErrorText.ts';
import { fieldErrorsOf } from '../../hooks/useFieldErrors.ts';
import { localeOf } from '../../i18n/index.ts';
import { isValidBsn } from './bsn.ts';
import './privacy.css';

const REASON_MIN = 10;

type Asked = { bsn: string; reason: string };

/** The decision the law leaves: what it says for this resident, and the privacy officer's choice. */
function Assessment({ a, busy, onDecide, onCancel }: { a: ErasureAssessment; busy: boolean; onDecide: () => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const erasable = a.decision === 'erasable';
  return (
    <section className="app-section" aria-labelledby="assessment-heading" id="beoordeling">
      <Heading level={2} id="assessment-heading">
        {t('reliability.erasure.assessmentTitle', { name: a.resident.name })}
      </Heading>
      <Paragraph>{t('reliability.erasure.who', { date: formatDate(a.resident.dateOfBirth, locale), bsn: a.resident.bsnMasked })}</Paragraph>
      <Alert type={erasable ? 'ok' : 'warning'} live="status">
        <p className="utrecht-paragraph">
          {erasable
            ? t('reliability.erasure.lawErasable')
            : a.refusalReason === 'activeCase'
              ? t('reliability.erasure.lawActiveCase')
              : t('reliability.erasure.lawRetention', { date: a.retainUntil ? formatDate(a.retainUntil, locale) : '' })}
        </p>
      </Alert>
      <Paragraph>{erasable ? t('reliability.erasure.whatErases') : t('reliability.erasure.whatRefuses')}</Paragraph>
      <div className="app-button-row">
        <Button appearance="primary" busy={busy} onClick={onDecide} id="erasure-decide">
          {erasable ? t('reliability.erasure.erase') : t('reliability.erasure.refuse')}
        </Button>
        <Button appearance="secondary" onClick={onCancel} disabled={busy}>
          {t('reliability.erasure.cancel')}
        </Button>
      </div>
    </section>
  );
}

function Outcome({ d }: { d: ErasureDecision }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return (
    <section className="app-section" aria-labelledby="outcome-heading" id="uitkomst">
      <Heading level={2} id="outcome-heading">
        {t('reliability.erasure.outcomeTitle')}
      </Heading>
      <Alert type={d.decision === 'erased' ? 'ok' : 'info'} live="status">
        <p className="utrecht-paragraph">
          {d.decision === 'erased'
            ? t('reliability.erasure.outcomeErased')
            : t('reliability.erasure.outcomeRefused', {
                reason: t(`reliability.erasure.reason.${d.refusalReason ?? 'activeCase'}`),
                date: d.retainUntil ? formatDate(d.retainUntil, locale) : t('reliability.erasure.untilCaseCloses'),
              })}
        </p>
      </Alert>
      <Heading level={3}>{t('reliability.erasure.letterTitle')}</Heading>
      <Paragraph>{t('reliability.erasure.letterIntro')}</Paragraph>
      <blockquote className="app-erasure-letter" lang="nl">
        <p className="utrecht-paragraph">{d.explanation}</p>
      </blockquote>
    </section>
  );
}

function Decisions() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const list = useQuery({ queryKey: ['privacy', 'erasure-requests', cursor], queryFn: () => listErasureRequests(cursor), retry: false });
  const badge = (r: ErasureRequest) =>
    r.decision === 'erased' ? <StatusBadge status="safe">{t('reliability.erasure.badgeErased')}</StatusBadge> : <StatusBadge status="warning">{t('reliability.erasure.badgeRefused')}</StatusBadge>;
  return (
    <section className="app-section" aria-labelledby="decisions-heading" id="besluiten">
      <Heading level={2} id="decisions-heading">
        {t('reliability.erasure.decisionsTitle')}
      </Heading>
      <Paragraph>{t('reliability.erasure.decisionsIntro')}</Paragraph>
      {list.isPending && <LoadingState />}
      {list.error && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <>
          <Paragraph>
            <strong>{t('reliability.erasure.decisionsCount', { count: list.data.total })}</strong>
          </Paragraph>
          <ul className="app-erasure-decisions" aria-label={t('reliability.erasure.decisionsTitle')}>
            {list.data.items.map((r) => (
              <li key={r.id} className="app-erasure-decision">
                <p className="utrecht-paragraph">{badge(r)}</p>
                <DataList
                  items={[
                    { key: 'at', label: t('reliability.erasure.decidedAt'), value: formatDateTime(r.decidedAt, locale) },
                    { key: 'by', label: t('reliability.erasure.decidedBy'), value: r.decidedBy ?? '—' },
                    r.decision === 'refused' && { key: 'reason', label: t('reliability.erasure.legalReason'), value: t(`reliability.erasure.reason.${r.refusalReason ?? 'activeCase'}`) },
                    r.decision === 'refused' && {
                      key: 'until',
                      label: t('reliability.erasure.retainUntil'),
                      value: r.retainUntil ? formatDate(r.retainUntil, locale) : t('reliability.erasure.untilCaseCloses'),
                    },
                  ]}
                />
              </li>
            ))}
          </ul>
          {(cursor || list.data.next) && (
            <div className="app-button-row">
              {cursor && (
                <Button appearance="secondary" onClick={() => setCursor(undefined)}>
                  {t('reliability.erasure.first')}
                </Button>
              )}
              {list.data.next && (
                <Button appearance="secondary" onClick={() => setCursor(list.data.next ?? undefined)}>
                  {t('reliability.erasure.more')}
                </Button>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}

/**
 * "Verzoeken om wissing" (AVG art. 17, issue 16): the privacy officer enters the request (BSN and how it came in),
 * sees what the law says for this resident (erasable, or a legal duty to keep with the reason and the date until
 * which), decides — erase, or record the refusal — and sees the outcome with the text for the letter. Below, every
 * decision taken, under pseudonym (no names).
 */
export function ErasurePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('reliability.erasure.title'));
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [bsn, setBsn] = useState('');
  const [reason, setReason] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [asked, setAsked] = useState<Asked | null>(null);
  const assess = useMutation({ mutationFn: assessErasureRequest });
  const decide = useMutation({
    mutationFn: createErasureRequest,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['privacy', 'erasure-requests'] }),
  });

  const serverErrors = fieldErrorsOf(assess.error);
  const errors = { ...serverErrors, ...localErrors };
  const otherError = assess.error && Object.keys(serverErrors).length === 0 ? assess.error : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const digits = bsn.replace(/[\s.-]/g, '');
    const problems: Record<string, string> = {};
    if (!digits) problems.bsn = t('privacyOfficer.lookup.bsnRequired');
    else if (!/^\d{9}$/.test(digits)) problems.bsn = t('privacyOfficer.lookup.bsnFormat');
    else if (!isValidBsn(digits)) problems.bsn = t('privacyOfficer.lookup.bsnCheck');
    const why = reason.trim();
    if (!why) problems.reason = t('reliability.erasure.requestRequired');
    else if (why.length < REASON_MIN) problems.reason = t('reliability.erasure.requestShort', { min: REASON_MIN });
    setLocalErrors(problems);
    decide.reset();
    if (Object.keys(problems).length > 0) {
      assess.reset();
      return;
    }
    const a = { bsn: digits, reason: why.replace(/\s+/g, ' ') };
    setAsked(a);
    assess.mutate(a);
  };

  const labels: Record<string, string> = { bsn: t('privacyOfficer.lookup.bsn'), reason: t('reliability.erasure.request') };
  const cancel = () => {
    assess.reset();
    setAsked(null);
  };

  return (
    <>
      <Heading level={1} className="app-long-words">
        {t('reliability.erasure.title')}
      </Heading>
      <Paragraph lead>{t('reliability.erasure.intro')}</Paragraph>

      <form className="app-form app-privacy-form" onSubmit={onSubmit} noValidate aria-labelledby="erasure-form-heading" id="erasure-form">
        <Heading level={2} id="erasure-form-heading">
          {t('reliability.erasure.formTitle')}
        </Heading>
        <ErrorSummary
          id="erasure-error-summary"
          items={Object.entries(errors).map(([k, message]) => ({ fieldId: `erasure-${k}`, label: labels[k] ?? k, message }))}
        />
        {otherError && !assess.isPending && (
          <Alert type={isApiError(otherError, 404) ? 'warning' : 'error'} live="alert">
            <p className="utrecht-paragraph">{isApiError(otherError, 404) ? t('privacyOfficer.lookup.notFound') : errorText(otherError)}</p>
          </Alert>
        )}
        <TextField
          id="erasure-bsn"
          label={labels.bsn!}
          description={t('privacyOfficer.lookup.bsnDescription')}
          required
          size="md"
          inputMode="numeric"
          autoComplete="off"
          value={bsn}
          error={errors.bsn}
          onChange={(e) => setBsn(e.target.value)}
        />
        <TextAreaField
          id="erasure-reason"
          label={labels.reason!}
          description={t('reliability.erasure.requestDescription')}
          required
          rows={3}
          maxLength={500}
          value={reason}
          error={errors.reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <div className="app-button-row">
          <Button type="submit" appearance="primary" busy={assess.isPending}>
            {t('reliability.erasure.check')}
          </Button>
        </div>
      </form>

      {assess.data && asked && !decide.data && (
        <Assessment a={assess.data} busy={decide.isPending} onDecide={() => decide.mutate(asked)} onCancel={cancel} />
      )}
      {decide.error && (
        <Alert type="error" live="alert">
          <p className="utrecht-paragraph">{errorText(decide.error)}</p>
        </Alert>
      )}
      {decide.data && <Outcome d={decide.data} />}
      <Decisions />
    </>
  );
}
