import fc from 'fast-check';
import { admits, homePath, PAGES, visiblePages } from '../../console/src/lib/access';
import { creditCodeOk, idNumberCheckOk, looksLikeIdNumber, maskIdNumber } from '../../console/src/lib/pii';
import { triggerLabel } from '../../console/src/lib/labels';
import { fieldPath, mapProblemToForm } from '../../console/src/lib/problem';
import { isValidUscc, USCC_ALPHABET, usccCheckChar } from '../../src/common/identifiers/uscc';
import { residentIdCheckChar } from '../../src/common/identifiers/resident-id';
import { SCOPES, scopesAdmit } from '../../src/modules/auth/scopes';

/** The console's own logic (console/src/lib): problem mapping, identifier checks, which pages a key sees. */
describe('console: problem details onto form fields', () => {
  it('reads API field paths as form paths', () => {
    expect(fieldPath('parties[0].idNumber')).toEqual(['parties', 0, 'idNumber']);
    expect(fieldPath('items.2.reason')).toEqual(['items', 2, 'reason']);
    expect(fieldPath('transaction.reference')).toEqual(['transaction', 'reference']);
    expect(fieldPath('scenario')).toEqual(['scenario']);
  });

  it('puts errors of known fields under them (several on one field together) and keeps the rest apart', () => {
    const problem = {
      title: 'Validation failed',
      status: 400,
      errors: [
        { field: 'parties[1].code', reason: 'check character is wrong' },
        { field: 'parties[1].code', reason: 'must be 18 characters' },
        { field: 'scenario', reason: 'not granted to this API key' },
        { field: 'body', reason: 'must be an object' },
      ],
    };
    const known = (p: (string | number)[]) => p[0] === 'scenario' || (p[0] === 'parties' && p.length === 3);
    const mapped = mapProblemToForm(problem, known);
    expect(mapped.fields).toEqual([
      { name: ['parties', 1, 'code'], errors: ['check character is wrong', 'must be 18 characters'] },
      { name: ['scenario'], errors: ['not granted to this API key'] },
    ]);
    expect(mapped.rest).toEqual([{ field: 'body', reason: 'must be an object' }]);
  });
});

describe('console: identifiers agree with the service', () => {
  const digits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 17, maxLength: 17 }).map((d) => d.join(''));
  it('accepts exactly the ID numbers whose check character the service computes', () => {
    fc.assert(
      fc.property(digits, fc.constantFrom(...'0123456789X'), (body, c) => {
        expect(idNumberCheckOk(body + c)).toBe(residentIdCheckChar(body) === c);
      }),
    );
  });

  it('accepts exactly the credit codes the service accepts', () => {
    const chars = fc.array(fc.constantFrom(...USCC_ALPHABET), { minLength: 17, maxLength: 17 }).map((c) => c.join(''));
    fc.assert(
      fc.property(chars, fc.constantFrom(...USCC_ALPHABET), (body, c) => {
        expect(creditCodeOk(body + c)).toBe(usccCheckChar(body) === c);
      }),
    );
    expect(creditCodeOk('91350200776049653A')).toBe(isValidUscc('91350200776049653A'));
  });

  it('masks an ID number as the service does: first 6 and last 4', () => {
    expect(maskIdNumber('11010519491231002x')).toBe('110105********002X');
    expect(looksLikeIdNumber('11010519491231002X')).toBe(true);
    expect(looksLikeIdNumber('91350200776049653A')).toBe(false);
  });
});

describe('console: pages follow the key’s scopes as the service does', () => {
  it('admits with the same rule as the service (any accepted scope, or admin)', () => {
    const scope = fc.constantFrom(...SCOPES);
    fc.assert(
      fc.property(fc.array(scope), fc.array(scope, { minLength: 1 }), (granted, accepted) => {
        expect(admits(granted, accepted)).toBe(scopesAdmit(granted, accepted));
      }),
    );
  });

  it('shows a clerk the check page only, an admin every built page', () => {
    expect(visiblePages(['checks', 'feedback']).map((p) => p.id)).toEqual(['check']);
    expect(homePath(['checks'])).toBe('/check');
    expect(visiblePages(['admin']).map((p) => p.id)).toEqual(PAGES.filter((p) => p.built).map((p) => p.id));
    expect(homePath(['feedback'])).toBeNull();
  });

  it('shows the commitments page to keys with records or repair, as GET /api/v1/commitments admits', () => {
    expect(visiblePages(['repair']).map((p) => p.id)).toEqual(['repair', 'commitments', 'governance']);
    expect(visiblePages(['records']).map((p) => p.id)).toEqual(['import', 'quality', 'commitments']);
    expect(visiblePages(['tiers']).map((p) => p.id)).toEqual(['overview']);
  });

  it('names only scopes the service knows', () => {
    for (const p of PAGES) for (const s of p.scopes) expect(SCOPES).toContain(s);
  });
});

describe('console: tier history triggers in words', () => {
  it('names each trigger the service writes, by its prefix, and shows an unknown one as it is', () => {
    expect(triggerLabel('records:ingest', 'zh')).toBe('信用记录变更');
    expect(triggerLabel('pack:publish:food_drug', 'en')).toBe('Rule pack changed');
    expect(triggerLabel('first-read', 'zh')).toBe('首次评价');
    expect(triggerLabel('demo-load', 'zh')).toBe('演示数据');
    expect(triggerLabel('batch', 'zh')).toBe('批量分级');
    expect(triggerLabel('daily', 'en')).toBe('Daily run');
    expect(triggerLabel('industry:member', 'zh')).toBe('行业归属认定：纳入');
    expect(triggerLabel('industry:excluded', 'zh')).toBe('行业归属认定：排除');
    expect(triggerLabel('industry:withdrawn', 'en')).toBe('Industry decision withdrawn');
    expect(triggerLabel('upgrade:membership-v1', 'zh')).toBe('系统升级重新分级');
    expect(triggerLabel('manual-fix', 'zh')).toBe('manual-fix');
  });
});
