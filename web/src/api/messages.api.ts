import { api, body } from './client.ts';
import type { components } from './schema.gen.ts';

// Messages between a resident and his contact person (issue 11): the resident's side (no id: always his own) and
// the area team's side on the resident page, plus the werklijst's unread count.

type S = components['schemas'];
export type Message = S['Message'];
export type MessageList = S['MessageList'];
export type PortalMessageList = S['PortalMessageList'];
export type UnreadMessages = S['UnreadMessages'];

export function listPortalMessages(): Promise<PortalMessageList> {
  return body(api.GET('/portal/messages'));
}

export function sendPortalMessage(text: string): Promise<Message> {
  return body(api.POST('/portal/messages', { body: { body: text } }));
}

export function listResidentMessages(id: string): Promise<MessageList> {
  return body(api.GET('/residents/{id}/messages', { params: { path: { id } } }));
}

export function sendResidentMessage(id: string, text: string): Promise<Message> {
  return body(api.POST('/residents/{id}/messages', { params: { path: { id } }, body: { body: text } }));
}

export function listUnreadMessages(): Promise<UnreadMessages> {
  return body(api.GET('/unread-messages'));
}
