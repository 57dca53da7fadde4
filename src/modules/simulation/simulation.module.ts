import { Module } from '@nestjs/common';
import { PacksModule } from '../packs/packs.module';
import { RecordsModule } from '../records/records.module';
import { SubjectsModule } from '../subjects/subjects.module';
import { TieringModule } from '../tiering/tiering.module';
import { SimulationController } from './simulation.controller';
import { SimulationService } from './simulation.service';
import { MeasuresReplay } from './measures-replay';
import { AuditModule } from '../audit/audit.module';

/** Impact simulation of rule-pack drafts (发布前模拟): reads packs, subjects, records; writes nothing. */
@Module({
  imports: [PacksModule, SubjectsModule, RecordsModule, TieringModule, AuditModule],
  controllers: [SimulationController],
  providers: [SimulationService, MeasuresReplay],
})
export class SimulationModule {}
