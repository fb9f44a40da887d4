export { bootstrapService, runService } from './bootstrap-service.js';
export type { RunningService, ServiceOptions } from './bootstrap-service.js';
export { ConfigError, loadConfig, ServiceConfig } from './config.js';
export { Secret } from './secret-setting.js';
export { readSetting } from './setting-source.js';
