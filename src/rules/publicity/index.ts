/** Publicity windows of penalty records and list entries (双公示, 失信名单). */
export * from './publicity';
export * from './list-terms';
export * from './severity';
