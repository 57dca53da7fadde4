import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PackAuthoringService } from './pack-authoring.service';
import { PackCasesController } from './pack-cases.controller';
import { PackCasesService } from './pack-cases';
import { PackVersionsController } from './pack-versions.controller';
import { PackVersionsStore } from './pack-versions.store';
import { PackWatcher } from './pack-watcher';
import { PacksController } from './packs.controller';
import { PacksLintController } from './packs.lint.controller';
import { PacksService } from './packs.service';

@Module({
  imports: [AuditModule],
  controllers: [PacksController, PackVersionsController, PacksLintController, PackCasesController],
  providers: [PacksService, PackVersionsStore, PackAuthoringService, PackWatcher, PackCasesService],
  exports: [PacksService, PackAuthoringService],
})
export class PacksModule {}
