import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module';
import { SubjectsModule } from '../subjects/subjects.module';
import { CreditStateService } from './credit-state.service';

/** The credit state checks read, kept per instance and fresh (credit-state.service.ts). Owns no table. */
@Module({
  imports: [SubjectsModule, RecordsModule],
  providers: [CreditStateService],
  exports: [CreditStateService],
})
export class CreditStateModule {}
