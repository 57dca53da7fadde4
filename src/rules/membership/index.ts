/** Industry membership (行业归属): which industries supervise a subject at an instant, and on what bases. */
export * from './membership';
