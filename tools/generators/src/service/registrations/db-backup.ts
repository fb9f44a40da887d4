import { type Tree } from '@nx/devkit';
import type { ServiceNames } from '../service-name.js';
import { insertAt } from './insert.js';

export const DB_BACKUP_CRONJOB = 'deploy/k8s/base/db-backup.yaml';

/**
 * The scheduled backup dumps its database too: its Secret's `database-url` among the CronJob's projected
 * sources (db-backup.sh backs up every `/run/secrets/<service>/database-url` it finds, so that list is the
 * only list).
 */
export function registerInDbBackup(tree: Tree, service: ServiceNames): void {
  insertAt(
    tree,
    DB_BACKUP_CRONJOB,
    // The volume after `database-urls`: its sources end just before it.
    /^ {12}- name: backups$/m,
    [
      '                  - secret:',
      `                      name: ${service.serviceName}`,
      `                      items: [{ key: database-url, path: ${service.serviceName}/database-url }]`,
      '',
    ].join('\n'),
  );
}
