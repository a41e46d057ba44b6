import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { appointmentIcsHref, replyToAppointment, type PortalAppointment } from '../../api/portal.api.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { useErrorText } from '../../hooks/useErrorText.ts';

const MOVE_MAX = 500;

function when(a: PortalAppointment, locale: string) {
  const day = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'Europe/Amsterdam' }).format(new Date(a.startsAt));
  const time = (iso: string) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));
  return `${day}, ${time(a.startsAt)}–${time(a.endsAt)}`;
}

/** One appointment: when, where, with whom; "I will come", "I want to move it" (with a short note) and the .ics. */
export function AppointmentCard({ appointment: a }: { appointment: PortalAppointment }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [moving, setMoving] = useState(false);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  const reply = useMutation({
    mutationFn: (body: { confirm: true } | { moveNote: string }) => replyToAppointment(a.id, body),
    onSuccess: () => {
      setMoving(false);
      setNote('');
      void qc.invalidateQueries({ queryKey: ['portal-home'] });
    },
    onError: (e) => {
      if (isApiError(e, 400)) setNoteError(e.invalidParams.find((p) => p.name === 'moveNote')?.reason);
    },
  });
  const place = a.mode === 'video' ? t('portal.appointment.video') : a.mode === 'phone' ? t('portal.appointment.phone') : (a.location ?? '');
  const idBase = `afspraak-${a.id}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = note.trim();
    if (!trimmed) return setNoteError(t('portal.appointment.moveLabel'));
    if (trimmed.length > MOVE_MAX) return setNoteError(t('portal.appointment.moveHint'));
    setNoteError(undefined);
    reply.mutate({ moveNote: trimmed });
  };
  return (
    <li className="portal-card" aria-labelledby={`${idBase}-title`}>
      <Heading level={3} id={`${idBase}-title`}>
        {a.typeLabel}: {when(a, i18n.language === 'en' ? 'en-GB' : 'nl-NL')}
      </Heading>
      {place && <Paragraph>{t('portal.appointment.where', { place })}</Paragraph>}
      {a.withWhom.length > 0 && <Paragraph>{t('portal.appointment.with', { names: a.withWhom.join(', ') })}</Paragraph>}
      {a.confirmedAt && (
        <Alert type="ok">
          <p className="utrecht-paragraph">{t('portal.appointment.confirmed')}</p>
        </Alert>
      )}
      {a.moveRequestedAt && (
        <Alert type="info">
          <p className="utrecht-paragraph">{t('portal.appointment.moveRequested')}</p>
        </Alert>
      )}
      {reply.error && !isApiError(reply.error, 400) && (
        <Alert type="error" live="alert" title={t('portal.appointment.failed')}>
          <p className="utrecht-paragraph">{errorText(reply.error)}</p>
        </Alert>
      )}
      {moving ? (
        <form onSubmit={submit} noValidate className="portal-stack">
          <TextAreaField
            id={`${idBase}-note`}
            label={t('portal.appointment.moveLabel')}
            description={t('portal.appointment.moveHint')}
            error={noteError}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            required
            rows={3}
          />
          <div className="portal-actions">
            <Button type="submit" appearance="primary" className="portal-button" busy={reply.isPending}>
              {t('portal.appointment.moveSend')}
            </Button>
            <Button className="portal-button" onClick={() => setMoving(false)}>
              {t('portal.appointment.moveCancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div className="portal-actions">
          {!a.confirmedAt && (
            <Button appearance="primary" className="portal-button" busy={reply.isPending} onClick={() => reply.mutate({ confirm: true })}>
              {t('portal.appointment.confirm')}
            </Button>
          )}
          <Button className="portal-button" onClick={() => setMoving(true)}>
            {t('portal.appointment.move')}
          </Button>
          <a className="utrecht-link portal-link" href={appointmentIcsHref(a.id)} download>
            {t('portal.appointment.ics')}
          </a>
        </div>
      )}
    </li>
  );
}
