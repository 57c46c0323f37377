// Loads Ink and the console UI, the largest part of the console's start-up. The entry point starts this
// before anything else on the console path so the reads and compiles overlap the rest of the set-up.
import type * as Ink from 'ink';
import type * as ConsoleUi from '../ui/console.js';

export type LoadedUi = [typeof Ink, typeof ConsoleUi];

export function loadUi(): Promise<LoadedUi> {
  return Promise.all([importInk(), import('../ui/console.js')]);
}

/**
 * Ink's layout engine (yoga) loads its inlined WebAssembly through fetch() when there is one, which makes Node
 * load its whole HTTP client (tens of ms) to read a data: URL; without fetch it decodes the same bytes itself.
 */
function importInk(): Promise<typeof Ink> {
  const fetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (!fetch?.configurable) return import('ink');
  Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  return import('ink').finally(() => Object.defineProperty(globalThis, 'fetch', fetch));
}
