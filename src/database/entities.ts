import { SubjectEntity } from '../modules/subjects/subject.entity';
import { CreditRecordEntity } from '../modules/records/credit-record.entity';

/** Every TypeORM entity, listed once; each lives with its feature module. */
export const ENTITIES: Function[] = [SubjectEntity, CreditRecordEntity];
