import { z } from 'zod';
import { applyScope, noResidents, tenantTransaction } from '../../platform/db/transaction.ts';
import type { JobDefinition } from '../../platform/jobs/jobs.ts';
import { RESIDENT_MESSAGE_EMAIL_QUEUE } from './messages.service.ts';
import { messagesStore } from './messages.store.ts';

// The e-mail that tells a resident there is a new message from his contact person. It never holds the message's
// words: only that there is one, and where to read it after logging in. At most once per message (emailed_at, the
// Message-ID as idempotency key); nothing when e-mail is off or the resident has no address.

export const PORTAL_MESSAGES_LINK = '/mijn/berichten';

export const MESSAGE_EMAIL = {
  subject: 'Samenplan: u heeft een nieuw bericht',
  text: (link: string) =>
    'Beste inwoner,\n\nUw contactpersoon heeft u een nieuw bericht gestuurd in Mijn Samenplan.\n' +
    `Log in om het bericht te lezen: ${link}\n\n` +
    'Om uw gegevens te beschermen staat het bericht zelf niet in deze e-mail.\n\n' +
    'Dit is een automatisch bericht van Samenplan. U kunt het niet beantwoorden.',
};

const data = z.object({ municipalityId: z.uuid(), residentId: z.uuid(), messageId: z.uuid() });

export const messageJobs: JobDefinition[] = [
  {
    queue: RESIDENT_MESSAGE_EMAIL_QUEUE,
    async handle(raw, ctx) {
      const d = data.parse(raw);
      if (!ctx.mail.configured) return;
      await tenantTransaction(ctx.appDb, noResidents(d.municipalityId), async (tx) => {
        // The resident's own scope: the job sees his message and his address, nothing else.
        await applyScope(tx, { ...noResidents(d.municipalityId), residentId: d.residentId });
        const store = messagesStore(tx, d.municipalityId);
        const m = await store.forEmail(d.messageId);
        if (!m || m.sender !== 'staff' || m.emailed_at || !m.email) return;
        await ctx.mail.send({ messageId: `<message-${m.id}@samenplan>`, to: m.email, subject: MESSAGE_EMAIL.subject, text: MESSAGE_EMAIL.text(ctx.mail.link(PORTAL_MESSAGES_LINK)) });
        await store.markEmailed(m.id);
      });
    },
  },
];
