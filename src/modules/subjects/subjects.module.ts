import { Module } from '@nestjs/common';
import { SubjectsController } from './subjects.controller';
import { SubjectsService } from './subjects.service';
import { SubjectsStore } from './subjects.store';
import { SubjectIndustriesService } from './subject-industries.service';
import { SubjectIndustriesStore } from './subject-industries.store';
import { SubjectChanges } from './subject-changes';

/** Subjects (信用主体). Other modules import this module and use SubjectsService only. */
@Module({
  controllers: [SubjectsController],
  providers: [SubjectsService, SubjectsStore, SubjectIndustriesService, SubjectIndustriesStore, SubjectChanges],
  exports: [SubjectsService, SubjectIndustriesService, SubjectChanges],
})
export class SubjectsModule {}
