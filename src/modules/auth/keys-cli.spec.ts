import { checkNewKey } from './api-keys.admin';
import { formatKeyList, parseKeysArgs, UsageError } from './keys-cli';

describe('npm run keys -- …', () => {
  it('parses create, list and revoke', () => {
    expect(
      parseKeysArgs([
        'create',
        '--name',
        'qijiang-tendering-platform',
        '--scopes',
        'checks,feedback',
        '--scenarios',
        'tendering,government_procurement',
        '--rate',
        '600',
      ]),
    ).toEqual({
      command: 'create',
      input: {
        name: 'qijiang-tendering-platform',
        scopes: ['checks', 'feedback'],
        scenarios: ['tendering', 'government_procurement'],
        rateLimitPerMinute: 600,
        department: null,
      },
    });
    expect(parseKeysArgs(['create', '--name=console', '--scopes=tiers'])).toMatchObject({
      input: { scenarios: [], rateLimitPerMinute: null },
    });
    expect(
      parseKeysArgs(['create', '--name=sc-market', '--scopes=repair', '--department', '綦江区市场监督管理局']),
    ).toMatchObject({ input: { department: '綦江区市场监督管理局' } });
    expect(parseKeysArgs(['list'])).toEqual({ command: 'list' });
    expect(parseKeysArgs(['revoke', '--name', 'console'])).toEqual({ command: 'revoke', name: 'console' });
  });

  it.each([
    [[], /no command/],
    [['rotate'], /unknown command "rotate"/],
    [['create', '--scopes', 'checks'], /--name is required/],
    [['create', '--name', 'a'], /--scopes is required/],
    [['create', '--name', '--scopes', 'checks'], /--name needs a value/],
    [['create', '--name', 'a', '--scopes', 'checks', '--rate', '10/s'], /--rate must be a whole number/],
    [['create', '--name', 'a', '--name', 'b', '--scopes', 'x'], /given twice/],
    [['list', '--all'], /unknown option --all/],
    [['revoke', 'console'], /unexpected argument "console"/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseKeysArgs(argv)).toThrow(UsageError);
    expect(() => parseKeysArgs(argv)).toThrow(message);
  });

  it('checks names, scopes, scenarios and rates', () => {
    expect(
      checkNewKey({
        name: 'qijiang-tendering-platform',
        scopes: ['checks'],
        scenarios: ['tendering'],
        rateLimitPerMinute: 600,
      }),
    ).toEqual([]);
    expect(checkNewKey({ name: 'Bad Name', scopes: [] })).toHaveLength(2);
    expect(checkNewKey({ name: 'a', scopes: ['root'] })[0]).toContain('unknown scope "root"');
    expect(checkNewKey({ name: 'a', scopes: ['checks'], scenarios: ['*', 'tendering'] })[0]).toContain(
      '* already means',
    );
    expect(checkNewKey({ name: 'a', scopes: ['checks'], scenarios: ['Tendering'] })[0]).toContain(
      'not a scenario code',
    );
    expect(checkNewKey({ name: 'a', scopes: ['checks'], rateLimitPerMinute: 0 })[0]).toContain('between 1 and');
    expect(checkNewKey({ name: 'a', scopes: ['repair'], department: '綦江区市场监督管理局' })).toEqual([]);
    expect(checkNewKey({ name: 'a', scopes: ['repair'], department: ' 綦江区 ' })[0]).toContain('department must be');
  });

  it('lists keys without ever printing one', () => {
    const text = formatKeyList([
      {
        id: 'i',
        name: 'console',
        prefix: 'ab12cd34',
        keyHash: 'f'.repeat(64),
        scopes: ['tiers'],
        scenarios: [],
        rateLimitPerMinute: null,
        department: '綦江区市场监督管理局',
        createdAt: new Date('2026-11-01T08:00:00Z'),
        revokedAt: null,
        lastUsedAt: null,
      },
    ]);
    expect(text).toMatch(/^NAME\s+PREFIX/);
    expect(text).toContain('console  ab12cd34  tiers');
    expect(text).toContain('綦江区市场监督管理局');
    expect(text).toContain('live');
    expect(text).not.toContain('f'.repeat(64));
  });
});
