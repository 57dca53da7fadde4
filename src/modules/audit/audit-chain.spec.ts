import fc from 'fast-check';
import { canonicalJson, toAuditJson, type JsonValue } from '../../common/canonical-json';
import { chainText, entryHash, renderedChainText, type ChainFields } from './audit-chain';

describe('an entry hashed from its pre-written request and response texts', () => {
  const text = fc.option(fc.string(), { nil: null });
  const fields = fc.record({
    seq: fc.nat(),
    id: fc.uuid(),
    kind: fc.constantFrom('check', 'record.ingest', 'pack.publish'),
    caller: text,
    operator: text,
    scenario: text,
    subject_ids: fc.array(fc.uuid(), { maxLength: 3 }),
    idempotency_key: text,
    request_hash: text,
    request: fc.jsonValue().map((v) => toAuditJson(v)),
    response: fc.jsonValue().map((v) => toAuditJson(v)),
    pack_versions: fc.dictionary(fc.string(), fc.string()).map((v) => toAuditJson(v)),
    created_at: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    algorithm: fc.constantFrom('sm3', 'sha256'),
  });

  it('is the same text, and so the same hash, as the one written from the whole entry', () => {
    fc.assert(
      fc.property(fields, (f: ChainFields) => {
        const rendered = { request: canonicalJson(f.request), response: canonicalJson(f.response) };
        expect(renderedChainText(f, rendered)).toBe(chainText(f));
        expect(entryHash('0'.repeat(64), f, rendered)).toBe(entryHash('0'.repeat(64), f));
        expect(JSON.parse(renderedChainText(f, rendered)) as JsonValue).toEqual(JSON.parse(chainText(f)));
      }),
    );
  });
});
