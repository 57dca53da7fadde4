import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  /** The last segment of the path called (a test may give each subscription a path of its own). */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  event: { id: string; kind: string; data: Record<string, unknown> };
}

/** A receiving system that can be down (answers 503) and comes back. */
export class Receiver {
  readonly got: Received[] = [];
  down = false;
  refused = 0;
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        if (this.down) {
          this.refused += 1;
          res.writeHead(503).end('maintenance');
          return;
        }
        this.got.push({
          path: (req.url ?? '').split('/').pop()!,
          headers: req.headers,
          body,
          event: JSON.parse(body) as Received['event'],
        });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/credit-events`;
  }
  /** The event ids delivered to one path, in order. */
  ids = (path: string) => this.got.filter((g) => g.path === path).map((g) => g.event.id);
  close = () => new Promise<void>((r) => this.server.close(() => r()));
}
