import { HealthModule } from './health/health.module';

/** Every feature module, registered once here. */
export const FEATURE_MODULES = [HealthModule];
