/** Data quality measures of the records (timeliness, completeness, code validity). */
export * from './data-quality';
export * from './legal-findings';
