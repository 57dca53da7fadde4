import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import type { CreateWebhookDto, WebhookDeliveryListDto, WebhookDto, WebhookListDto } from './dto/webhooks.dto';
import { WebhookNameTaken, WebhookNotFound } from './webhooks.exception';
import { WebhooksStore, type SubscriptionRow } from './webhooks.store';

const view = (r: SubscriptionRow): WebhookDto => ({
  ...r,
  nextAttemptAt: new Date(r.nextAttemptAt).toISOString(),
  createdAt: new Date(r.createdAt).toISOString(),
});

/** Subscriptions of the systems that depend on tiers, repair decisions and list entries (事件订阅管理). */
@Injectable()
export class WebhooksService {
  constructor(private readonly store: WebhooksStore) {}

  async create(caller: Caller | undefined, body: CreateWebhookDto): Promise<WebhookDto> {
    const row = await this.store.create({ id: randomUUID(), ...body, createdBy: caller?.name ?? 'unknown' });
    if (!row) throw new WebhookNameTaken(body.name);
    return view(row);
  }

  async list(): Promise<WebhookListDto> {
    return { items: (await this.store.list()).map(view) };
  }

  async setActive(id: string, active: boolean): Promise<WebhookDto> {
    const row = await this.store.setActive(id, active);
    if (!row) throw new WebhookNotFound(id);
    return view(row);
  }

  async deliveries(id: string, limit: number): Promise<WebhookDeliveryListDto> {
    if (!(await this.store.list()).some((s) => s.id === id)) throw new WebhookNotFound(id);
    const items = await this.store.deliveries(id, limit);
    return { items: items.map((d) => ({ ...d, at: new Date(d.at).toISOString() })) };
  }
}
