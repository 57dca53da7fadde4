/** What the service announces to subscribed systems (事件推送). */
export const WEBHOOK_EVENT_KINDS = ['tier.changed', 'repair.decided', 'list.entered'] as const;
export type WebhookEventKind = (typeof WEBHOOK_EVENT_KINDS)[number];
