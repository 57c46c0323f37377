// A two-service profile as a team would write it.
export const TWO_SERVICES = `# yaml-language-server: $schema=./warroom.schema.json
services:
  - name: orders
    regions: { primary: eu-west-2, dr: eu-west-1 }
    aws_profile: prod
    resources:
      tables: [orders, orders-audit]
      db_clusters:
        - { id: orders-db, writer: orders-db-1, readers: [orders-db-2] }
      db_instances:
        - { id: ledger-db }
        - { id: ledger-db-dr, region: eu-west-1, replica_of: ledger-db }
      hosted_zones:
        - { id: Z0ORDERS, name: shop.test, records: [api.shop.test] }
      health_checks:
        - { id: hc-orders, url: https://api.shop.test/health }
      buckets:
        - { name: orders-exports, replica: orders-exports-dr }
      keys: [alias/orders]
      kubernetes:
        - { name: orders-eks, namespaces: [orders] }
        - { name: orders-eks-dr, region: eu-west-1, namespaces: [orders] }
      functions: [orders-ingest]
      apis: [{ name: orders-api, id: a1b2c3, stage: prod }]
      alarms: [orders-5xx]
    tiers:
      - { name: critical, rto: 15m, rpo: 5m, components: [orders, orders-db] }
    roster: { incident-commander: alice, dba: bob }
    channels:
      targets: [{ name: incidents, kind: slack, webhook: "env:ORDERS_SLACK_WEBHOOK" }]
      routing: [{ to: [incidents] }]
    params:
      deployment: orders-web
  - name: search
    regions: { primary: us-east-1 }
`;
