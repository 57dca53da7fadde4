import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { dataSourceOptions } from '../ormconfig';
import { AppConfig } from './config/app.config';
import { ConfigModule } from './config/config.module';
import { CommonModule } from './common/common.module';
import { loggerParams } from './common/logging';
import { FEATURE_MODULES } from './modules';

/** The application: configuration, logging, the database (migrations run at boot), the feature modules. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig & { databaseUrl: string; embedded: boolean }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        CommonModule,
        LoggerModule.forRoot(loggerParams(config.logLevel)),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.databaseUrl, {
            poolSize: config.dbPoolSize,
            embedded: config.embedded,
            statementTimeoutMs: config.dbStatementTimeoutMs,
          }),
          migrationsRun: true,
          retryAttempts: 3,
          retryDelay: 1000,
        }),
        ...FEATURE_MODULES,
      ],
    };
  }
}
