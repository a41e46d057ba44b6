import { z } from 'zod';
import { MESSAGE_MAX } from './messages.rules.ts';

// Messages between a resident and his contact person (issue 11). The words are plain text: the web app shows them as
// text, never as HTML; markup is refused at the field (messages.rules.ts).

export const messageSchema = z
  .object({
    id: z.uuid(),
    from: z.enum(['resident', 'staff']).describe('Wie schreef: de inwoner of een medewerker'),
    authorName: z.string().describe('"U" voor uw eigen berichten in Mijn Samenplan; anders de naam van de medewerker'),
    mine: z.boolean().describe('Geschreven door wie nu kijkt (de inwoner, of de kant van de medewerkers)'),
    body: z.string().describe('Platte tekst'),
    sentAt: z.iso.datetime({ offset: true }),
    readAt: z.iso.datetime({ offset: true }).nullable().describe('Wanneer de andere kant het bericht las'),
  })
  .meta({ id: 'Message' });

export const messageListSchema = z
  .object({
    items: z.array(messageSchema),
    total: z.number().int(),
    next: z.string().nullable(),
    unreadBefore: z.number().int().describe('Hoeveel berichten van de andere kant nog niet gelezen waren (nu gelezen)'),
  })
  .meta({ id: 'MessageList' });

export const portalMessageListSchema = messageListSchema
  .extend({ contactPerson: z.string().nullable().describe('De naam van uw contactpersoon') })
  .meta({ id: 'PortalMessageList' });

export const messageBody = z
  .object({
    body: z
      .string({ message: 'Schrijf eerst uw bericht.' })
      .max(MESSAGE_MAX * 2, `Maak uw bericht korter: hoogstens ${MESSAGE_MAX} tekens.`)
      .describe(`Platte tekst, hoogstens ${MESSAGE_MAX} tekens`),
  })
  .strict();

export const unreadMessagesSchema = z
  .object({
    items: z.array(
      z.object({ residentId: z.uuid(), displayName: z.string(), unread: z.number().int(), lastSentAt: z.iso.datetime({ offset: true }) }),
    ),
    total: z.number().int(),
    next: z.string().nullable(),
    unreadTotal: z.number().int().describe('Alle ongelezen berichten van inwoners van wie u contactpersoon bent'),
  })
  .meta({ id: 'UnreadMessages' });

export const residentParams = z.object({ id: z.uuid({ message: 'Dit is geen geldig id' }) });
