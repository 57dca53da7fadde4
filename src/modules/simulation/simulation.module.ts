import { Module } from '@nestjs/common';
import { PacksModule } from '../packs/packs.module';
import { RecordsModule } from '../records/records.module';
import { SubjectsModule } from '../subjects/subjects.module';
import { TieringModule } from '../tiering/tiering.module';
import { SimulationController } from './simulation.controller';
import { SimulationService } from './simulation.service';

/** Impact simulation of rule-pack drafts (发布前模拟): reads packs, subjects, records; writes nothing. */
@Module({ imports: [PacksModule, SubjectsModule, RecordsModule, TieringModule], controllers: [SimulationController], providers: [SimulationService] })
export class SimulationModule {}
