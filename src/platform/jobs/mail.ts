// Outgoing e-mail for notifications. Samenplan has no SMTP client yet (no package for it is installed), so the
// only sender is the one that says e-mail is off. A real sender implements MailSender and is chosen here when
// SMTP_URL is set; until then notifications are in-app only and nothing pretends to have sent a message.

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface MailSender {
  /** False: notifications stay in-app; no e-mail job is enqueued. */
  readonly configured: boolean;
  send(message: MailMessage): Promise<void>;
}

export const mailOff: MailSender = {
  configured: false,
  async send() {
    throw new Error('E-mail is niet geconfigureerd');
  },
};

/** The mail sender for this environment. Logs (without personal data) why e-mail is off. */
export function mailSenderFromEnv(env: NodeJS.ProcessEnv, log: (msg: string) => void): MailSender {
  if (!env.SMTP_URL) {
    log('E-mail staat uit (SMTP_URL is niet gezet): meldingen verschijnen alleen in Samenplan.');
  } else {
    log('SMTP_URL is gezet, maar deze versie van Samenplan kan nog geen e-mail versturen: meldingen verschijnen alleen in Samenplan.');
  }
  return mailOff;
}
