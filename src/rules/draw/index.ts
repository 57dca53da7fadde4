/** The inspection draw (双随机、一公开): pure, seeded, reproducible. */
export * from './inspection-draw';
export { mulberry32, partialShuffle } from './inspection-draw.prng';
