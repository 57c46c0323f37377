// Builds the outbox from what a command or the console has: the store, the environment and the profile.
import type { Clock } from '../core/index.js';
import { defaultAwsClients, sendAws, type AwsClientFactory } from './channels/aws-channels.js';
import { sendHttp } from './channels/http-channels.js';
import type { ChannelsConfig } from './config.js';
import { loadChannels } from './load-config.js';
import type { OutboxDeps, OutboxStore, SendFn } from './outbox.js';
import { Redactor } from './redact.js';
import { secretResolver, type SecretSources } from './secrets.js';

export interface OutboxSetup {
  store: OutboxStore;
  clock: Clock;
  actor: string;
  env: Readonly<Record<string, string | undefined>>;
  serviceFile?: string | undefined;
  serviceName?: string | undefined;
  /** Tests point these at moto. */
  aws?: AwsClientFactory;
  secretClients?: Omit<SecretSources, 'env'>;
  config?: ChannelsConfig;
}

export function channelSender(aws: AwsClientFactory = defaultAwsClients): SendFn {
  return (ch, m, ctx) => (ch.kind === 'sns' || ch.kind === 'ses' ? sendAws(ch, m, ctx, aws) : sendHttp(ch, m, ctx));
}

export function makeOutbox(setup: OutboxSetup): OutboxDeps & { profilePath?: string } {
  const loaded = setup.config ? { config: setup.config } : loadChannels({ file: setup.serviceFile, serviceName: setup.serviceName, env: setup.env });
  const redactor = new Redactor();
  return {
    store: setup.store,
    config: loaded.config,
    clock: setup.clock,
    actor: setup.actor,
    send: channelSender(setup.aws),
    secret: secretResolver({ env: setup.env, ...setup.secretClients }, redactor),
    redactor,
    ...('path' in loaded && loaded.path ? { profilePath: loaded.path } : {}),
  };
}
