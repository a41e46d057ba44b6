import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { lookupResidentProcessing, subjectAccessHref, type ExportFormat, type PrivacyLookupResult } from '../../api/privacy.api.ts';
import { useSession } from '../../auth/session.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Heading } from '../../components/Heading.tsx';
import { AppLink } from '../../components/Links.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formatDate } from '../../format/dates.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { useErrorText } from '../../hooks/useErrorText.ts';
import { fieldErrorsOf } from '../../hooks/useFieldErrors.ts';
import { localeOf } from '../../i18n/index.ts';
import { isValidBsn } from './bsn.ts';
import { LogTable } from './LogTable.tsx';
import './privacy.css';

const PAGE_SIZE = 25;
/**
 * Only in the demo (demo login): the BSN of Marco Jansen, the story resident of the demo (src/seed/story.ts; BSNs
 * follow from the generator's index, so it is the same in every demo database). A privacy officer has the BSN from
 * the request in front of him; a newcomer to the demo has none.
 */
const DEMO_BSN = '991991126';
const REASON_MIN = 10;

interface Asked {
  bsn: string;
  reason: string;
  /** Cursors of the pages shown so far (undefined: the first page). */
  cursors: Array<string | undefined>;
}

function Downloads({ residentId }: { residentId: string }) {
  const { t } = useTranslation();
  const link = (format: ExportFormat, primary: boolean) => (
    <a
      className={`utrecht-button-link utrecht-button-link--html-a utrecht-button-link--${primary ? 'primary' : 'secondary'}-action`}
      href={subjectAccessHref(residentId, format)}
      download
    >
      {t(`privacyOfficer.export.${format}`)}
    </a>
  );
  return (
    <section className="app-section" aria-labelledby="inzage-heading" id="inzageverzoek">
      <Heading level={2} id="inzage-heading">
        {t('privacyOfficer.export.title')}
      </Heading>
      <Paragraph>{t('privacyOfficer.export.intro')}</Paragraph>
      <p className="utrecht-paragraph app-privacy-downloads">
        {link('pdf', true)}
        {link('csv', false)}
        {link('json', false)}
      </p>
      <Paragraph small>{t('privacyOfficer.export.logged')}</Paragraph>
    </section>
  );
}

