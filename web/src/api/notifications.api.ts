import { api, body } from './client.ts';
import type { NotificationList } from './models.ts';

// Notifications of the logged-in user.

export function listNotifications(unread = true): Promise<NotificationList> {
  return body(api.GET('/notifications', { params: { query: { unread: unread ? 'true' : 'false' } } }));
}

export async function markNotificationRead(id: string): Promise<void> {
  await body(api.POST('/notifications/{id}/read', { params: { path: { id } } }));
}
