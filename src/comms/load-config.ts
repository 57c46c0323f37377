// Reads the `channels` section of one service in the service profile (warroom.yaml, --service FILE or
// WARROOM_SERVICE_FILE) and ignores every other key: the profile's own schema owns those.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import * as z from 'zod';
import { usageError } from '../core/index.js';
import { ChannelsConfigSchema, type ChannelsConfig } from './config.js';

export interface ProfileSource {
  file?: string | undefined;
  serviceName?: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
  cwd?: string;
}

export function profilePath(src: ProfileSource): string | undefined {
  const given = src.file ?? src.env.WARROOM_SERVICE_FILE;
  if (given) return resolve(src.cwd ?? '.', given);
  const local = resolve(src.cwd ?? '.', 'warroom.yaml');
  return existsSync(local) ? local : undefined;
}

const ServiceEntries = z.object({ services: z.array(z.object({ name: z.string(), channels: z.unknown().optional() }).loose()) }).loose();

/** The channels of the named service (or of the only/first service that has any); empty when no profile exists. */
export function loadChannels(src: ProfileSource): { config: ChannelsConfig; path?: string; service?: string } {
  const path = profilePath(src);
  if (!path) return { config: ChannelsConfigSchema.parse({}) };
  let doc: unknown;
  try {
    doc = parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw usageError(`cannot read the service profile ${path}: ${(err as Error).message.split('\n')[0]} (fix the file or pass --service FILE)`);
  }
  const shape = ServiceEntries.safeParse(doc);
  if (!shape.success) throw usageError(`${path} has no services list (expected services: [{ name, channels, ... }])`);
  const services = shape.data.services;
  const entry = src.serviceName
    ? services.find((s) => s.name === src.serviceName)
    : services.find((s) => s.channels !== undefined);
  if (src.serviceName && !entry) throw usageError(`no service "${src.serviceName}" in ${path} (services: ${services.map((s) => s.name).join(', ')})`);
  if (!entry || entry.channels === undefined) return { config: ChannelsConfigSchema.parse({}), path };
  const parsed = ChannelsConfigSchema.safeParse(entry.channels);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw usageError(`${path}: services.${entry.name}.channels.${issue.path.join('.')}: ${issue.message} (see docs/comms.md)`);
  }
  return { config: parsed.data, path, service: entry.name };
}
