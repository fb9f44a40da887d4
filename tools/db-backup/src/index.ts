export { takeBackup, folderNameOf, DEFAULT_BACKUP_ROOT } from './backup.js';
export type { BackupOptions } from './backup.js';
export { restoreBackup, verifyBackup } from './restore.js';
export type { RestoreOptions, RestoredDatabase } from './restore.js';
export { MANIFEST_FILE, MANIFEST_FORMAT, readManifest } from './manifest.js';
export type { Manifest, ManifestDatabase } from './manifest.js';
export { serviceTargets, selectTargets, urlSettingOf } from './targets.js';
export type { DatabaseTarget } from './targets.js';
export { BackupError } from './errors.js';
