import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { runMigrationsLocked } from './database/migrate-locked';
import { LoggerModule } from 'nestjs-pino';
import { dataSourceOptions } from '../ormconfig';
import { AppConfig } from './config/app.config';
import { ConfigModule } from './config/config.module';
import { CommonModule } from './common/common.module';
import { loggerParams } from './common/logging';
import { FEATURE_MODULES } from './modules';

/** The application: configuration, logging, the database (migrations run at boot, under a lock), the feature modules. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig & { databaseUrl: string; embedded: boolean }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        CommonModule,
        LoggerModule.forRoot(loggerParams(config.logLevel)),
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptions(config.databaseUrl, {
              poolSize: config.dbPoolSize,
              embedded: config.embedded,
              statementTimeoutMs: config.dbStatementTimeoutMs,
            }),
            retryAttempts: 3,
            retryDelay: 1000,
          }),
          // Migrations run before any module starts, one instance at a time (src/database/migrate-locked.ts).
          dataSourceFactory: async (options) => {
            const ds = await new DataSource(options!).initialize();
            try {
              await runMigrationsLocked(ds, config.embedded);
            } catch (err) {
              await ds.destroy();
              throw err;
            }
            return ds;
          },
        }),
        ...FEATURE_MODULES,
      ],
    };
  }
}
