import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy put between the application and its database, to cut the link without stopping the
 * database (other tests and engineers share it):
 * - `cut('reset')`: every open connection is reset, new ones are closed at once (the database is down);
 * - `cut('blackhole')`: nothing is forwarded any more and new connections are accepted but never joined
 *   (a network partition: queries and connects hang until the client's own timeouts fire);
 * - `restore()`: new connections are forwarded again; connections held during a blackhole are reset (the
 *   flow state is gone when the partition ends), so the pool has to open fresh ones.
 */
export type CutMode = 'reset' | 'blackhole';

export class TcpProxy {
  private mode: 'open' | CutMode = 'open';
  private readonly pairs = new Set<{ client: Socket; upstream?: Socket }>();
  connections = 0;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const holder: { proxy?: TcpProxy } = {};
    const server = createServer((client) => holder.proxy!.accept(client, target));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    holder.proxy = new TcpProxy(server, typeof address === 'object' && address ? address.port : 0);
    return holder.proxy;
  }

  /** The URL of `databaseUrl` with its host and port replaced by the proxy's. */
  urlFor(databaseUrl: string): string {
    const u = new URL(databaseUrl);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  cut(mode: CutMode): void {
    this.mode = mode;
    for (const pair of this.pairs) {
      if (mode === 'reset') this.drop(pair);
      else {
        pair.client.pause();
        pair.upstream?.pause();
        if (pair.upstream) pair.client.unpipe(pair.upstream);
        pair.upstream?.unpipe(pair.client);
      }
    }
  }

  restore(): void {
    for (const pair of this.pairs) this.drop(pair);
    this.mode = 'open';
  }

  async close(): Promise<void> {
    for (const pair of this.pairs) this.drop(pair);
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket, target: { host: string; port: number }): void {
    this.connections += 1;
    client.on('error', () => undefined);
    if (this.mode === 'reset') {
      client.resetAndDestroy();
      return;
    }
    const pair: { client: Socket; upstream?: Socket } = { client };
    this.pairs.add(pair);
    client.once('close', () => this.drop(pair));
    if (this.mode === 'blackhole') {
      client.pause(); // held: never joined to the database
      return;
    }
    const upstream = connect(target.port, target.host);
    pair.upstream = upstream;
    upstream.on('error', () => undefined);
    upstream.once('close', () => this.drop(pair));
    client.pipe(upstream);
    upstream.pipe(client);
  }

  private drop(pair: { client: Socket; upstream?: Socket }): void {
    if (!this.pairs.delete(pair)) return;
    if (!pair.client.destroyed) pair.client.resetAndDestroy();
    if (pair.upstream && !pair.upstream.destroyed) pair.upstream.resetAndDestroy();
  }
}
