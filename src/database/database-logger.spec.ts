import { DatabaseLogger } from './database-logger';

describe('DatabaseLogger', () => {
  const lines: string[] = [];
  const logger = new DatabaseLogger((line) => lines.push(line), 'info');
  beforeEach(() => (lines.length = 0));

  it('logs a failed query without its parameters, ID numbers masked', () => {
    const id = '11010519491231002X';
    logger.logQueryError(
      new Error(`duplicate key value (id_number)=(${id})`),
      `INSERT INTO subjects (name, id_hash)\n   VALUES ($1, $2) -- ${id}`,
      [`张三 ${id}`, 'secret-hash-value'],
    );
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'error', context: 'database', msg: 'database query failed' });
    expect(line.sql).toBe('INSERT INTO subjects (name, id_hash) VALUES ($1, $2) -- 110105********002X');
    expect(lines[0]).not.toContain(id);
    expect(lines[0]).not.toContain('secret-hash-value');
    expect(lines[0]).not.toContain('张三');
  });

  it('masks full-width and first-generation 15-digit numbers too', () => {
    logger.logQueryError('invalid input: １１０１０５１９４９１２３１００２Ｘ', "SELECT 1 -- '110105491231002'");
    logger.log('warn', 'pool: 110105491231002');
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ err: 'invalid input: 110105********002X', sql: "SELECT 1 -- '110105******002'" }),
      expect.objectContaining({ msg: 'pool: 110105******002' }),
    ]);
  });

  it('follows the log level: silent writes nothing, error drops warnings', () => {
    new DatabaseLogger((line) => lines.push(line), 'silent').logQueryError('boom', 'SELECT 1');
    const errorsOnly = new DatabaseLogger((line) => lines.push(line), 'error');
    errorsOnly.log('warn', 'pool raised an error');
    new DatabaseLogger((line) => lines.push(line), 'info').log(
      'warn',
      "the 'uuid-ossp' extension cannot be installed automatically",
    );
    expect(lines).toHaveLength(0);
    errorsOnly.logQueryError('boom', 'SELECT 1');
    expect(lines).toHaveLength(1);
  });

  it('cuts long SQL and logs no ordinary query', () => {
    logger.logQuery();
    expect(lines).toHaveLength(0);
    logger.logQueryError('timeout', `SELECT ${'x, '.repeat(500)}1`);
    expect((JSON.parse(lines[0]) as { sql: string }).sql.length).toBe(300);
  });
});
