import { residentIdCheckChar } from '../../common/identifiers/resident-id';
import { rejectionOf } from './ingest-quality';

const id = (() => {
  const body = '11010519491231002';
  return body + residentIdCheckChar(body);
})();

describe('refused rows kept for the data-quality statistics (rejectionOf)', () => {
  it('keeps what locates the row and why; flags a failing GB 32100 check character', () => {
    const r = rejectionOf(
      3,
      5,
      {
        type: 'penalty',
        source: ' 区市场监管局 ',
        decisionNumber: '綦市监罚〔2026〕1号',
        decisionDate: '2026-11-02',
        subjectCode: '91350100m000100y4a',
      },
      [{ field: 'subjectCode', reason: 'check character (position 18) does not match (GB 32100)' }],
    );
    expect(r).toEqual({
      source: '区市场监管局',
      decision_number: '綦市监罚〔2026〕1号',
      record_type: 'penalty',
      decision_date: '2026-11-02',
      subject_code: '91350100M000100Y4A',
      subject_masked: null,
      code_check_failed: true,
      row_number: 3,
      line: 5,
      errors: [{ field: 'subjectCode', reason: 'check character (position 18) does not match (GB 32100)' }],
    });
    expect(rejectionOf(1, undefined, { subjectCode: '91350100M000100Y43' }, []).code_check_failed).toBe(false);
    expect(rejectionOf(1, undefined, { subjectCode: 'short' }, []).code_check_failed).toBe(false);
  });

  it('never keeps a full ID number: the subject masked, free text scrubbed', () => {
    const r = rejectionOf(
      1,
      undefined,
      { source: `来源${id}`, decisionNumber: `决定 ${id}`, subjectIdNumber: id.toLowerCase(), subjectCode: '9135' },
      [{ field: id, reason: 'field should not exist' }],
    );
    expect(r.subject_masked).toBe('110105********002X');
    expect(r.subject_code).toBeNull();
    expect(JSON.stringify(r)).not.toContain(id);
  });

  it('keeps unreadable values out: a bad type or date is null, not an error; NUL and lone surrogates are replaced', () => {
    const r = rejectionOf(
      2,
      undefined,
      {
        type: 'fine',
        decisionDate: '2026-02-30',
        source: 'a\u0000b',
        decisionNumber: `${'x'.repeat(127)}\uD83D\uDE00`,
      },
      [],
    );
    expect(r).toMatchObject({
      record_type: null,
      decision_date: null,
      source: 'a\uFFFDb',
      decision_number: `${'x'.repeat(127)}\uFFFD`,
    });
    expect(rejectionOf(1, undefined, 42, [])).toMatchObject({
      source: null,
      decision_number: null,
      subject_code: null,
    });
  });
});
