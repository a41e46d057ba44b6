import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../../../api/client.ts';
import {
  barrierStatuses,
  zrmDomains,
  type Barrier,
  type BarrierStatus,
  type ZrmDomain,
} from '../../../api/models.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { Heading } from '../../../components/Heading.tsx';
import { LoadingState } from '../../../components/LoadingState.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextAreaField } from '../../../components/TextAreaField.tsx';
import { useErrorText } from '../../../hooks/useErrorText.ts';
import { fieldErrorsOf } from '../../../hooks/useFieldErrors.ts';
import { useMirroredState } from '../../../hooks/useMirroredState.ts';
import { useSituationText, type SituationText } from './labels.ts';
import { useBarriers, useCreateBarrier, useUpdateBarrier } from './useSituation.ts';

type Outcome = { kind: 'conflict' } | { kind: 'error'; message: string } | { kind: 'unchanged' };

/** Change the status of one barrier. The version we read goes along as If-Match. */
function StatusChange({
  barrier,
  busy,
  onSave,
  text,
}: {
  barrier: Barrier;
  busy: boolean;
  onSave: (status: BarrierStatus) => void;
  text: SituationText;
}) {
  const { t } = text;
  const [status, setStatus] = useMirroredState<BarrierStatus>(barrier.status);
  const id = `barrier-${barrier.id}-status`;
  const domain = text.domain(barrier.domain, barrier.domainLabel);
  return (
    <form
      className="app-barrier__change"
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSave(status);
      }}
    >
      <SelectField
        id={id}
        label={
          <>
            {t('situation.barriers.statusLabel')}
            <span className="app-visually-hidden"> {t('situation.barriers.ofBarrier', { domain })}</span>
          </>
        }
        options={barrierStatuses.map((s) => ({ value: s, label: text.status(s) }))}
        value={status}
        onChange={(e) => setStatus(e.target.value as BarrierStatus)}
      />
      <Button type="submit" appearance="secondary" busy={busy}>
        {t('situation.barriers.save')}
        <span className="app-visually-hidden"> {t('situation.barriers.ofBarrier', { domain })}</span>
      </Button>
    </form>
  );
}

function BarrierItem({
  barrier,
  canWrite,
  busy,
  outcome,
  onSave,
  text,
}: {
  barrier: Barrier;
  canWrite: boolean;
  busy: boolean;
  outcome: Outcome | undefined;
  onSave: (status: BarrierStatus) => void;
  text: SituationText;
}) {
  const { t } = text;
  const changed = barrier.version > 1 || barrier.updatedAt !== barrier.createdAt;
  return (
    <li className="app-barrier" id={`barrier-${barrier.id}`} tabIndex={-1}>
      <p className="utrecht-paragraph app-barrier__title">
        <strong>{text.domain(barrier.domain, barrier.domainLabel)}</strong>
        <span className="app-visually-hidden">, {text.status(barrier.status, barrier.statusLabel)}</span>
      </p>
      <p className="utrecht-paragraph app-prewrap app-barrier__description">{barrier.description}</p>
      <p className="utrecht-paragraph app-cell-note">
        {t('situation.barriers.created', {
          name: barrier.createdBy.displayName,
          date: text.date(barrier.createdAt),
        })}
        {changed && (
          <>
            {' · '}
            {t('situation.barriers.updated', {
              name: barrier.updatedBy.displayName,
              date: text.date(barrier.updatedAt),
            })}
          </>
        )}
      </p>
      {outcome?.kind === 'conflict' && (
        <Alert type="warning" live="alert">
          <p className="utrecht-paragraph">{t('situation.barriers.conflict')}</p>
        </Alert>
      )}
      {outcome?.kind === 'error' && (
        <Alert type="error" live="alert">
          <p className="utrecht-paragraph">{outcome.message}</p>
        </Alert>
      )}
      {outcome?.kind === 'unchanged' && (
        <p className="utrecht-paragraph app-field-error" role="alert">
          {t('situation.barriers.unchanged')}
        </p>
      )}
      {canWrite && <StatusChange barrier={barrier} busy={busy} onSave={onSave} text={text} />}
    </li>
  );
}

