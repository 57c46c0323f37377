// The validator on broken runbooks: each problem comes with the file, the line and a message a person can act on.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenarios/index.js';
import { edit, SAMPLE } from './fixtures/sample.js';

describe('a valid runbook', () => {
  it('loads, normalized: durations in seconds, defaults filled', () => {
    const { scenario, problems } = loadScenarioText(SAMPLE, 'sample.yaml');
    expect(problems).toEqual([]);
    expect(scenario!.objectives).toEqual([{ component: 'DynamoDB', rto_seconds: 7200, rpo_seconds: 60 }]);
    expect(scenario!.steps[0]!.depends_on).toEqual([]);
    expect(scenario!.steps[0]!.verify).toMatchObject({ region: 'primary', interval_seconds: 10, deadline_seconds: 60 });
    expect(scenario!.comms).toMatchObject({ first_update_minutes: 5, cadence_minutes: 30 });
    expect(scenario!.metrics[0]).toMatchObject({ statistic: 'Average', period_seconds: 60, region: 'primary', bad_when: 'above' });
  });
});

describe('broken runbooks', () => {
  it.each([
    ['wrong type', edit(20, '    expected_minutes: ten', true), 21, 'steps[0].expected_minutes', /expected number, got text "ten"/],
    ['unknown key', edit(19, '    timeout: 5', true), 20, 'steps[0].timeout', /unknown field "timeout"/],
    ['missing required top-level field', edit(8, null), 1, 'impact', /missing required field "impact"/],
    ['missing required step field', edit(29, null), 28, 'steps[1].title', /missing required field "title"/],
    ['duplicate step id', edit(28, '  - id: check'), 28, 'steps[1].id', /duplicate step id "check"/],
    ['placeholder naming an undeclared param', edit(21, '    command: aws dynamodb describe-table --table-name {{tabel}}'), 21, 'steps[0].command', /\{\{tabel\}\} names no declared param \(declared: table\)/],
    ['placeholder in a metric dimension', edit(34, '  - { id: errors, title: Errors, namespace: AWS/DynamoDB, metric: SystemErrors, dimensions: { TableName: "{{tbl}}" } }'), 34, 'metrics[0].dimensions.TableName', /\{\{tbl\}\}/],
    ['comms placeholder that is neither a param nor an incident field', edit(36, '  templates: { initial: "{{owner}}", update: u, resolution: r }'), 36, 'comms.templates.initial', /\{\{owner\}\} names no declared param.*elapsed/],
    ['depends_on an unknown step', edit(32, '    depends_on: [chek]'), 32, 'steps[1].depends_on[0]', /"chek", which is not a step of this scenario \(steps: check, restore\)/],
    ['verify with a mutating operation', edit(24, '      operation: RestoreTableToPointInTime'), 24, 'steps[0].verify.operation', /not a read-only operation.*mutating: put it in an `action`/],
    ['verify with an unknown service', edit(23, '      service: ec2'), 23, 'steps[0].verify.service', /"ec2" is not allowed here; use one of dynamodb, rds, route53, cloudwatch, kms, health, s3/],
    ['expect with two conditions', edit(27, '      expect: { equals: ACTIVE, exists: true }'), 27, 'steps[0].verify.expect', /exactly one of/],
    ['unknown role', edit(19, '    role: dbas'), 19, 'steps[0].role', /"dbas" is not allowed here; use one of incident-commander/],
    ['bad duration', edit(10, '  - { component: DynamoDB, rto: 2 hours }'), 10, 'objectives[0].rto', /"30s", "15m", "2h"/],
    ['example not matching the pattern', edit(15, '    example: Orders_1'), 15, 'params.table.example', /does not match the param's pattern/],
    ['bad param name', edit(12, '  Table:'), 12, 'params.Table', /param name is lower-case/],
    ['metric inject naming no metric', edit(39, '  - { id: one, at_seconds: 0, kind: metric, text: t, facilitator: f, metric: { id: nope, to: 1 } }'), 39, 'injects[0].metric.id', /"nope" is not one of this scenario's metrics \(errors\)/],
    ['alarm inject without alarm name', edit(39, '  - { id: one, at_seconds: 0, kind: alarm, text: t, facilitator: f }'), 39, 'injects[0]', /needs `alarm`/],
    ['alarm watching no metric pane', edit(37, '  escalation: [{ level: 1, after_minutes: 0, who: on-call }]\nalarms:\n  - { name: orders-errors, metric: erorrs }'), 39, 'alarms[0].metric', /alarm orders-errors watches "erorrs", which is not one of this scenario's metrics \(errors\)/],
    ['alarm on a pane without a threshold', edit(37, '  escalation: [{ level: 1, after_minutes: 0, who: on-call }]\nalarms:\n  - { name: orders-errors, metric: errors }'), 39, 'alarms[0]', /pane errors has no warning or critical level: give the alarm a `threshold`/],
    ['two alarms of one name', edit(37, '  escalation: [{ level: 1, after_minutes: 0, who: on-call }]\nalarms:\n  - { name: orders-errors, metric: errors, threshold: 1 }\n  - { name: orders-errors, metric: errors, threshold: 5 }'), 40, 'alarms[1].name', /duplicate alarm "orders-errors"/],
    ['alarm with an unknown comparison', edit(37, '  escalation: [{ level: 1, after_minutes: 0, who: on-call }]\nalarms:\n  - { name: orders-errors, metric: errors, threshold: 1, comparison: over }'), 39, 'alarms[0].comparison', /"over" is not allowed here; use one of above, below/],
    ['action with a read-only operation', edit(31, '    instructions: Restore it.\n    action: { service: dynamodb, operation: DescribeTable, args: {}, confirm: x }'), 32, 'steps[1].action.operation', /not a mutating operation.*read-only: put it in a `verify`/],
    ['depends_on cycle', edit(27, '      expect: { equals: ACTIVE }\n    depends_on: [restore]'), 28, 'steps[0].depends_on', /cycle: check -> restore -> check/],
    ['escalation levels going down', edit(37, '  escalation: [{ level: 2, after_minutes: 0, who: a }, { level: 1, after_minutes: 5, who: b }]'), 37, 'comms.escalation[1]', /levels must go up/],
    ['YAML syntax error', edit(2, 'title: [unclosed'), 3, undefined, /YAML syntax/],
    ['duplicate YAML key', edit(2, 'title: Again', true), 3, undefined, /YAML syntax: Map keys must be unique/],
  ])('%s', (_, text, line, path, message) => {
    const { scenario, problems } = loadScenarioText(text, 'broken.yaml');
    expect(scenario).toBeUndefined();
    const found = problems.find((p) => message.test(p.message));
    expect(found, `no problem matching ${message} in ${JSON.stringify(problems)}`).toBeDefined();
    expect(found).toMatchObject({ file: 'broken.yaml', line, ...(path ? { path } : {}) });
  });

  it('reports every problem of a file at once', () => {
    const text = SAMPLE.replace('role: dba', 'role: nobody').replace('    timeout', '').replace('impact: Some impact.\n', '');
    const { problems } = loadScenarioText(text, 'many.yaml');
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['impact', 'steps[0].role']));
  });

  it.each([
    ['an empty file', '', /empty/],
    ['a list instead of a mapping', '- id: x\n', /expected object, got a list/],
  ])('rejects %s', (_, text, message) => {
    const { problems } = loadScenarioText(text, 'odd.yaml');
    expect(problems[0]).toMatchObject({ file: 'odd.yaml', line: 1 });
    expect(problems[0]!.message).toMatch(message);
  });
});

describe('alarms', () => {
  it('loads an alarm linked to a metric pane by its id', () => {
    const text = edit(37, '  escalation: [{ level: 1, after_minutes: 0, who: on-call }]\nalarms:\n  - { name: "{{table}}-errors", metric: errors, threshold: 2 }');
    const { scenario, problems } = loadScenarioText(text, 'alarms.yaml');
    expect(problems).toEqual([]);
    expect(scenario!.alarms).toEqual([{ name: '{{table}}-errors', metric: 'errors', threshold: 2 }]);
  });
});

describe('the example in docs/runbooks.md', () => {
  it('is a valid runbook', () => {
    const doc = readFileSync('docs/runbooks.md', 'utf8');
    const example = /```yaml\n(# Source: our own plan[\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const { scenario, problems } = loadScenarioText(example!, 'docs/runbooks.md');
    expect(problems).toEqual([]);
    expect(scenario!.id).toBe('orders-table-restore');
  });
});
