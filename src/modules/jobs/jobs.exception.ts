import { DomainError } from '../../common/problem';

export class JobNotFound extends DomainError {
  constructor(id: string) {
    super(404, 'JOB_NOT_FOUND', 'Job not found (任务不存在)', `No background job ${id.slice(0, 64)}.`);
  }
}
