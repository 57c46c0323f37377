// The command checker must reject what would not run, or the catalog test proves nothing.
import { describe, expect, it } from 'vitest';
import { AWS_COMMANDS } from './support/aws-cli-options.js';
import { checkCommand } from './support/command-check.js';
import { hasModel, modelOperation } from './support/sdk-model.js';
import { shellWords, simpleCommands } from './support/shell-words.js';

describe('checkCommand rejects broken commands', () => {
  it.each([
    ['unknown aws option', 'aws dynamodb describe-table --table --region eu-west-2', /unknown option --table/],
    ['missing required aws option', 'aws dynamodb restore-table-to-point-in-time --source-table-name a', /missing required option --target-table-name/],
    ['unknown aws subcommand', 'aws dynamodb restore-table --table-name a', /not in the option table/],
    ['plan typo: security groups cannot deny', 'aws ec2 create-security-group-rule --group-id sg-1 --rule-action deny', /not in the option table/],
    ['invalid JSON argument', `aws route53 change-resource-record-sets --hosted-zone-id Z1 --change-batch '{"Changes":[}'`, /not valid JSON/],
    ['unbalanced quote', `aws dynamodb describe-table --table-name 'orders`, /unbalanced single quote/],
    ['placeholder left', 'aws dynamodb describe-table --table-name {{table}}', /placeholder left/],
    ['plan bug: restore time and latest restorable time together', 'aws rds restore-db-instance-to-point-in-time --source-db-instance-identifier a --target-db-instance-identifier b --restore-time 2024-10-10T12:00:00Z --use-latest-restorable-time', /cannot be used together/],
    ['kubectl flag of another verb', 'kubectl rollout status deployment/x -n ns --to-revision=3', /unknown option --to-revision/],
    ['unknown kubectl verb', 'kubectl rollback deployment/x', /not in the option table/],
    ['terraform with a double-dash option', 'terraform apply --auto-approve', /one dash/],
    ['terraform unknown option', 'terraform plan -var-files=x.tfvars', /unknown option/],
    ['psql unknown flag', 'psql --hostname db -c "SELECT 1"', /unknown option --hostname/],
    ['flag the service model does not have (installed SDK client)', 'aws rds modify-db-instance --db-instance-identifier a --no-egress', /--no-egress is not an input of ModifyDBInstance in the service model/],
    ['operation the service model does not have', 'aws dynamodb undelete-table --table-name a', /not in the option table/],
    ['FIS action that does not exist', `aws fis create-experiment-template --description d --role-arn arn:aws:iam::1:role/r --stop-conditions source=none --targets '{}' --actions '{"x":{"actionId":"aws:dynamodb:disrupt-connectivity"}}'`, /aws:dynamodb:disrupt-connectivity is not an FIS action/],
    ['second command in a pipe is checked too', 'aws s3api list-object-versions --bucket b | aws s3api copy-object --bucket b', /missing required option --copy-source/],
  ])('%s', (_, command, problem) => {
    const problems = checkCommand(command);
    expect(problems.join('\n')).toMatch(problem);
  });

  it.each([
    'aws dynamodb restore-table-to-point-in-time --source-table-name a --target-table-name b --restore-date-time 2026-01-31T10:00:00Z --region eu-west-2',
    `aws route53 change-resource-record-sets --hosted-zone-id Z1 --change-batch '{"Changes":[]}'`,
    'aws rds wait db-instance-available --db-instance-identifier x',
    'kubectl --context dr scale deployment api -n prod --replicas=6',
    'terraform -chdir=infra apply -var=activate_dr=true',
    'terraform workspace select -or-create prod-dr',
    "psql -h h -U u -d d -c 'SELECT 1;'",
  ])('accepts %s', (command) => {
    expect(checkCommand(command)).toEqual([]);
  });
});

describe('the service model from the installed SDK clients', () => {
  it('knows operations and options as the CLI names them, booleans with their --no- form', () => {
    expect(modelOperation('rds', 'modify-db-instance')?.options).toEqual(expect.arrayContaining(['--db-instance-identifier', '--multi-az', '--no-multi-az', '--vpc-security-group-ids']));
    expect(modelOperation('rds', 'restore-db-instance-to-point-in-time')?.required).toEqual(['--target-db-instance-identifier']);
    expect(modelOperation('dynamodb', 'undelete-table')).toBeUndefined();
  });

  it('agrees with the option table for every command whose client is installed', () => {
    const checked = Object.entries(AWS_COMMANDS).filter(([key]) => !key.includes(' wait ') && hasModel(key.split(' ')[0]!));
    expect(checked.length).toBeGreaterThan(20);
    const skipped = Object.keys(AWS_COMMANDS).filter((key) => !hasModel(key.split(' ')[0]!)).map((k) => k.split(' ')[0]);
    console.log(`service model check: ${checked.length} table commands against the installed SDK clients; table only (no client installed): ${[...new Set(skipped)].join(', ')}`);
    for (const [key, spec] of checked) {
      const [service, command] = key.split(' ') as [string, string];
      const op = modelOperation(service, command);
      expect(op, key).toBeDefined();
      const extra = spec.options.filter((o) => !op!.options.includes(o) && !['--starting-token', '--page-size', '--max-items'].includes(o));
      expect(extra, `${key}: options the model does not have`).toEqual([]);
    }
  });
});

describe('shellWords', () => {
  it('joins line continuations and keeps quoted text whole', () => {
    expect(shellWords(`aws s3 ls \\\n  "s3://a b" --x='{"k": 1}'`)).toEqual([{ word: 'aws' }, { word: 's3' }, { word: 'ls' }, { word: 's3://a b' }, { word: `--x={"k": 1}` }]);
  });

  it('splits simple commands at operators and drops loop keywords', () => {
    expect(simpleCommands('a x | while read -r k; do b "$k"; done')).toEqual([['a', 'x'], ['while', 'read', '-r', 'k'], ['b', '$k']]);
  });

  it.each([`echo "open`, 'echo $(date', 'echo a > file'])('rejects %s', (line) => {
    expect(() => shellWords(line)).toThrow();
  });
});
