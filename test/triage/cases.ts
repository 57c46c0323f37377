// Incident descriptions as a responder would type them at the start of an incident, each labelled with the
// built-in scenario an experienced responder would open. Written from the seed DR plans' scenarios and
// paraphrased from public post-incident reports. Labels say what a responder would pick, not what the
// ranker happens to return: do not edit a label to make the figures better.
export interface TriageCase {
  text: string;
  /** Alarms in ALARM when the incident is declared. */
  alarms?: string[];
  mode: 'live' | 'drill';
  /** The scope answered in the console (`N`), when the responder knew it; otherwise "not sure". */
  scope?: 'single-resource' | 'az' | 'region' | 'account';
  expect: string;
  source: string;
}

export const TRIAGE_CASES: TriageCase[] = [
  // Seed plan: serverless log service (DynamoDB, Lambda, API Gateway, KMS; single region)
  { mode: 'live', expect: 'lambda-failure-rollback', source: 'seed 000 scenario 4', text: "Lambda errors spiking right after this morning's deploy of the log-ingest function, API returning 502s", alarms: ['logs-lambda-errors-high'] },
  { mode: 'live', expect: 'api-gateway-failure', source: 'seed 000 scenario 5', text: 'API Gateway stage returns 403 Missing Authentication Token on every route since the stage was redeployed' },
  { mode: 'live', expect: 'kms-key-deletion', source: 'seed 000 scenario 6', text: 'KMS key for the logs table shows PendingDeletion; Lambda gets KMSInvalidStateException on decrypt' },
  { mode: 'live', expect: 'kms-key-deletion', source: 'seed 000 scenario 6', text: 'someone scheduled deletion of our CMK, reads from the table fail with AccessDenied', alarms: ['logs-kms-key-state'] },
  { mode: 'live', expect: 'dynamodb-table-corruption', source: 'seed 000 scenario 3', text: 'Log entries missing from the DynamoDB table since 14:10, queries return inconsistent results' },
  { mode: 'live', expect: 'dynamodb-restore-from-backup', source: 'seed 000 scenario 3 option B', text: 'logs table deleted by a bad terraform apply and point-in-time recovery was not enabled; we have an on-demand backup from last night' },
  { mode: 'live', expect: 'region-failure-restore-in-region', source: 'seed 000 scenario 2 option A', text: 'eu-west-2 is impaired per AWS Health and our single-region stack is unavailable; redeploy with terraform in the same region when it is back' },
  { mode: 'live', expect: 'az-failure', source: 'seed 000 scenario 1', text: 'AWS Health reports one availability zone in eu-west-2 impaired, some Lambda timeouts and partial degradation' },
  { mode: 'live', expect: 'complete-service-outage', source: 'seed 000 complete outage', text: 'Everything is down: all API requests failing, no Lambda invocations, alarms firing everywhere', alarms: ['logs-api-5xx', 'logs-lambda-errors-high', 'logs-dynamodb-throttles'] },

  // Seed plan: centralized logging (Aurora, DynamoDB, S3, Glue; backups copied to a second region)
  { mode: 'live', expect: 'region-failure-rebuild-in-dr-region', source: 'seed 001 scenario 2', text: 'Region-wide outage in us-east-1, multiple services failing; no standby running, rebuild the logging stack in us-west-2 from the cross-region backups' },
  { mode: 'live', expect: 'aurora-point-in-time-restore', source: 'seed 001 scenario 3', text: 'Aurora MySQL: CHECK TABLE reports corruption in the events table, we need the cluster as it was at 09:00' },
  { mode: 'live', expect: 'aurora-failover', source: 'seed 001 Aurora automated failover', text: 'Aurora writer instance went away, the app gets database connection errors and RDS says failover started', alarms: ['logging-aurora-writer-connections'] },
  { mode: 'live', expect: 'security-breach', source: 'seed 001 scenario 4', text: 'GuardDuty HIGH findings: an unknown IAM principal making anomalous API calls from an unfamiliar IP, possible breach' },

  // Seed plan: Kubernetes platform on EKS with RDS PostgreSQL and a warm standby region
  { mode: 'live', expect: 'kubernetes-node-failure', source: 'seed 002 scenario 1', text: 'Node NotReady in the prod EKS cluster, pods pending and being evicted', alarms: ['prod-eks-node-not-ready'] },
  { mode: 'live', expect: 'az-failure', source: 'seed 002 scenario 2', text: 'Several nodes NotReady, all in eu-west-1b; the load balancer shows unhealthy hosts in that zone only', alarms: ['prod-alb-unhealthy-hosts'] },
  { mode: 'live', expect: 'region-failure-dr-failover', source: 'seed 002 scenario 3', text: 'All services down in eu-west-1 and the Route 53 health check is failing; standby in eu-central-1 is healthy', alarms: ['prod-health-check-primary'] },
  { mode: 'live', expect: 'rds-multi-az-failover', source: 'seed 002 automatic RDS failover', text: 'RDS Multi-AZ failover event on the postgres instance, connection errors for about two minutes' },
  { mode: 'live', expect: 'backup-verification', source: 'seed 002 backup verification', text: 'Backup job failed notification for the nightly RDS snapshot copy; check the backups still restore', alarms: ['prod-backup-job-failed'] },

  // Seed plan: document management platform (S3 documents, RDS metadata, Kubernetes services)
  { mode: 'live', expect: 's3-object-recovery', source: 'seed 003 4.1 object corruption or deletion', text: 'Customers cannot download documents; GET returns NoSuchKey and objects are missing from listings after a cleanup script ran' },
  { mode: 'live', expect: 's3-cross-region-recovery', source: 'seed 003 4.1 primary region failure', text: 'Document bucket in the primary region unreachable; replication to the backup bucket is current, serve documents from the replica bucket' },
  { mode: 'live', expect: 'degraded-mode-limited-functionality', source: 'seed 003 degraded mode', text: 'Search index corrupted and search requests erroring; keep the rest of the platform up with search turned off' },
  { mode: 'live', expect: 'degraded-mode-read-only', source: 'seed 003 degraded mode', text: 'Primary database is being recovered; put the platform in read-only mode with writes disabled until it is done' },
  { mode: 'live', expect: 'kubernetes-deployment-rollback', source: 'seed 003 4.3 service failure', text: 'Pods in CrashLoopBackOff right after the 2.14 release rollout, error spike on the API', alarms: ['docs-api-crashloop'] },
  { mode: 'live', expect: 'configuration-rollback', source: 'seed 003 4.3 configuration issue', text: 'A bad configmap was applied and the service misbehaves since the config change' },
  { mode: 'live', expect: 'rds-read-replica-promotion', source: 'seed 003 4.2 primary database failure', text: 'Primary postgres database unreachable and replication to the read replica stopped; we want to promote the replica' },
  { mode: 'live', expect: 'database-schema-rollback', source: 'seed 003 deployment failures', text: "Release 3.2's migration failed midway, SQL errors about a missing column tenant_id" },
  { mode: 'live', expect: 'security-breach', source: 'seed 003 3.3 malware', text: 'Ransomware notes found in the documents bucket and objects encrypted by an attacker' },
  { mode: 'live', expect: 'service-degradation', source: 'seed 003 3.1 service degradation', text: 'p99 latency up and intermittent errors, DynamoDB throttling on the documents table', alarms: ['docs-dynamodb-throttles'] },

  // Seed plan: runbook with region failure, data corruption with merge, account compromise
  { mode: 'live', expect: 'aws-account-compromise', source: 'seed 004 scenario 3', text: 'Unauthorized IAM changes and unexpected resource deletions across the account, root login from an unknown location', alarms: ['security-root-login'] },
  { mode: 'live', expect: 'rds-restore-from-snapshot', source: 'seed 004 scenario 2', text: "Integrity check failures on the orders postgres database and users report missing orders; restore last night's snapshot beside it and merge" },
  { mode: 'live', expect: 'rds-point-in-time-restore', source: 'seed 003 4.2 data corruption', text: 'A bad batch job overwrote customer metadata in RDS postgres at 10:42; restore to 10:40 and merge the good rows back' },

  // Public post-incident reports, paraphrased
  { mode: 'live', expect: 's3-cross-region-recovery', source: 'AWS S3 us-east-1, Feb 2017', text: 'S3 in us-east-1 returns 503 for GET and PUT across the region; our assets bucket replicates to us-west-2' },
  { mode: 'live', expect: 'region-failure-dr-failover', source: 'AWS us-east-1 network impairment, Dec 2021', text: 'us-east-1 network impairment: AWS APIs and console erroring, our services in the region failing; warm standby ready in us-west-2' },
  { mode: 'live', expect: 'az-failure', source: 'AWS use1-az4 power loss, Dec 2021', text: 'Power loss in a data centre of use1-az4; EC2 instances in that availability zone unreachable, other zones fine' },
  { mode: 'live', expect: 'az-failure', source: 'AWS ap-northeast-1 cooling failure, Aug 2019', text: 'Cooling failure in a single AZ of ap-northeast-1, instances overheating and shutting down, RDS in that zone impaired' },
  { mode: 'live', expect: 'region-failure-dr-failover', source: 'AWS DynamoDB DNS, us-east-1, Oct 2025', text: 'The DynamoDB endpoint in us-east-1 stopped resolving, every table call fails and services across the region are failing; our global table replica in us-west-2 is healthy' },
  { mode: 'live', expect: 'service-degradation', source: 'AWS Kinesis us-east-1, Nov 2020', text: 'Kinesis in us-east-1 degraded, CloudWatch metrics delayed, increased latency and intermittent errors in our pipeline' },
  { mode: 'live', expect: 'aurora-failover', source: 'GitHub network partition, Oct 2018', text: 'Network partition between data centres; the MySQL cluster promoted a new writer, writes failing and replica lag growing' },
  { mode: 'live', expect: 'database-schema-rollback', source: 'GitHub availability report, Nov 2021', text: 'A schema migration on a large MySQL table made the replicas lock up; read errors since the migration ran' },
  { mode: 'live', expect: 'security-breach', source: 'GitHub OAuth token theft, Apr 2022', text: 'An attacker used stolen OAuth tokens to download private repositories; unauthorized access to customer data' },
  { mode: 'live', expect: 'kubernetes-deployment-rollback', source: 'GitHub availability report, deployment regression', text: 'A new version of the API frontends rolled out to Kubernetes fails its health checks and errors rose; undo the rollout' },
  { mode: 'live', expect: 'service-degradation', source: 'Slack, Jan 4 2021', text: 'Network disruption between services after the holiday traffic surge, packet loss and high latency, autoscaling not keeping up' },
  { mode: 'live', expect: 'service-degradation', source: 'Slack, Feb 22 2022', text: 'Database tier overloaded after the cache fleet restarted; queries slow and users intermittently cannot load channels' },
  { mode: 'live', expect: 'configuration-rollback', source: 'Slack load balancer configuration change, 2020', text: 'A load balancer configuration change rolled out and connections fail; revert the change' },
  { mode: 'live', expect: 'configuration-rollback', source: 'Cloudflare WAF rule, Jul 2019', text: 'A new WAF rule deployed everywhere pinned CPU at 100% and 502 errors everywhere; revert the rule configuration', alarms: ['edge-proxy-5xx-rate'] },
  { mode: 'live', expect: 'configuration-rollback', source: 'Cloudflare bot management feature file, Nov 2025', text: 'A generated feature file doubled in size after a database permissions change and the proxies crash with 5xx; push the previous file' , alarms: ['edge-proxy-5xx-rate'] },
  { mode: 'live', expect: 'configuration-rollback', source: 'Cloudflare BGP change, Jun 2022', text: 'A network configuration change withdrew routes in 19 data centres and traffic fails there; roll back the change' },
  { mode: 'live', expect: 'security-breach', source: 'Cloudflare Thanksgiving 2023 intrusion', text: 'A threat actor used credentials stolen in a third-party breach to access our internal wiki and source code' },
  { mode: 'live', expect: 'region-failure-dr-failover', source: 'Cloudflare control plane, Nov 2023', text: 'Primary data centre lost power, control plane and analytics offline; fail over to the disaster recovery site' },
  { mode: 'live', expect: 'aws-account-compromise', source: 'Code Spaces, Jun 2014', text: 'An attacker got into our AWS console and is deleting EC2 instances, S3 buckets and backups' },
  { mode: 'live', expect: 'rds-restore-from-snapshot', source: 'GitLab database deletion, Jan 2017', text: 'The primary postgres data directory was deleted by mistake; restore from the latest snapshot' },
  { mode: 'live', expect: 'complete-service-outage', source: 'generic', text: "We're down. Total outage, nothing loads for any customer" },
  { mode: 'live', expect: 'service-degradation', source: 'generic', text: 'Slowdown on the checkout page, p99 latency at 4 seconds' },

  // Deletions: the word is the same whatever its form ("deleted", "deletion"); what was deleted decides
  { mode: 'live', expect: 'dynamodb-restore-from-backup', source: 'seed 000 scenario 3 option B', text: 'Someone deleted the DynamoDB sessions table by mistake' },
  { mode: 'live', expect: 'dynamodb-restore-from-backup', source: 'seed 000 scenario 3 option B', text: 'The ledger table was deleted in DynamoDB and PITR was never turned on' },
  { mode: 'live', expect: 's3-object-recovery', source: 'seed 003 4.1 object deletion', text: 'A lifecycle rule deleted objects from the uploads bucket; versioning is on' },
  { mode: 'live', expect: 'kms-key-deletion', source: 'seed 000 scenario 6', text: 'Our CMK was scheduled for deletion by a cleanup job and decrypt calls now fail' },

  // The scope answer, when the responder gave it
  { mode: 'live', scope: 'region', expect: 'region-failure-dr-failover', source: 'AWS us-east-1 network impairment, Dec 2021', text: 'API 5xx from every service in us-east-1; the standby in us-west-2 is healthy' },
  { mode: 'live', scope: 'region', expect: 'region-failure-dr-failover', source: 'seed 002 scenario 3', text: 'eu-west-1 API 5xx and timeouts on every endpoint, warm standby ready in eu-central-1' },
  { mode: 'live', scope: 'az', expect: 'az-failure', source: 'seed 002 scenario 2', text: 'Instances unreachable and the load balancer reports unhealthy hosts, Lambda timeouts' },

  // Drills: the operator is starting an exercise, not answering an incident
  { mode: 'drill', expect: 'drill-az-failover', source: 'seed 000 test 1', text: 'Quarterly DR test: run the FIS experiment that stops instances in one availability zone' },
  { mode: 'drill', expect: 'drill-full-dr', source: 'seed 002 monthly DR drill', text: 'Game day: full DR exercise simulating the loss of eu-west-2' },
  { mode: 'drill', expect: 'drill-pitr-restore', source: 'seed 000 test 2', text: 'Monthly restore test: point-in-time restore of the logs table into a test table' },
  { mode: 'drill', expect: 'drill-lambda-rollback', source: 'seed 000 DR testing', text: 'Practise rolling the ingest Lambda back to its previous version' },
];
