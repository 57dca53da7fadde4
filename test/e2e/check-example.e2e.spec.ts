import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Clock } from '../../src/common/clock';
import { scrubAllIdNumbers } from '../../src/common/pii';
import {
  CHECK_ANSWER_EXAMPLE,
  CHECK_EXAMPLE,
  CHECK_REQUEST_EXAMPLES,
  FEEDBACK_EXAMPLE,
} from '../../src/modules/checks/checks.examples';
import { DemoService } from '../../src/modules/demo/demo.service';
import { http, type TestApp } from '../helpers/app';
import { startIsolatedTestApp } from '../helpers/isolated-app';
import type { OpenApiDoc } from '../helpers/openapi-doc';
import { ResponseContract } from '../helpers/response-contract';

/**
 * The examples of `POST /api/v1/checks` in openapi.json cannot drift: the answer example is what the service
 * answers to the tendering request example on the demo data (its date pinned), ids and the audit receipt aside;
 * it validates against the answer's schema in openapi.json made strict (an undocumented field fails); every
 * request example is answered 200 and the feedback example is taken on the example's check; no full ID number.
 *
 * `UPDATE_CHECK_EXAMPLE=1 npx jest test/e2e/check-example` writes the answer again (then `npm run openapi`).
 */
const ROOT = join(__dirname, '..', '..');
const EXAMPLE_FILE = join(ROOT, 'src', 'modules', 'checks', 'check-answer.example.json');
const DEMO_DAY = '2026-11-28T04:00:00Z';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Ids numbered by first appearance (so that "the entry id is the check id" still shows), the receipt's seq and hash out. */
function comparable(answer: unknown): unknown {
  const seen = new Map<string, string>();
  const text = JSON.stringify(answer).replace(UUID, (id) => {
    if (!seen.has(id)) seen.set(id, `<id ${seen.size + 1}>`);
    return seen.get(id)!;
  });
  const out = JSON.parse(text) as { audit?: Record<string, unknown> };
  if (out.audit) out.audit = { ...out.audit, seq: '<seq>', hash: '<hash>' };
  return out;
}

/** The answer with fixed ids, as committed: a version-4 UUID from a digest of its number. */
function withFixedIds(answer: unknown): unknown {
  const seen = new Map<string, string>();
  const fixed = (n: number) => {
    const h = createHash('sha256').update(`check-example-${n}`).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
  return JSON.parse(
    JSON.stringify(answer).replace(UUID, (id) => {
      if (!seen.has(id)) seen.set(id, fixed(seen.size + 1));
      return seen.get(id)!;
    }),
  ) as unknown;
}

describe('the examples of POST /api/v1/checks in openapi.json', () => {
  const doc = JSON.parse(readFileSync(join(ROOT, 'openapi.json'), 'utf8')) as OpenApiDoc;
  const op = doc.paths['/api/v1/checks'].post;

  it('are in the document: the request examples and the 200 answer example', () => {
    const requests = op.requestBody?.content?.['application/json']?.examples;
    expect(requests).toEqual(JSON.parse(JSON.stringify(CHECK_REQUEST_EXAMPLES)));
    expect(op.responses?.['200']?.content?.['application/json']?.example).toEqual(CHECK_ANSWER_EXAMPLE);
  });

  it('the answer example validates against the answer schema in openapi.json, made strict', () => {
    const contract = new ResponseContract(doc);
    const res = {
      status: 200,
      headers: new Headers({ 'content-type': 'application/json' }),
      body: CHECK_ANSWER_EXAMPLE,
    };
    expect(contract.problems('POST', '/api/v1/checks', res)).toEqual([]);
    // It shows each kind of party: rewarded, restricted with the records behind it, a natural person masked.
    const parties = CHECK_ANSWER_EXAMPLE.parties;
    expect(parties.map((p) => p.verdict)).toEqual(['reward', 'restrict', 'pass']);
    expect(parties[1].measures.every((m) => m.triggeredBy.length > 0)).toBe(true);
    expect(parties[2].identifier).toEqual({ idNumberMasked: '110105********002X' });
  });

  it('the answer holds no full ID number: the natural person is masked', () => {
    const answer = JSON.stringify(CHECK_ANSWER_EXAMPLE);
    expect(scrubAllIdNumbers(answer)).toBe(answer);
  });
});

describe('the answer example is the real answer on the demo data (PostgreSQL)', () => {
  let t: TestApp;
  let auth: Record<string, string>;
  beforeAll(async () => {
    t = await startIsolatedTestApp();
    t.app.get(Clock).pin(DEMO_DAY);
    await t.app.get(DemoService).load();
    const key = await t.createKey({
      name: CHECK_ANSWER_EXAMPLE.caller,
      scopes: ['checks', 'feedback'],
      scenarios: ['tendering', 'government_procurement'],
    });
    auth = { authorization: `Bearer ${key}` };
  }, 180_000);
  afterAll(async () => {
    t?.app.get(Clock).pin(null);
    await t?.close();
  });

  it('the tendering example is answered as the example says, and the feedback example is taken on it', async () => {
    const res = await http<unknown>(t.url, 'POST', '/api/v1/checks', CHECK_EXAMPLE, auth);
    expect(res.status).toBe(200);
    if (process.env.UPDATE_CHECK_EXAMPLE === '1')
      writeFileSync(EXAMPLE_FILE, `${JSON.stringify(withFixedIds(res.body), null, 2)}\n`);
    expect(comparable(res.body)).toEqual(comparable(CHECK_ANSWER_EXAMPLE));
    const checkId = (res.body as { checkId: string }).checkId;
    const feedback = await http<unknown>(t.url, 'POST', `/api/v1/checks/${checkId}/feedback`, FEEDBACK_EXAMPLE, auth);
    expect(feedback.status).toBe(201);
  });

  it('every request example is answered 200, with the verdict its summary tells', async () => {
    const verdicts: Record<string, string> = {};
    for (const [name, example] of Object.entries(CHECK_REQUEST_EXAMPLES)) {
      const res = await http<{ verdict: string }>(t.url, 'POST', '/api/v1/checks', example.value, auth);
      expect({ name, status: res.status }).toEqual({ name, status: 200 });
      verdicts[name] = res.body.verdict;
    }
    expect(verdicts).toEqual({ tendering: 'restrict', government_procurement: 'block' });
  });
});
