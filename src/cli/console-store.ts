// The console's view of the incident store. readSince reads only the bytes after the offset, so following
// a long timeline every few hundred milliseconds costs what was appended, not the whole journal.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { TimelineEvent } from '../core/index.js';
import type { IncidentStore } from '../store/incident-store.js';
import type { UiStore } from '../ui/deps.js';

export function consoleStore(store: IncidentStore, actor: string): UiStore {
  return {
    list: () => store.list(),
    load: async (id) => store.load(id),
    append: (id, events) => store.append(id, events, actor),
    create: (opening) => store.create(opening, actor),
    readSince: async (id, offset) => readTailFrom(store.journal(id).path, offset),
  };
}

export function readTailFrom(path: string, offset: number): { events: TimelineEvent[]; offset: number } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size <= offset) return { events: [], offset };
    const buf = Buffer.alloc(size - offset);
    let got = 0;
    while (got < buf.length) {
      const n = readSync(fd, buf, got, buf.length - got, offset + got);
      if (n === 0) break;
      got += n;
    }
    const lastNl = buf.subarray(0, got).lastIndexOf(0x0a);
    if (lastNl < 0) return { events: [], offset };
    const events = buf
      .subarray(0, lastNl)
      .toString('utf8')
      .split('\n')
      .filter((l) => l.length > 0)
      .flatMap((l) => {
        try {
          return [JSON.parse(l) as TimelineEvent];
        } catch {
          return []; // a damaged line is reported by "warroom verify"; following goes on
        }
      });
    return { events, offset: offset + lastNl + 1 };
  } finally {
    closeSync(fd);
  }
}
