// Holds the state outside React: dispatch runs the reducer, publishes the new state and hands the effects
// to the runner. Key handlers call dispatch and never read state from a closure.
import type { Effect, Msg } from './msg.js';
import type { AppState } from './state.js';
import { update } from './update.js';

export interface AppStore {
  getState(): AppState;
  dispatch(msg: Msg): void;
  subscribe(listener: () => void): () => void;
}

export function createAppStore(initial: AppState, runEffect: (e: Effect) => void): AppStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(msg) {
      const [next, effects] = update(state, msg);
      if (next !== state) {
        state = next;
        for (const l of listeners) l();
      }
      for (const e of effects) runEffect(e);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
