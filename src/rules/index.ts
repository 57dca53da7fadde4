/**
 * Public API of the rules core (plain TypeScript: no NestJS, no TypeORM, no I/O except the loaders).
 * Each concept has its own folder and public index; code outside src/rules imports from this file or
 * from a folder's index (`rules/measures`, `rules/draw`…), never from a folder's other files.
 *   shared/    what both pack pipelines use: fact catalogue, operators, condition compiler, schema
 *              validation, JSON files, calendar, error codes
 *   facts/     from records to facts (a subject's facts at an instant, a party's check facts)
 *   publicity/ publicity windows of penalties and list entries
 *   membership/ industry membership (行业归属): which industries supervise a subject, and why
 *   tiers/     tier packs: load, compile, evaluate, explain, reference evaluator, golden cases
 *   measures/  joint reward and punishment measures (联合奖惩) and the verdict of a check
 *   lint/      the rule-pack linter            draw/     the inspection draw (双随机)
 *   quality/   data quality of the records     coverage/ golden-case coverage (packs:test)
 *   testing/   fixtures and arbitraries for tests and benchmarks
 * The JSON Schemas of rule packs (*.schema.json, the authors' contract) sit here, at the top of the core:
 * every pack names its schema by that path.
 */
export * from './shared';
export * from './facts';
export * from './publicity';
export * from './tiers';
export * from './measures';
export * from './membership';
