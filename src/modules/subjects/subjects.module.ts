import { Module } from '@nestjs/common';
import { SubjectsController } from './subjects.controller';
import { SubjectsService } from './subjects.service';
import { SubjectsStore } from './subjects.store';

/** Subjects (信用主体). Other modules import this module and use SubjectsService only. */
@Module({
  controllers: [SubjectsController],
  providers: [SubjectsService, SubjectsStore],
  exports: [SubjectsService],
})
export class SubjectsModule {}
