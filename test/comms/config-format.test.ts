// The channels schema and its loader, the formats each channel receives, and redaction.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChannelsConfigSchema, isIdempotent, routeFor } from '../../src/comms/config.js';
import { loadChannels } from '../../src/comms/load-config.js';
import { emailMarkdown, pagerDutyEvent, plainText, smsText, type OutgoingMessage } from '../../src/comms/message.js';
import { fingerprint, Redactor } from '../../src/comms/redact.js';
import { retryAfterMs } from '../../src/comms/channels/http-post.js';
import { backoffMs } from '../../src/comms/outbox.js';
import { tempStateDir } from './support.js';

const message: OutgoingMessage = {
  incidentId: 'INC-20261203-AB12', title: 'Orders down', severity: 'SEV2', status: 'mitigating', kind: 'update',
  text: 'Failover to eu-west-1 in progress. Runbook: https://wiki.example.com/runbooks/orders?x=1 ' + 'more detail '.repeat(40),
  exercise: false, update: 7,
};

describe('channels schema', () => {
  it('refuses a plain secret and names the reference forms', () => {
    const r = ChannelsConfigSchema.safeParse({ targets: [{ name: 'pd', kind: 'pagerduty', routing_key: 'R0123456789abcdef' }] });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toMatch(/secret: give a reference \(env:NAME, ssm:\/path or secretsmanager:id\)/);
    for (const ref of ['env:PD_KEY', 'ssm:/warroom/pd', 'secretsmanager:warroom/pd']) {
      expect(ChannelsConfigSchema.safeParse({ targets: [{ name: 'pd', kind: 'pagerduty', routing_key: ref }] }).success, ref).toBe(true);
    }
  });

  it('refuses routes and drill lists that name unknown channels, and duplicate names', () => {
    const r = ChannelsConfigSchema.safeParse({
      targets: [{ name: 'a', kind: 'slack', webhook: 'env:A' }, { name: 'a', kind: 'teams', webhook: 'env:B' }],
      routing: [{ to: ['b'] }],
      drill: ['c'],
    });
    expect(r.error!.issues.map((i) => i.message)).toEqual(['channel "a" is defined twice', 'unknown channel "b" (defined: a)', 'unknown channel "c" (defined: a)']);
  });

  it('routes by update kind and severity, in definition order', () => {
    const cfg = ChannelsConfigSchema.parse({
      targets: [
        { name: 'slack', kind: 'slack', webhook: 'env:A' },
        { name: 'pd', kind: 'pagerduty', routing_key: 'env:B' },
        { name: 'sns', kind: 'sns', topic_arn: 'arn:aws:sns:eu-west-2:123456789012:status.fifo' },
      ],
      routing: [
        { severities: ['SEV1'], to: ['pd'] },
        { kinds: ['resolution'], to: ['sns', 'slack'] },
        { kinds: ['initial', 'update'], severities: ['SEV1', 'SEV2'], to: ['slack'] },
      ],
    });
    expect(routeFor(cfg, 'initial', 'SEV1')).toEqual(['slack', 'pd']);
    expect(routeFor(cfg, 'update', 'SEV3')).toEqual([]);
    expect(routeFor(cfg, 'resolution', 'SEV4')).toEqual(['slack', 'sns']);
    expect(cfg.targets.map(isIdempotent)).toEqual([false, true, true]);
  });

  it('the loader reads only the channels key of the chosen service', () => {
    const dir = tempStateDir();
    const path = join(dir, 'warroom.yaml');
    writeFileSync(path, [
      'services:',
      '  - name: billing',
      '    regions: [us-east-1]',
      '  - name: orders',
      '    regions: [eu-west-2, eu-west-1]',
      '    roster: { primary: alice, escalation: [{ level: L2, after_minutes: 15 }] }',
      '    resources: { anything: [1, 2, 3] }',
      '    channels:',
      '      targets: [{ name: s, kind: slack, webhook: "env:S" }]',
      '      routing: [{ to: [s] }]',
      '',
    ].join('\n'));
    expect(loadChannels({ env: {}, cwd: dir })).toMatchObject({ service: 'orders', config: { targets: [{ name: 's' }], drill: [], timeout_seconds: 10 } });
    expect(loadChannels({ env: { WARROOM_SERVICE_FILE: path } }).service).toBe('orders');
    expect(loadChannels({ env: {}, file: path, serviceName: 'billing' }).config.targets).toEqual([]);
    expect(() => loadChannels({ env: {}, file: path, serviceName: 'nope' })).toThrow(/no service "nope" in .* \(services: billing, orders\)/);
    expect(loadChannels({ env: {}, cwd: tempStateDir() }).config.targets).toEqual([]);
  });
});

describe('formats', () => {
  it('SMS stays within the limit and carries no link', () => {
    const sms = smsText(message, 160);
    expect(sms.length).toBeLessThanOrEqual(160);
    expect(sms).not.toContain('https://');
    expect(sms.startsWith('SEV2 Update: Orders down (INC-20261203-AB12) - mitigating.')).toBe(true);
  });

  it('every drill format is marked EXERCISE', () => {
    const drill = { ...message, exercise: true };
    for (const text of [plainText(drill), emailMarkdown(drill), smsText(drill, 160), JSON.stringify(pagerDutyEvent(drill, 'k'))]) expect(text).toContain('EXERCISE');
    expect(plainText(message)).not.toContain('EXERCISE');
  });

  it('email is Markdown with a heading and the fields', () => {
    expect(emailMarkdown(message).split('\n').slice(0, 5)).toEqual(['# SEV2 Update: Orders down (INC-20261203-AB12)', '', '- **Severity:** SEV2', '- **Status:** mitigating', '- **Next update:** when there is news']);
  });

  it('PagerDuty resolve carries no payload, and a resolution update resolves', () => {
    expect(pagerDutyEvent({ ...message, kind: 'resolution' }, 'KEY')).toEqual({ routing_key: 'KEY', event_action: 'resolve', dedup_key: 'INC-20261203-AB12' });
  });
});

describe('redaction, retry timing', () => {
  it('replaces a secret, its URL path and its encoded form with one fingerprint', () => {
    const r = new Redactor();
    const url = 'https://hooks.slack.com/services/T0/B0/abcdefSECRET';
    r.add(url);
    expect(r.redact(`POST ${url} failed`)).toBe(`POST ${fingerprint(url)} failed`);
    expect(r.redact('path /services/T0/B0/abcdefSECRET')).not.toContain('abcdefSECRET');
    expect(r.redact(`q=${encodeURIComponent(url)}`)).toBe(`q=${fingerprint(url)}`);
    expect(fingerprint(url)).toMatch(/^secret#[0-9a-f]{8}$/);
  });

  it('Retry-After in seconds or as a date; backoff doubles to a ceiling', () => {
    expect(retryAfterMs('7', 0)).toBe(7_000);
    expect(retryAfterMs('Thu, 03 Dec 2026 09:00:30 GMT', Date.parse('2026-12-03T09:00:00Z'))).toBe(30_000);
    expect(retryAfterMs('soon', 0)).toBeUndefined();
    expect([1, 2, 3, 4, 20].map(backoffMs)).toEqual([2_000, 4_000, 8_000, 16_000, 300_000]);
  });
});
