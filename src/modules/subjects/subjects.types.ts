import type { SubjectKind } from '../../rules/shared';

/** What other modules hold of a subject: no ID number, only its masked form. */
export interface SubjectRef {
  readonly id: string;
  readonly kind: SubjectKind;
  readonly name: string;
  /** Unified social credit code (统一社会信用代码); null for natural persons. */
  readonly code: string | null;
  /** Masked resident ID number, e.g. 110105********002X; null for organisations. */
  readonly idMasked: string | null;
  /** Administrative division code (行政区划代码, GB/T 2260). */
  readonly region: string | null;
  /** Establishment / registration date (成立日期), YYYY-MM-DD. */
  readonly registeredOn: string | null;
  /** Registered industry code (国民经济行业分类代码, GB/T 4754-2017), e.g. E4710; null when unknown. */
  readonly industryCode: string | null;
}

/** What a batch over every subject needs of each (tiering): no names, codes or timestamps to parse. */
export type SubjectBatchRef = Pick<SubjectRef, 'id' | 'kind' | 'registeredOn' | 'industryCode'>;

export interface SubjectView extends SubjectRef {
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface RegisterSubjectInput {
  readonly kind: SubjectKind;
  /** Required for every kind but natural_person. */
  readonly code?: string | null;
  /** Required for natural_person; never stored, never returned. */
  readonly idNumber?: string | null;
  readonly name: string;
  /** Defaults to USCC positions 3–8 when a code is given. */
  readonly region?: string | null;
  readonly registeredOn?: string | null;
  readonly industryCode?: string | null;
}

export interface ResolveSubjectInput {
  readonly code?: string;
  readonly idNumber?: string;
  readonly name: string;
  /** Inferred when absent: natural_person for an ID number, otherwise from the USCC category code. */
  readonly kind?: SubjectKind;
  readonly registeredOn?: string | null;
  readonly region?: string | null;
  readonly industryCode?: string | null;
}

export interface SubjectLookupInput {
  readonly code?: string;
  readonly idNumber?: string;
}

export interface SubjectSearchQuery {
  readonly code?: string;
  /** Case-insensitive substring of the name. */
  readonly name?: string;
  readonly kind?: SubjectKind;
  readonly region?: string;
  /** Only these subjects (another module's filter, e.g. the tiering module's stored tiers); empty matches none. */
  readonly ids?: readonly string[];
  /** 1–100, default 20. */
  readonly limit?: number;
  /** The nextCursor of the previous page. */
  readonly cursor?: string;
}

export interface SubjectPage {
  readonly items: SubjectView[];
  readonly nextCursor: string | null;
}
