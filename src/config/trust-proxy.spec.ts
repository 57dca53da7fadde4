import { ConfigError, loadConfig } from './app.config';

describe('TRUST_PROXY (which proxies to believe)', () => {
  const load = (TRUST_PROXY: string | undefined) =>
    loadConfig({ TRUST_PROXY, DATA_DIR: '/tmp/credit-config-spec', ID_HASH_KEY: 'k'.repeat(32) }).trustProxy;

  it.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['true', true],
    ['2', 2],
    ['10.0.0.5', ['10.0.0.5']],
    ['10.0.0.0/8, 192.168.1.1', ['10.0.0.0/8', '192.168.1.1']],
    ['::1,fd00::/8', ['::1', 'fd00::/8']],
  ])('%j → %j', (raw, expected) => expect(load(raw)).toEqual(expected));

  it.each([
    ['0', /hops|between 1 and 10/],
    ['11', /between 1 and 10/],
    ['proxy.local', /"proxy\.local" is none of these/],
    ['10.0.0.0/33', /"10\.0\.0\.0\/33"/],
    ['10.0.0.1/8/1', /is none of these/],
    ['yes', /"yes"/],
  ])('%j is refused naming the variable', (raw, reason) => {
    expect(() => load(raw)).toThrow(ConfigError);
    expect(() => load(raw)).toThrow(/TRUST_PROXY/);
    expect(() => load(raw)).toThrow(reason);
  });
});
