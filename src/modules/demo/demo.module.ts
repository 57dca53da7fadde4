import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module';
import { SubjectsModule } from '../subjects/subjects.module';
import { TieringModule } from '../tiering/tiering.module';
import { DemoService } from './demo.service';

@Module({ imports: [SubjectsModule, RecordsModule, TieringModule], providers: [DemoService], exports: [DemoService] })
export class DemoModule {}
