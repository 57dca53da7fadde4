import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG, AppConfig } from '../../config/app.config';
import { PacksService } from './packs.service';
import { listenForPackChanges, PACK_CHANNEL, PackVersionsStore } from './pack-versions.store';

/**
 * Hot reload across instances. On a PostgreSQL server a dedicated `pg` Client (not the pool) LISTENs
 * on `pack_changed` and reloads on every notification; after each (re)connect it reloads too, in case
 * a notification was missed. Everywhere a poll compares the active set's signature (`packId:versionId,…`)
 * and reloads when it changed: on the embedded PGlite a NOTIFY is not delivered to another socket
 * connection (tested), so there the poll is the mechanism (every 250 ms; PACKS_POLL_MS in AppConfig overrides).
 */
@Injectable()
export class PackWatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(PackWatcher.name);
  private client?: Client;
  private poll?: NodeJS.Timeout;
  private retry?: NodeJS.Timeout;
  private stopped = false;
  private polling = false;
  /** Loads in flight: shutdown waits for them before the pool closes. */
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig & { databaseUrl?: string; embedded?: boolean },
    private readonly packs: PacksService,
    private readonly store: PackVersionsStore,
  ) {}

  onApplicationBootstrap(): void {
    const embedded = this.config.embedded === true;
    const every = this.config.packsPollMs ?? (embedded ? 250 : 1000);
    this.poll = setInterval(() => this.track(this.check()), every);
    this.poll.unref();
    if (!embedded && this.config.databaseUrl) this.listen(this.config.databaseUrl);
  }

  // Before the pool closes (TypeORM closes it on application shutdown): stop, then let loads finish.
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poll);
    clearTimeout(this.retry);
    const c = this.client;
    this.client = undefined;
    await c?.end().catch(() => undefined);
    await Promise.allSettled([...this.pending]);
  }

  private track(p: Promise<unknown>): void {
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p)).catch(() => undefined);
  }

  /** The poll: one cheap query; a full reload only when the active set changed. */
  private async check(): Promise<void> {
    if (this.polling || this.stopped) return;
    this.polling = true;
    try {
      const sig = await this.store.activeSignature();
      if (sig !== this.packs.snapshot().signature) await this.packs.reload();
    } catch (err) {
      this.logger.warn(`pack poll failed: ${(err as Error).message}`);
    } finally {
      this.polling = false;
    }
  }

  private listen(url: string): void {
    if (this.stopped) return;
    const client = new Client({ connectionString: url, application_name: 'credit-supervision-engine:pack-listener' });
    this.client = client;
    const again = (err?: Error) => {
      if (this.client !== client || this.stopped) return;
      this.client = undefined;
      this.logger.warn(`pack listener lost (${err?.message ?? 'closed'}); reconnecting in 1 s`);
      void client.end().catch(() => undefined);
      this.retry = setTimeout(() => this.listen(url), 1000);
      this.retry.unref();
    };
    client.on('error', again);
    client.on('end', () => again());
    client.on('notification', (n) => {
      if (n.channel === PACK_CHANNEL && !this.stopped) this.track(this.packs.reload());
    });
    client
      .connect()
      .then(() => listenForPackChanges(client))
      .then(() => (this.stopped ? undefined : this.track(this.packs.reload()))) // (re)connected: re-check what is active now
      .catch((err: Error) => again(err));
  }
}
