import { http, startTestApp, TestApp } from '../helpers/app';
import type { ProblemDetails } from '../../src/common/problem';

describe('platform: health, OpenAPI, problem details', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers readiness with the database included', async () => {
    const res = await http<{ info: { database: { status: string } } }>(t.url, 'GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body.info.database.status).toBe('up');
    expect((await http(t.url, 'GET', '/health/live')).status).toBe(200);
  });

  it('serves the OpenAPI document as UI and JSON', async () => {
    const ui = await fetch(t.url + '/docs');
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
    const doc = await http<{ openapi: string; paths: Record<string, unknown> }>(t.url, 'GET', '/docs-json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toContain('/health');
  });

  it('answers an unknown route with a 404 problem', async () => {
    const res = await http<ProblemDetails>(t.url, 'GET', '/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 404, code: 'ROUTE_NOT_FOUND' });
    expect(res.body.requestId).toBeTruthy();
  });

  it('echoes a well-formed X-Request-Id', async () => {
    const res = await http(t.url, 'GET', '/health/live', undefined, { 'x-request-id': 'abc-123' });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
  });
});
