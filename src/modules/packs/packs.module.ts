import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PacksController } from './packs.controller';
import { PacksService } from './packs.service';

@Module({ imports: [AuditModule], controllers: [PacksController], providers: [PacksService], exports: [PacksService] })
export class PacksModule {}
