// Recovery points in the simulated AWS: the same figures the live adapter reads, from the model.
import type { RegionRef } from '../../core/index.js';
import { classifyAwsError } from '../classify-error.js';
import type { AwsFailure, RecoveryPoint, RecoveryPointsPort } from '../ports.js';
import { simRead } from './reads.js';
import type { SimWorld } from './world.js';

export function simRecoveryPoints(w: SimWorld, regionName: (r: RegionRef) => string): RecoveryPointsPort {
  return {
    async read(targets) {
      const points: RecoveryPoint[] = [];
      const errors: AwsFailure[] = [];
      for (const t of targets) {
        const region = regionName(t.region ?? 'primary');
        try {
          if (t.service === 'dynamodb') {
            const r = simRead(w, 'dynamodb', 'DescribeContinuousBackups', { TableName: t.resource }, region) as { ContinuousBackupsDescription: { PointInTimeRecoveryDescription: { EarliestRestorableDateTime?: Date; LatestRestorableDateTime?: Date } } };
            const d = r.ContinuousBackupsDescription.PointInTimeRecoveryDescription;
            points.push({ component: t.component, resource: t.resource, source: 'simulated DynamoDB DescribeContinuousBackups (PITR)', measured: d.LatestRestorableDateTime !== undefined, ...(d.LatestRestorableDateTime ? { latestRestorable: d.LatestRestorableDateTime.toISOString() } : {}), ...(d.EarliestRestorableDateTime ? { earliestRestorable: d.EarliestRestorableDateTime.toISOString() } : {}) });
          } else {
            const inst = w.instances.get(w.key(region, t.resource));
            if (inst?.replicaOf) {
              points.push({ component: t.component, resource: t.resource, source: 'simulated CloudWatch AWS/RDS ReplicaLag', measured: true, lagSeconds: 2 });
              continue;
            }
            const r = (w.clusters.has(w.key(region, t.resource))
              ? (simRead(w, 'rds', 'DescribeDBClusters', { DBClusterIdentifier: t.resource }, region) as { DBClusters: { LatestRestorableTime?: Date }[] }).DBClusters[0]
              : (simRead(w, 'rds', 'DescribeDBInstances', { DBInstanceIdentifier: t.resource }, region) as { DBInstances: { LatestRestorableTime?: Date }[] }).DBInstances[0]);
            points.push({ component: t.component, resource: t.resource, source: 'simulated RDS LatestRestorableTime', measured: r?.LatestRestorableTime !== undefined, ...(r?.LatestRestorableTime ? { latestRestorable: r.LatestRestorableTime.toISOString() } : {}) });
          }
        } catch (err) {
          errors.push(classifyAwsError(err, { service: t.service, operation: t.service === 'dynamodb' ? 'DescribeContinuousBackups' : 'DescribeDBClusters', region, resource: t.resource }));
        }
      }
      return { points, errors };
    },
  };
}
