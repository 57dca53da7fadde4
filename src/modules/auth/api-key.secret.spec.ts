import { hashKey, issueKey, keyMatches, prefixOf, presentedKey } from './api-key.secret';

describe('API key format', () => {
  it('issues cse_<prefix>_<secret> with 256 random bits; stores only the SHA-256', () => {
    const a = issueKey();
    const b = issueKey();
    expect(a.key).toMatch(/^cse_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(a.key.startsWith(`cse_${a.prefix}_`)).toBe(true);
    expect(a.hash).toBe(hashKey(a.key));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.key).not.toBe(b.key);
    expect(prefixOf(a.key)).toBe(a.prefix);
    expect(keyMatches(a.key, a.hash)).toBe(true);
    expect(keyMatches(b.key, a.hash)).toBe(false);
  });

  it('recognises only well-formed keys', () => {
    for (const bad of [
      '',
      'cse_',
      'cse_0123456_' + 'a'.repeat(43),
      'cse_0123456G_' + 'a'.repeat(43),
      'cse_01234567_' + 'a'.repeat(42),
      'xyz_01234567_' + 'a'.repeat(43),
    ]) {
      expect(prefixOf(bad)).toBeNull();
    }
  });

  it('reads Authorization: Bearer or X-Api-Key, and refuses ambiguity', () => {
    const k = issueKey().key;
    const other = issueKey().key;
    expect(presentedKey({})).toEqual({ missing: true });
    expect(presentedKey({ authorization: '  ' })).toEqual({ missing: true });
    expect(presentedKey({ authorization: `Bearer ${k}` })).toEqual({ key: k });
    expect(presentedKey({ authorization: `bearer   ${k}` })).toEqual({ key: k });
    expect(presentedKey({ 'x-api-key': ` ${k} ` })).toEqual({ key: k });
    expect(presentedKey({ authorization: `Bearer ${k}`, 'x-api-key': k })).toEqual({ key: k });
    expect(presentedKey({ authorization: `Bearer ${k}`, 'x-api-key': other })).toEqual({ bad: 'conflicting' });
    expect(presentedKey({ authorization: 'Basic dXNlcjpwYXNz' })).toEqual({ bad: 'scheme' });
    expect(presentedKey({ authorization: 'Basic dXNlcjpwYXNz', 'x-api-key': k })).toEqual({ key: k });
    expect(presentedKey({ authorization: `Bearer ${k} extra` })).toEqual({ bad: 'scheme' });
  });
});
