// The built-in catalog's verifications that cannot pass on the simulated AWS by the scenario's own actions,
// and why (shared by the sim-catalog and zero-params tests).
/** scenario/step -> why it cannot pass on the simulated AWS by the scenario's own actions. */
export const KNOWN: Record<string, string> = {
  'dynamodb-restore-from-backup/enable-pitr': 'PITR is enabled by the operator outside warroom (no action for it)',
  'region-failure-dr-failover/confirm-region': 'needs a majority saying the region is down, which only the drill\'s region-out inject brings about; this run applies no inject',
  'dns-route53-failover/confirm-down': 'needs a majority saying the primary is down; the scenario has no inject that takes the region down',
  's3-object-recovery/restore-one': 'the simulated AWS has no S3: the restore is a CLI copy-object it cannot see',
  'rds-multi-az-failover/available': 'waits for RDS\'s failover-completed event; the scenario has no action that fails over',
  'rds-restore-from-snapshot/security-groups': 'the change is a shell command (modify-db-instance) the simulated AWS does not see',
  'backup-verification/create-backup': 'the backup is made with a shell command (create-backup) the simulated AWS does not see',
  'backup-verification/rds-retention': 'the simulated instance keeps 7 days of backups, below the 30 days the check asks for',
  'drill-full-dr/backup': 'the backup is made with a shell command (create-backup) the simulated AWS does not see',
  'drill-full-dr/find-backup': 'the backup ARN is the one the shell command printed; the simulated AWS holds no backup by that ARN',
  'region-failure-rebuild-in-dr-region/log-pipeline': 'counts Firehose deliveries; the simulated AWS sends no logs through the pipeline',
  'region-failure-rebuild-in-dr-region/switch-dns': 'the switch is a shell command (update-health-check) the simulated AWS does not see',
  'region-failure-restore-from-replicated-backups/switch-dns': 'the switch is a shell command (update-health-check) the simulated AWS does not see',
  'service-degradation/scale-dynamodb': 'the change is a shell command (update-table) the simulated AWS does not see',
};