function Result({ data, asked, onPage, busy }: { data: PrivacyLookupResult; asked: Asked; onPage: (cursors: Asked['cursors']) => void; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const r = data.resident;
  const page = asked.cursors.length;
  return (
    <section className="app-section" aria-labelledby="result-heading" aria-busy={busy || undefined} id="verwerkingen">
      <Heading level={2} id="result-heading">
        {t('privacyOfficer.lookup.resultTitle', { name: r.name })}
      </Heading>
      <Paragraph>
        {t('privacyOfficer.lookup.who', { date: formatDate(r.dateOfBirth, locale), bsn: r.bsnMasked })}
      </Paragraph>
      <Alert type="ok" live="status">
        <p className="utrecht-paragraph">{t('privacyOfficer.lookup.logged', { reason: asked.reason })}</p>
      </Alert>
      <Paragraph>
        <strong>{t('privacyOfficer.lookup.total', { count: data.entries.total })}</strong>
      </Paragraph>
      {data.entries.items.length > 0 && (
        <LogTable id="resident-log" caption={t('privacyOfficer.lookup.tableCaption', { name: r.name })} entries={data.entries.items} />
      )}
      <Pagination
        label={t('privacyOfficer.lookup.pagination')}
        page={page}
        total={data.entries.total}
        pageSize={PAGE_SIZE}
        hasPrevious={page > 1}
        hasNext={data.entries.next !== null}
        onPrevious={() => onPage(asked.cursors.slice(0, -1))}
        onNext={() => onPage([...asked.cursors, data.entries.next ?? undefined])}
      />
    </section>
  );
}

/**
 * "Wie heeft dit dossier bekeken?": the privacy officer looks up any resident of the municipality by BSN, gives a
 * reason (stored in the log entry of the lookup), sees every processing of that resident and downloads the answer
 * to a subject access request. No case records: only what the log says.
 */
export function PrivacyLookupPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('privacyOfficer.lookup.title'));
  const errorText = useErrorText();
  const demo = useSession().authMethod === 'demo';
  const [bsn, setBsn] = useState('');
  const [reason, setReason] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [asked, setAsked] = useState<Asked | null>(null);
  const lookup = useMutation({
    mutationFn: (a: Asked) => lookupResidentProcessing({ bsn: a.bsn, reason: a.reason, cursor: a.cursors[a.cursors.length - 1], limit: PAGE_SIZE }),
  });

  const serverErrors = fieldErrorsOf(lookup.error);
  const errors = { ...serverErrors, ...localErrors };
  const otherError = lookup.error && Object.keys(serverErrors).length === 0 ? lookup.error : null;

  const run = (a: Asked) => {
    setAsked(a);
    lookup.mutate(a);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const digits = bsn.replace(/[\s.-]/g, '');
    const problems: Record<string, string> = {};
    if (!digits) problems.bsn = t('privacyOfficer.lookup.bsnRequired');
    else if (!/^\d{9}$/.test(digits)) problems.bsn = t('privacyOfficer.lookup.bsnFormat');
    else if (!isValidBsn(digits)) problems.bsn = t('privacyOfficer.lookup.bsnCheck');
    const why = reason.trim();
    if (!why) problems.reason = t('privacyOfficer.lookup.reasonRequired');
    else if (why.length < REASON_MIN) problems.reason = t('privacyOfficer.lookup.reasonShort', { min: REASON_MIN });
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) {
      lookup.reset();
      return;
    }
    run({ bsn: digits, reason: why.replace(/\s+/g, ' '), cursors: [undefined] });
  };

  const labels: Record<string, string> = { bsn: t('privacyOfficer.lookup.bsn'), reason: t('privacyOfficer.lookup.reason') };
  const data = lookup.data;

  return (
    <>
      <Heading level={1} className="app-long-words">{t('privacyOfficer.lookup.title')}</Heading>
      <Paragraph lead>{t('privacyOfficer.lookup.intro')}</Paragraph>
      <Paragraph>
        {t('privacyOfficer.lookup.also')} <AppLink to="/privacy/logboek">{t('privacyOfficer.nav.log')}</AppLink> ·{' '}
        <AppLink to="/privacy/register">{t('privacyOfficer.nav.register')}</AppLink>
      </Paragraph>

      <form className="app-form app-privacy-form" onSubmit={onSubmit} noValidate aria-labelledby="lookup-heading" id="lookup-form">
        <Heading level={2} id="lookup-heading">
          {t('privacyOfficer.lookup.formTitle')}
        </Heading>
        <ErrorSummary
          id="lookup-error-summary"
          items={Object.entries(errors).map(([k, message]) => ({
            fieldId: `lookup-${k}`,
            // "Reden", not the question the field asks: the summary puts a colon after the label.
            label: k === 'reason' ? t('privacyOfficer.lookup.reasonLabel') : (labels[k] ?? k),
            message,
          }))}
        />
        {otherError && !lookup.isPending && (
          <Alert type={isApiError(otherError, 404) ? 'warning' : 'error'} live="alert">
            <p className="utrecht-paragraph">{isApiError(otherError, 404) ? t('privacyOfficer.lookup.notFound') : errorText(otherError)}</p>
          </Alert>
        )}
        {demo && (
          <Alert type="info" className="app-privacy-demo">
            <p className="utrecht-paragraph">
              {t('privacyOfficer.lookup.demoHint', { bsn: `${DEMO_BSN.slice(0, 4)} ${DEMO_BSN.slice(4, 6)} ${DEMO_BSN.slice(6)}` })}{' '}
              <Button appearance="subtle" onClick={() => setBsn(DEMO_BSN)}>
                {t('privacyOfficer.lookup.demoFill')}
              </Button>
            </p>
          </Alert>
        )}
        <TextField
          id="lookup-bsn"
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
          id="lookup-reason"
          label={labels.reason!}
          description={t('privacyOfficer.lookup.reasonDescription')}
          required
          rows={3}
          maxLength={500}
          value={reason}
          error={errors.reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <div className="app-button-row">
          <Button type="submit" appearance="primary" busy={lookup.isPending}>
            {t('privacyOfficer.lookup.submit')}
          </Button>
        </div>
      </form>

      {data && asked && (
        <>
          <Result data={data} asked={asked} busy={lookup.isPending} onPage={(cursors) => run({ ...asked, cursors })} />
          <Downloads residentId={data.resident.id} />
        </>
      )}
    </>
  );
}
