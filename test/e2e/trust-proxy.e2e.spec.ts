import { httpAs, startTestApp, type TestApp } from '../helpers/app';

/**
 * Behind a reverse proxy (TLS ends there: SECURITY.md), every request comes from the proxy's address. With
 * TRUST_PROXY naming the proxy, the client address is the one it forwarded (X-Forwarded-For), so callers
 * without a key get a rate-limit bucket each; without it (or from a proxy not named), X-Forwarded-For is
 * ignored — a client cannot pick its own bucket by sending the header.
 */
describe('TRUST_PROXY: the client address behind a reverse proxy', () => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const a of apps) await a.close();
  });
  /** Two requests a minute per client address for callers without a key. */
  const start = async (trustProxy?: string) => {
    const t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '2', ...(trustProxy ? { TRUST_PROXY: trustProxy } : {}) });
    apps.push(t);
    return t;
  };
  const from = (t: TestApp, client: string) =>
    httpAs(null, t.url, 'GET', '/health/live', undefined, { 'x-forwarded-for': client });
  const statuses = async (t: TestApp, clients: string[]) => {
    const out: number[] = [];
    for (const c of clients) out.push((await from(t, c)).status);
    return out;
  };

  it('trusted proxy (127.0.0.1): one bucket per forwarded client address', async () => {
    const t = await start('127.0.0.1');
    expect(await statuses(t, ['203.0.113.1', '203.0.113.1', '203.0.113.1', '203.0.113.2', '203.0.113.2'])).toEqual([
      200, 200, 429, 200, 200,
    ]);
  });

  it('no TRUST_PROXY: X-Forwarded-For is ignored, the connection address is one bucket', async () => {
    const t = await start();
    expect(await statuses(t, ['203.0.113.1', '203.0.113.1', '203.0.113.2'])).toEqual([200, 200, 429]);
  });

  it('a proxy that is not the one named: X-Forwarded-For is ignored too', async () => {
    const t = await start('10.0.0.5');
    expect(await statuses(t, ['203.0.113.1', '203.0.113.1', '203.0.113.2'])).toEqual([200, 200, 429]);
  });
});
