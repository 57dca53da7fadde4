import { HealthModule } from './health/health.module';
import { PacksModule } from './packs/packs.module';

/** Every feature module, registered once here. */
export const FEATURE_MODULES = [HealthModule, PacksModule];
