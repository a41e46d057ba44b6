import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import type { Message } from '../../api/messages.api.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { cx } from '../../components/classNames.ts';
import { formatDateTime } from '../../format/dates.ts';
import { localeOf } from '../../i18n/index.ts';
import './messages.css';

export const MESSAGE_MAX = 2000;
/** The same rule as the server's (messages.rules.ts): markup is refused at the field. */
const MARKUP = /<\s*(?:[/?]?\s*[a-z]|!)/i;

/**
 * One conversation between a resident and his contact person, oldest first, and the form to write. The words are
 * always shown as text (React escapes them), never as HTML. Used in Mijn Samenplan and on the resident page.
 */
export function MessageThread({
  items,
  otherName,
  send,
  onSent,
  idPrefix,
}: {
  items: Message[];
  /** Who the other side is, for the screen reader's "From …" (the resident page: the resident's name). */
  otherName: string;
  send: (text: string) => Promise<Message>;
  onSent: () => void;
  idPrefix: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [sent, setSent] = useState(false);
  const end = useRef<HTMLLIElement>(null);
  const count = items.length;
  const first = useRef(true);
  // After a new message (not on the first render), bring the newest into view.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    end.current?.scrollIntoView({ block: 'nearest' });
  }, [count]);
  const mutation = useMutation({
    mutationFn: () => send(text.trim()),
    onSuccess: () => {
      setText('');
      setSent(true);
      onSent();
    },
    onError: (e) => {
      if (isApiError(e, 400)) setError(e.invalidParams.find((p) => p.name === 'body')?.reason ?? t('conversation.errors.invalid'));
      else setError(t('conversation.errors.notSent'));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSent(false);
    const v = text.trim();
    const problem = v.length === 0 ? 'empty' : v.length > MESSAGE_MAX ? 'tooLong' : MARKUP.test(v) ? 'markup' : null;
    setError(problem ? t(`conversation.errors.${problem}`, { max: MESSAGE_MAX }) : undefined);
    if (!problem) mutation.mutate();
  };
  return (
    <div className="message-thread">
      {items.length === 0 ? (
        <Paragraph>{t('conversation.empty')}</Paragraph>
      ) : (
        <ol className="message-thread__list" aria-label={t('conversation.listLabel')}>
          {items.map((m, i) => (
            <li key={m.id} ref={i === items.length - 1 ? end : undefined} className={cx('message', m.mine ? 'message--mine' : 'message--theirs')}>
              <p className="message__meta">
                <strong>{m.mine ? t('conversation.you') : m.from === 'staff' ? m.authorName : otherName}</strong>
                <span className="app-visually-hidden">, </span>
                <time dateTime={m.sentAt}>{formatDateTime(m.sentAt, locale)}</time>
              </p>
              <p className="message__body">{m.body}</p>
              {m.mine && <p className="message__status">{m.readAt ? t('conversation.read') : t('conversation.notRead')}</p>}
            </li>
          ))}
        </ol>
      )}
      {sent && (
        <Alert type="ok" live="status">
          <p className="utrecht-paragraph">{t('conversation.sent')}</p>
        </Alert>
      )}
      <form onSubmit={submit} noValidate className="message-thread__form">
        <TextAreaField
          id={`${idPrefix}-body`}
          label={t('conversation.write')}
          description={t('conversation.writeHint', { max: MESSAGE_MAX })}
          error={error}
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={4}
          required
        />
        <Button type="submit" appearance="primary" className="portal-button" busy={mutation.isPending}>
          {t('conversation.send')}
        </Button>
      </form>
    </div>
  );
}
