// Builds a console from its dependencies: the store of state, the runner of effects and the Ink element.
// The composition root renders the element and owns the terminal; tests render it with ink-testing-library.
import type { ReactElement } from 'react';
import { App } from './app-view.js';
import { Runner } from './app/runner.js';
import { initialState } from './app/state.js';
import { createAppStore, type AppStore } from './app/store.js';
import type { UiDeps } from './deps.js';
import { makeTheme } from './theme.js';

export interface ConsoleInstance {
  store: AppStore;
  runner: Runner;
  element: ReactElement;
}

export interface ConsoleOpenOptions {
  /** Open this incident straight away instead of the home screen. */
  incidentId?: string;
  /** Drive a drill: of `incidentId`, or (with --facilitator) of whichever exercise gets opened. */
  drill?: { speed: number; seed?: number; facilitator: boolean };
  /** The role this console joins drills in when it does not control them. */
  role?: 'player' | 'evaluator' | 'observer';
}

export function createConsole(
  deps: UiDeps,
  opts: { cols: number; rows: number; env: Record<string, string | undefined>; onExit: (code?: number) => void; open?: ConsoleOpenOptions },
): ConsoleInstance {
  const state = initialState({
    now: deps.clock.now(),
    cols: opts.cols,
    rows: opts.rows,
    catalog: deps.scenarios,
    ...(deps.catalogPending ? { catalogPending: true } : {}),
    config: {
      actor: deps.actor,
      allowActions: deps.allowActions,
      awsConnected: deps.awsConnected,
      modeLabel: deps.modeLabel,
      aws: { mode: deps.aws.mode, ...deps.aws.describe },
      ...(deps.exerciseAws ? { exerciseAws: deps.exerciseAws.describe } : {}),
      catalogProblems: deps.catalogProblems,
      ...(deps.autoPageLevels?.length ? { autoPage: deps.autoPageLevels } : {}),
      ...(deps.filesDir ? { filesDir: deps.filesDir } : {}),
      ...(opts.open?.role ? { drillRole: opts.open.role } : {}),
      ...(deps.consoleId ? { consoleId: deps.consoleId } : {}),
    },
  });
  if (deps.lastIncident) state.lastIncident = deps.lastIncident;
  const drill = opts.open?.drill;
  if (drill) state.pendingDrill = { ...drill, ...(opts.open?.incidentId ? { incidentId: opts.open.incidentId } : {}) };
  // The store hands effects to the runner, and the runner dispatches results back into the store.
  const holder: { runner?: Runner } = {};
  const store = createAppStore(state, (e) => holder.runner?.run(e));
  const runner = new Runner(deps, store.dispatch, opts.onExit, deps.clock, opts.open?.incidentId);
  holder.runner = runner;
  const element = <App store={store} theme={makeTheme(opts.env)} clock={deps.clock} {...(deps.timeZone ? { timeZone: deps.timeZone } : {})} />;
  return { store, runner, element };
}
