import { Logger } from '@nestjs/common';
import { Client } from 'pg';

export interface ListenerEvents {
  /** A notification on the channel. */
  notified(payload: string): void;
  /** LISTEN is in place (first time or after a reconnect): notifications may have been missed before it. */
  listening(): void;
  /** The connection is lost: until `listening` again, nothing is heard. */
  lost(): void;
}

/**
 * LISTEN on one channel over a dedicated `pg` Client (not the pool), reconnecting every second after a loss.
 * A NOTIFY is delivered after its transaction commits, never for one that rolled back.
 */
export class PgListener {
  private readonly logger: Logger;
  private client?: Client;
  private retry?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly events: ListenerEvents,
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a plain channel name: ${channel}`);
    this.logger = new Logger(`PgListener:${channel}`);
  }

  start(): void {
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.url,
      application_name: `credit-supervision-engine:${this.channel}`,
    });
    this.client = client;
    const again = (err?: Error) => {
      if (this.client !== client || this.stopped) return;
      this.client = undefined;
      this.events.lost();
      this.logger.warn(`listener lost (${err?.message ?? 'closed'}); reconnecting in 1 s`);
      void client.end().catch(() => undefined);
      this.retry = setTimeout(() => this.start(), 1000);
      this.retry.unref();
    };
    client.on('error', again);
    client.on('end', () => again());
    client.on('notification', (n) => {
      if (n.channel === this.channel && !this.stopped) this.events.notified(n.payload ?? '');
    });
    client
      .connect()
      .then(() => client.query(`LISTEN ${this.channel}`))
      .then(() => {
        if (!this.stopped && this.client === client) this.events.listening();
      })
      .catch((err: Error) => again(err));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const c = this.client;
    this.client = undefined;
    await c?.end().catch(() => undefined);
  }
}
