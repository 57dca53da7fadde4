/** Test and benchmark support: the bundled packs, fact arbitraries, valid pack fixtures. Never imported by src/modules. */
export { RULE_PACKS_DIR, bundledPacks } from './bundled-packs';
export { factsArbitrary, sampleFacts, numericThresholds, type FactsArbitraryOptions } from './fact-arbitrary';
export { checkFactsArbitrary, sampleCheckFacts } from './measures-arbitrary';
export { validCatalogueJson, validMeasureRulesJson } from './measures-fixture';
export { validPackJson, type MutablePack } from './pack-fixture';
