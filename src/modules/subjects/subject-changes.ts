import { Injectable } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';

/**
 * Subjects whose registration or industry decisions changed, announced in this instance after the change
 * committed (other instances hear of it through the `credit_state` notification): the checks' credit-state
 * cache drops what it kept of them. Record changes are announced by RecordsService.changes$.
 */
@Injectable()
export class SubjectChanges {
  private readonly changed = new Subject<readonly string[]>();
  readonly changes$: Observable<readonly string[]> = this.changed.asObservable();

  announce(subjectIds: readonly string[]): void {
    if (subjectIds.length) this.changed.next(subjectIds);
  }
}
