import nodemailer from 'nodemailer';

// Outgoing e-mail for notifications. Off unless SMTP_URL is set (smtp://user:pass@host:587 or smtps://…:465);
// then notifications are also mailed (worklist.jobs.ts, after commit, at most once per notification). Messages carry
// no personal data of residents: notification titles are counts ("3 acties verlopen") and a link into Samenplan.

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /**
   * Idempotency key of the message (issue 16): sent as its Message-ID, the same on every retry. A job that is killed
   * after the SMTP server accepted the mail but before it recorded that is retried and sends the same Message-ID
   * again, which mail systems treat as one message: once in effect.
   */
  messageId?: string;
}

export interface MailSender {
  /** False: notifications stay in-app; no e-mail job is enqueued. */
  readonly configured: boolean;
  send(message: MailMessage): Promise<void>;
  /** An absolute link into the web app for a path like /werklijst. */
  link(path: string): string;
}

export const mailOff: MailSender = {
  configured: false,
  async send() {
    throw new Error('E-mail is niet geconfigureerd');
  },
  link: (path) => path,
};

export interface SmtpOptions {
  /** smtp:// or smtps:// URL, with credentials when the server needs them. */
  url: string;
  /** Sender address, e.g. "Samenplan <noreply@gemeente.nl>". */
  from: string;
  /** Public address of the web app, for absolute links. */
  publicUrl: string;
}

/** A sender over SMTP (nodemailer). A failed delivery throws, so the job queue retries it. */
export function smtpSender(options: SmtpOptions): MailSender {
  const transport = nodemailer.createTransport(options.url);
  const base = options.publicUrl.replace(/\/+$/, '');
  return {
    configured: true,
    async send(message) {
      await transport.sendMail({ from: options.from, to: message.to, subject: message.subject, text: message.text, ...(message.messageId ? { messageId: message.messageId } : {}) });
    },
    link: (path) => `${base}${path.startsWith('/') ? path : `/${path}`}`,
  };
}

/** Host and port of an SMTP URL, for the operational log (never the credentials). */
export function smtpTarget(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') return null;
    return `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ''}`;
  } catch {
    return null;
  }
}

/** The mail sender for this environment: SMTP when SMTP_URL is set and valid, otherwise off (said in the log). */
export function mailSenderFromEnv(env: NodeJS.ProcessEnv, log: (msg: string) => void, publicUrl: string): MailSender {
  if (!env.SMTP_URL) {
    log('E-mail staat uit (SMTP_URL is niet gezet): meldingen verschijnen alleen in Samenplan.');
    return mailOff;
  }
  const target = smtpTarget(env.SMTP_URL);
  if (!target) {
    log('SMTP_URL is geen geldige smtp:// of smtps:// URL: e-mail staat uit, meldingen verschijnen alleen in Samenplan.');
    return mailOff;
  }
  const from = env.SMTP_FROM ?? 'Samenplan <noreply@samenplan.invalid>';
  log(`E-mail staat aan via ${target}: meldingen gaan ook per e-mail.`);
  return smtpSender({ url: env.SMTP_URL, from, publicUrl });
}
