import { api } from './http.ts';
import type { NotificationList } from './types.ts';

// Notifications of the logged-in user. Contract: src/modules/worklist/worklist.schema.ts (notification*).

export function listNotifications(unread = true): Promise<NotificationList> {
  return api.get<NotificationList>('/notifications', { query: { unread } });
}

export async function markNotificationRead(id: string): Promise<void> {
  await api.post<unknown>(`/notifications/${encodeURIComponent(id)}/read`);
}
