// The responder's sync policy grants exactly the item calls the sync engine makes, on one table, and only
// on incident partitions (dynamodb:LeadingKeys); creating the table is a separate, admin policy.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Statement {
  Effect: string;
  Action: string[];
  Resource: string;
  Condition?: Record<string, Record<string, string[]>>;
}
const policy = (file: string) => (JSON.parse(readFileSync(new URL(`../../policies/${file}`, import.meta.url), 'utf8')) as { Statement: Statement[] }).Statement;
const source = readFileSync(new URL('../../src/sync/table.ts', import.meta.url), 'utf8');
const commandsUsed = (names: string[]) => new Set([...source.matchAll(/new (\w+)Command\(/g)].map((m) => `dynamodb:${m[1]}`).filter((a) => names.includes(a)));
const ADMIN = ['dynamodb:CreateTable', 'dynamodb:DescribeTable', 'dynamodb:UpdateContinuousBackups', 'dynamodb:UpdateTimeToLive', 'dynamodb:UpdateTable'];
// What adding a global table replica needs besides UpdateTable (AWS: "IAM policies for global tables").
const REPLICA = ['dynamodb:CreateTableReplica', 'dynamodb:Scan', 'dynamodb:Query', 'dynamodb:UpdateItem', 'dynamodb:PutItem', 'dynamodb:GetItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'iam:CreateServiceLinkedRole'];

describe('sync IAM policies', () => {
  it('the responder policy grants every item call the engine makes, no more, on incident partitions only', () => {
    const [s, ...rest] = policy('warroom-sync-responder.json');
    expect(rest).toEqual([]);
    const all = [...source.matchAll(/new (\w+)Command\(/g)].map((m) => `dynamodb:${m[1]}`);
    const itemCalls = new Set(all.filter((a) => !ADMIN.includes(a)));
    expect(new Set(s!.Action)).toEqual(itemCalls);
    expect(s!.Resource).toMatch(/^arn:aws:dynamodb:\*:ACCOUNT_ID:table\/TABLE_NAME$/);
    expect(s!.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys']).toEqual(['INC-*']);
  });

  it('the table admin policy grants what --create-table calls, and what creating a replica needs', () => {
    const [table, replica, role] = policy('warroom-sync-table-admin.json');
    expect(new Set(table!.Action)).toEqual(commandsUsed(ADMIN));
    expect(new Set([...replica!.Action, ...role!.Action])).toEqual(new Set(REPLICA));
    expect(role!.Condition?.StringEquals?.['iam:AWSServiceName']).toEqual('replication.dynamodb.amazonaws.com');
  });
});
