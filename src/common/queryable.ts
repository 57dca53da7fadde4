import type { EntityManager } from 'typeorm';

/**
 * Where a statement runs: the pool (DataSource), a transaction's EntityManager or its QueryRunner. Store
 * and queries functions take one when a caller's transaction or snapshot must carry the statement.
 */
export type Queryable = Pick<EntityManager, 'query'>;