/** Add a barrier: which life domain, what stands in the way, and how far it is. */
function BarrierForm({
  residentId,
  onAdded,
  text,
}: {
  residentId: string;
  onAdded: (b: Barrier) => void;
  text: SituationText;
}) {
  const { t } = text;
  const errorText = useErrorText();
  const create = useCreateBarrier(residentId);
  const [open, setOpen] = useState(false);
  const [domain, setDomain] = useState<ZrmDomain | ''>('');
  const [description, setDescription] = useState('');
  const [status, setStatus] = useState<BarrierStatus>('open');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const toggleRef = useRef<HTMLButtonElement>(null);

  const serverErrors = fieldErrorsOf(create.error);
  const errors = { ...serverErrors, ...localErrors };
  const otherError = create.error && Object.keys(serverErrors).length === 0 ? create.error : null;

  const close = () => {
    setOpen(false);
    setDomain('');
    setDescription('');
    setStatus('open');
    setLocalErrors({});
    create.reset();
    window.requestAnimationFrame(() => toggleRef.current?.focus());
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!domain) missing.domain = t('situation.barriers.form.domainRequired');
    if (description.trim().length < 3) missing.description = t('situation.barriers.form.descriptionRequired');
    create.reset();
    setLocalErrors(missing);
    const first = Object.keys(missing)[0];
    if (first || !domain) {
      if (first) document.getElementById(`barrier-new-${first}`)?.focus();
      return;
    }
    create.mutate(
      { domain, description: description.trim(), status },
      {
        onSuccess: (b) => {
          onAdded(b);
          close();
        },
        onError: (err) => {
          const firstServer = Object.keys(fieldErrorsOf(err))[0];
          if (firstServer)
            window.requestAnimationFrame(() =>
              document.getElementById(`barrier-new-${firstServer}`)?.focus(),
            );
        },
      },
    );
  };

  return (
    <div className="app-subform">
      <Button
        ref={toggleRef}
        appearance="secondary"
        aria-expanded={open}
        aria-controls="barrier-form"
        onClick={() => (open ? close() : setOpen(true))}
      >
        {t('situation.barriers.form.toggle')}
      </Button>
      {open && (
        <form
          id="barrier-form"
          className="app-form"
          onSubmit={onSubmit}
          noValidate
          aria-labelledby="barrier-form-heading"
        >
          <Heading level={4} id="barrier-form-heading" className="app-form-title">
            {t('situation.barriers.form.title')}
          </Heading>
          {otherError && (
            <Alert type="error" live="alert" title={t('situation.barriers.form.failed')}>
              <p className="utrecht-paragraph">{errorText(otherError)}</p>
            </Alert>
          )}
          <SelectField
            id="barrier-new-domain"
            label={t('situation.barriers.form.domain')}
            description={t('situation.barriers.form.domainDescription')}
            required
            emptyOption={t('situation.barriers.form.chooseDomain')}
            options={zrmDomains.map((d) => ({ value: d, label: text.domain(d) }))}
            value={domain}
            error={errors.domain}
            onChange={(e) => setDomain(e.target.value as ZrmDomain | '')}
          />
          <TextAreaField
            id="barrier-new-description"
            label={t('situation.barriers.form.description')}
            description={t('situation.barriers.form.descriptionDescription')}
            required
            rows={3}
            value={description}
            error={errors.description}
            onChange={(e) => setDescription(e.target.value)}
          />
          <SelectField
            id="barrier-new-status"
            label={t('situation.barriers.statusLabel')}
            options={barrierStatuses.map((s) => ({ value: s, label: text.status(s) }))}
            value={status}
            error={errors.status}
            onChange={(e) => setStatus(e.target.value as BarrierStatus)}
          />
          <div className="app-button-row">
            <Button type="submit" appearance="primary" busy={create.isPending}>
              {t('situation.barriers.form.submit')}
            </Button>
            <Button appearance="subtle" onClick={close}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}

/** Barriers per life domain, grouped by status (open first), each with its own status change. */
export function BarriersPanel({ residentId, canWrite }: { residentId: string; canWrite: boolean }) {
  const text = useSituationText();
  const { t } = text;
  const errorText = useErrorText();
  const barriers = useBarriers(residentId, true);
  const update = useUpdateBarrier(residentId);
  const [message, setMessage] = useState<string | null>(null);
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const [focusId, setFocusId] = useState<string | null>(null);

  // After a change the barrier may have moved to another group (a new element): give it focus there.
  useEffect(() => {
    if (!focusId) return;
    const el = document.getElementById(`barrier-${focusId}`);
    if (el) el.focus();
    setFocusId(null);
  }, [focusId, barriers.data]);

  const save = (barrier: Barrier, status: BarrierStatus) => {
    setMessage(null);
    if (status === barrier.status) {
      setOutcomes({ [barrier.id]: { kind: 'unchanged' } });
      return;
    }
    setOutcomes({});
    update.mutate(
      { barrier, body: { status } },
      {
        onSuccess: (b) => {
          setMessage(
            t('situation.barriers.statusSaved', {
              domain: text.domain(b.domain, b.domainLabel),
              status: text.status(b.status, b.statusLabel),
            }),
          );
          setFocusId(b.id);
        },
        onError: (err) => {
          setOutcomes({
            [barrier.id]: isApiError(err, 412)
              ? { kind: 'conflict' }
              : { kind: 'error', message: errorText(err) },
          });
          setFocusId(barrier.id);
        },
      },
    );
  };

  const items = barriers.data ?? [];
  return (
    <div className="app-barriers">
      <h3 className="utrecht-heading-3" id="barriers-heading">
        {t('situation.barriers.title')}
      </h3>
      <div role="status" className="app-live">
        {message && (
          <Alert type="ok">
            <p className="utrecht-paragraph">{message}</p>
          </Alert>
        )}
      </div>
      {barriers.isPending && <LoadingState />}
      {barriers.error !== null && (
        <ErrorState error={barriers.error} onRetry={() => void barriers.refetch()} />
      )}
      {barriers.data && items.length === 0 && (
        <div className="app-empty">
          <p className="utrecht-paragraph">
            {canWrite ? t('situation.barriers.empty') : t('situation.barriers.emptyReadOnly')}
          </p>
        </div>
      )}
      {barrierStatuses.map((status) => {
        const group = items.filter((b) => b.status === status);
        if (group.length === 0) return null;
        const headingId = `barriers-${status}-heading`;
        return (
          <div key={status} className={`app-barrier-group app-barrier-group--${status}`}>
            <Heading level={4} id={headingId} className="app-barrier-group__title">
              {t('situation.barriers.group', { status: text.status(status), count: group.length })}
            </Heading>
            <ul className="app-barrier-list" aria-labelledby={headingId}>
              {group.map((b) => (
                <BarrierItem
                  key={b.id}
                  barrier={b}
                  canWrite={canWrite}
                  busy={update.isPending && update.variables?.barrier.id === b.id}
                  outcome={outcomes[b.id]}
                  onSave={(s) => save(b, s)}
                  text={text}
                />
              ))}
            </ul>
          </div>
        );
      })}
      {canWrite && (
        <BarrierForm
          residentId={residentId}
          text={text}
          onAdded={(b) => {
            setOutcomes({});
            setMessage(t('situation.barriers.added', { domain: text.domain(b.domain, b.domainLabel) }));
          }}
        />
      )}
    </div>
  );
}
