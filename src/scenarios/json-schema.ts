// The runbook format as JSON Schema, for editors (yaml-language-server: $schema=...) and other tools.
import { z } from 'zod';
import { ScenarioSchema } from './schema.js';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' });
  return {
    ...schema,
    $id: 'https://warroom.dev/schemas/runbook.json',
    title: 'warroom runbook (one scenario)',
    description:
      'A disaster-recovery scenario and its runbook. {{param}} placeholders may appear in any text and must name a declared param; ' +
      'comms templates may also use the incident fields id, title, severity, status, impact_started, elapsed, next_update.',
  };
}
