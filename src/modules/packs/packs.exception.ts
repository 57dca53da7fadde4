import { DomainError, NotFound } from '../../common/problem';
import { formatFinding, type PackFinding } from '../../rules';

export const PACK_ERRORS = {
  NOT_FOUND: 'PACK_NOT_FOUND',
  VERSION_NOT_FOUND: 'PACK_VERSION_NOT_FOUND',
  DRAFT_CONFLICT: 'DRAFT_CONFLICT',
  REVISION_REQUIRED: 'DRAFT_REVISION_REQUIRED',
  NO_DRAFT: 'PACK_NO_DRAFT',
  INVALID: 'PACK_INVALID',
  VERSION_EXISTS: 'PACK_VERSION_EXISTS',
} as const;

export class PackNotFound extends NotFound {
  constructor(id: string) {
    super(PACK_ERRORS.NOT_FOUND, `No rule pack "${id}" (未找到规则包)`);
  }
}

export class PackVersionNotFound extends NotFound {
  constructor(packId: string, versionId: string) {
    super(PACK_ERRORS.VERSION_NOT_FOUND, `Rule pack "${packId}" has no published version ${versionId} (未找到该版本)`);
  }
}

/** 409: the draft changed since the revision the caller based its save on. */
export class DraftConflict extends DomainError {
  constructor(packId: string, based: number, current: number) {
    super(
      409,
      PACK_ERRORS.DRAFT_CONFLICT,
      'Draft changed meanwhile (草稿已被他人修改)',
      `The draft of "${packId}" is at revision ${current}, the save was based on revision ${based}: reload the draft, merge and save again.`,
      [{ field: 'If-Match', reason: `stale revision ${based}; current is ${current}` }],
      { currentRevision: current },
    );
  }
}

export class RevisionRequired extends DomainError {
  constructor() {
    super(
      428,
      PACK_ERRORS.REVISION_REQUIRED,
      'Draft revision required (需要草稿版本号)',
      'Send the revision the edit is based on in If-Match (or `revision` in the body); 0 when there is no draft yet.',
      [{ field: 'If-Match', reason: 'missing or not a non-negative integer' }],
    );
  }
}

export class NoDraft extends DomainError {
  constructor(packId: string) {
    super(
      409,
      PACK_ERRORS.NO_DRAFT,
      'No draft to publish (没有可发布的草稿)',
      `Rule pack "${packId}" has no saved draft.`,
    );
  }
}

/** 422: the draft does not validate; nothing was published. Findings name file, rule and JSON pointer. */
export class PackInvalid extends DomainError {
  constructor(findings: readonly PackFinding[]) {
    super(
      422,
      PACK_ERRORS.INVALID,
      'Rule pack invalid (规则包校验未通过)',
      `${findings.length} finding(s); nothing was published.`,
      findings.map((f) => ({ field: `${f.file}#${f.path}`, reason: formatFinding(f) })),
      { findings },
    );
  }
}

export class PackVersionExists extends DomainError {
  constructor(packId: string, version: string) {
    super(
      409,
      PACK_ERRORS.VERSION_EXISTS,
      'Version already published (版本号已存在)',
      `Rule pack "${packId}" already has a version ${version}: raise the version in the draft before publishing.`,
      [{ field: '/version', reason: `${version} is taken` }],
    );
  }
}
