import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listNotifications, markNotificationRead } from '../../api/notifications.api.ts';
import { getWorklist } from '../../api/worklist.api.ts';

export const worklistKey = ['worklist'] as const;
export const notificationsKey = ['notifications', 'unread'] as const;

export function useWorklist() {
  return useQuery({ queryKey: worklistKey, queryFn: getWorklist, retry: false });
}

/** Unread notifications: the header shows the count, the list shows the items. Refreshed every minute. */
export function useUnreadNotifications(enabled: boolean) {
  return useQuery({
    queryKey: notificationsKey,
    queryFn: () => listNotifications(true),
    enabled,
    retry: false,
    refetchInterval: 60_000,
  });
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}
