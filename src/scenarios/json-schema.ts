// The runbook format as JSON Schema, for editors (yaml-language-server: $schema=...) and other tools.
import * as z from 'zod';
import { ACTION_OPERATIONS, READ_OPERATIONS } from '../core/index.js';
import { ScenarioSchema } from './schema.js';

type Json = Record<string, unknown>;

export function scenarioJsonSchema(): Json {
  const schema = z.toJSONSchema(ScenarioSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Json;
  // The schema checks operations per service at load; editors get the full lists to complete from.
  const step = dig(schema, 'properties', 'steps', 'items', 'properties');
  const reads = [...new Set(Object.values(READ_OPERATIONS).flat())];
  const actions = [...new Set(Object.values(ACTION_OPERATIONS).flat())];
  setOperations(dig(step, 'verify', 'properties'), reads, 'a read-only operation of the service');
  setOperations(dig(step, 'action', 'properties'), actions, 'a mutating operation of the service');
  setOperations(dig(step, 'action', 'properties', 'wait', 'properties'), reads, 'a read-only operation of the service');
  return {
    ...schema,
    $id: 'https://warroom.dev/schemas/runbook.json',
    title: 'warroom runbook (one scenario)',
    description:
      'A disaster-recovery scenario and its runbook. {{param}} placeholders may appear in any text and must name a declared param; ' +
      'comms templates may also use the incident fields id, title, severity, status, impact_started, elapsed, next_update.',
  };
}

function dig(node: Json | undefined, ...keys: string[]): Json | undefined {
  let n: unknown = node;
  for (const k of keys) n = n && typeof n === 'object' ? (n as Json)[k] : undefined;
  return n && typeof n === 'object' ? (n as Json) : undefined;
}

function setOperations(properties: Json | undefined, operations: string[], description: string): void {
  if (properties?.operation) properties.operation = { type: 'string', enum: operations, description };
}
