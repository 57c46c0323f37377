// The action ids AWS Fault Injection Service accepts (AWS FIS User Guide, "FIS actions reference"). The FIS
// API takes an action id as free text, so no service model lists them; a template naming any other id is
// rejected by CreateExperimentTemplate.
export const FIS_ACTIONS: readonly string[] = [
  'aws:fis:inject-api-internal-error', 'aws:fis:inject-api-throttle-error', 'aws:fis:inject-api-unavailable-error', 'aws:fis:wait',
  'aws:cloudwatch:assert-alarm-state',
  'aws:network:disrupt-connectivity', 'aws:network:route-table-disrupt-cross-region-connectivity', 'aws:network:transit-gateway-disrupt-cross-region-connectivity',
  'aws:dynamodb:global-table-pause-replication',
  'aws:ebs:pause-volume-io',
  'aws:ec2:reboot-instances', 'aws:ec2:stop-instances', 'aws:ec2:terminate-instances', 'aws:ec2:send-spot-instance-interruptions',
  'aws:ec2:api-insufficient-instance-capacity-error', 'aws:ec2:asg-insufficient-instance-capacity-error',
  'aws:ecs:drain-container-instances', 'aws:ecs:stop-task', 'aws:ecs:task-cpu-stress', 'aws:ecs:task-io-stress', 'aws:ecs:task-kill-process',
  'aws:ecs:task-network-blackhole-port', 'aws:ecs:task-network-latency', 'aws:ecs:task-network-packet-loss',
  'aws:eks:inject-kubernetes-custom-resource', 'aws:eks:pod-cpu-stress', 'aws:eks:pod-delete', 'aws:eks:pod-io-stress', 'aws:eks:pod-memory-stress',
  'aws:eks:pod-network-blackhole-port', 'aws:eks:pod-network-latency', 'aws:eks:pod-network-packet-loss', 'aws:eks:terminate-nodegroup-instances',
  'aws:elasticache:interrupt-cluster-az-power', 'aws:elasticache:replicationgroup-interrupt-az-power',
  'aws:lambda:invocation-add-delay', 'aws:lambda:invocation-error', 'aws:lambda:invocation-http-integration-response',
  'aws:rds:failover-db-cluster', 'aws:rds:reboot-db-instances',
  'aws:s3:bucket-pause-replication',
  'aws:ssm:send-command', 'aws:ssm:start-automation-execution',
  'aws:arc:start-zonal-autoshift',
];
