import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PackAuthoringService } from './pack-authoring.service';
import { PackVersionsController } from './pack-versions.controller';
import { PackVersionsStore } from './pack-versions.store';
import { PackWatcher } from './pack-watcher';
import { PacksController } from './packs.controller';
import { PacksLintController } from './packs.lint.controller';
import { PacksService } from './packs.service';

@Module({
  imports: [AuditModule],
  controllers: [PacksController, PackVersionsController, PacksLintController],
  providers: [PacksService, PackVersionsStore, PackAuthoringService, PackWatcher],
  exports: [PacksService, PackAuthoringService],
})
export class PacksModule {}
