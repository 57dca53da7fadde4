import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RecordsModule } from '../records/records.module';
import { SubjectsModule } from '../subjects/subjects.module';
import { CommitmentListController } from './commitment-list.controller';
import { CommitmentsQueries } from './commitments.queries';
import { CommitmentsController } from './commitments.controller';
import { CommitmentsService } from './commitments.service';
import { CommitmentsStore } from './commitments.store';
import { CommitmentTypesController } from './commitment-types.controller';
import { RepairController } from './repair.controller';
import { RepairService } from './repair.service';
import { RepairStore } from './repair.store';

/** Credit repair (信用修复) applications and credit commitment outcomes (信用承诺履行情况). */
@Module({
  imports: [RecordsModule, SubjectsModule, AuditModule],
  controllers: [RepairController, CommitmentsController, CommitmentListController, CommitmentTypesController],
  providers: [RepairService, RepairStore, CommitmentsService, CommitmentsStore, CommitmentsQueries],
})
export class RepairModule {}
