// The state directory: one journal per incident under incidents/, and a small lowdb index that caches
// each incident's summary so `list` and the home screen need not fold every journal.
import { randomInt } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, accessSync, constants } from 'node:fs';
import { join, resolve } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { lock } from 'proper-lockfile';
import {
  ExitCode,
  foldIncident,
  notFound,
  WarroomError,
  type Clock,
  type IncidentState,
  type NewEvent,
  type TimelineEvent,
} from '../core/index.js';
import { ioError } from './io-errors.js';
import { Journal, type JournalWarning, type LoadedJournal } from './journal.js';

export interface IncidentSummary {
  id: string;
  title: string;
  severity: string;
  status: string;
  mode: string;
  openedAt: string;
  updatedAt: string;
  events: number;
  journalSize: number;
}

interface IndexDoc {
  version: 1;
  incidents: Record<string, IncidentSummary>;
}

export const ID_PATTERN = /^INC-\d{8}-[0-9A-Z]{4}$/;
const ID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export class IncidentStore {
  readonly dir: string;
  readonly incidentsDir: string;

  constructor(
    stateDir: string,
    readonly clock: Clock,
    private readonly onWarning: (w: JournalWarning) => void = () => {},
  ) {
    this.dir = resolve(stateDir);
    this.incidentsDir = join(this.dir, 'incidents');
  }

  /** Creates the state dir (0700) if needed and checks it is writable. */
  ensureWritable(): void {
    try {
      for (const d of [this.dir, this.incidentsDir]) {
        if (!existsSync(d)) {
          mkdirSync(d, { recursive: true, mode: 0o700 });
          chmodSync(d, 0o700);
        }
      }
      accessSync(this.incidentsDir, constants.W_OK);
    } catch (err) {
      throw ioError(err, this.dir, 'use the state dir');
    }
  }

  journalPath(id: string): string {
    return join(this.incidentsDir, `${id}.jsonl`);
  }

  journal(id: string): Journal {
    if (!ID_PATTERN.test(id)) throw notFound(`unknown incident id "${id}": ids look like INC-20261121-7QK2 (see "warroom list")`);
    const path = this.journalPath(id);
    if (!existsSync(path)) throw notFound(`unknown incident id "${id}": no journal at ${path} (see "warroom list")`);
    return new Journal(path, this.clock, this.onWarning);
  }

  /** Opens a new incident: picks a fresh id and writes its first event with `followUps`, as one batch. */
  async create(opened: Omit<NewEvent<'incident.opened'>['data'], 'id'>, actor: string, followUps: readonly NewEvent[] = []): Promise<TimelineEvent> {
    this.ensureWritable();
    const day = new Date(this.clock.now()).toISOString().slice(0, 10).replaceAll('-', '');
    for (let attempt = 0; attempt < 20; attempt++) {
      const suffix = Array.from({ length: 4 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join('');
      const id = `INC-${day}-${suffix}`;
      const path = this.journalPath(id);
      if (existsSync(path)) continue;
      const journal = new Journal(path, this.clock, this.onWarning);
      try {
        const first = await journal.create({ kind: 'incident.opened', data: { ...opened, id } }, actor, followUps);
        await this.refreshIndex([id]).catch(() => {});
        return first;
      } catch (err) {
        if (err instanceof WarroomError && err.message.includes('already exists')) continue;
        throw err;
      }
    }
    throw new WarroomError('could not find a free incident id after 20 attempts', ExitCode.io);
  }

  async append(id: string, events: readonly NewEvent[], actor: string): Promise<TimelineEvent[]> {
    // The index is refreshed lazily by list(), so an append's cost stays independent of the timeline's length.
    return this.journal(id).append(events, actor);
  }

  load(id: string): LoadedJournal & { state: IncidentState } {
    const loaded = this.journal(id).load();
    if (loaded.events.length === 0) throw new WarroomError(`journal for ${id} is empty`, ExitCode.corrupt);
    return { ...loaded, state: foldIncident(loaded.events) };
  }

  ids(): string[] {
    if (!existsSync(this.incidentsDir)) return [];
    return readdirSync(this.incidentsDir)
      .filter((f) => f.endsWith('.jsonl'))
      .map((f) => f.slice(0, -'.jsonl'.length))
      .filter((id) => ID_PATTERN.test(id))
      .sort();
  }

  /** Every incident's summary, newest first, refreshing index entries whose journal has changed. */
  async list(): Promise<IncidentSummary[]> {
    const ids = this.ids();
    const db = await this.openIndex();
    const stale = ids.filter((id) => db.data.incidents[id]?.journalSize !== this.sizeOf(id));
    const summaries = { ...db.data.incidents };
    for (const id of stale) {
      const s = this.summarise(id);
      if (s) summaries[id] = s;
    }
    if (stale.length > 0) await this.refreshIndex(stale).catch(() => {});
    return ids
      .map((id) => summaries[id])
      .filter((s): s is IncidentSummary => !!s)
      .sort((a, b) => b.openedAt.localeCompare(a.openedAt));
  }

  private sizeOf(id: string): number {
    try {
      return statSync(this.journalPath(id)).size;
    } catch {
      return -1;
    }
  }

  private summarise(id: string): IncidentSummary | undefined {
    try {
      const { state, events } = this.load(id);
      return {
        id,
        title: state.title,
        severity: state.severity,
        status: state.status,
        mode: state.mode,
        openedAt: state.openedAt,
        updatedAt: state.updatedAt,
        events: events.length,
        journalSize: this.sizeOf(id),
      };
    } catch {
      return undefined;
    }
  }

  private async openIndex(): Promise<Low<IndexDoc>> {
    // JSONFile (not JSONFilePreset, which silently switches to memory under NODE_ENV=test).
    const db = new Low<IndexDoc>(new JSONFile(join(this.dir, 'index.json')), { version: 1, incidents: {} });
    try {
      await db.read();
    } catch {
      db.data = { version: 1, incidents: {} }; // the index is a cache: a broken one is rebuilt
    }
    db.data ??= { version: 1, incidents: {} };
    return db;
  }

  private async refreshIndex(ids: readonly string[]): Promise<void> {
    const indexPath = join(this.dir, 'index.json');
    const release = await lock(this.dir, { lockfilePath: `${indexPath}.lock`, retries: { retries: 50, minTimeout: 5, maxTimeout: 50 }, stale: 5_000 });
    try {
      const db = await this.openIndex();
      for (const id of ids) {
        const s = this.summarise(id);
        if (s) db.data.incidents[id] = s;
      }
      await db.write();
      chmodSync(indexPath, 0o600);
    } finally {
      await release().catch(() => {});
    }
  }
}
