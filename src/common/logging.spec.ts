import type { IncomingMessage } from 'node:http';
import { residentIdsIn } from '../../test/setup/log-scan';
import { loggerParams, requestIdOf } from './logging';

/** What the service logs never holds an ID number: full-width or first-generation ones neither. */
describe('log masking', () => {
  const FULL_WIDTH = '１１０１０５１９４９１２３１００２Ｘ';
  const FIRST_GENERATION = '110105491231002';
  const http = loggerParams('info').pinoHttp as {
    formatters: { log: (o: Record<string, unknown>) => Record<string, unknown> };
    hooks: { logMethod: (this: unknown, args: unknown[], method: (...a: unknown[]) => void) => void };
    serializers: { req: (r: { id: string; method: string; url: string }) => { url: string } };
  };

  it('masks every string of a log object, full-width and 15-digit numbers included', () => {
    const out = http.formatters.log({ err: `duplicate ${FULL_WIDTH}`, nested: { a: [`person ${FIRST_GENERATION}`] } });
    expect(out).toEqual({ err: 'duplicate 110105********002X', nested: { a: ['person 110105******002'] } });
    expect(residentIdsIn(JSON.stringify(out))).toEqual([]);
  });

  it('masks a message given as a string and the logged URL', () => {
    let logged: unknown[] = [];
    http.hooks.logMethod.call(
      null,
      [{ x: 1 }, `lookup ${FULL_WIDTH} / ${FIRST_GENERATION}`],
      (...a: unknown[]) => (logged = a),
    );
    expect(logged).toEqual([{ x: 1 }, 'lookup 110105********002X / 110105******002']);
    const url = http.serializers.req({
      id: 'r',
      method: 'GET',
      url: `/api/v1/subjects/${encodeURI(FULL_WIDTH)}?q=${FIRST_GENERATION}`,
    }).url;
    expect(residentIdsIn(decodeURI(url))).toEqual([]);
    expect(url).toContain('q=110105******002');
  });

  it('replaces a request id holding a first-generation number (it is on every line unmasked)', () => {
    const req = (id: string) => ({ headers: { 'x-request-id': id } }) as unknown as IncomingMessage;
    expect(requestIdOf(req('batch-7.alpha'))).toBe('batch-7.alpha');
    expect(requestIdOf(req(`req-${FIRST_GENERATION}`))).not.toContain(FIRST_GENERATION);
    expect(requestIdOf(req('req-11010519491231002X'))).not.toContain('11010519491231002X');
  });
});
