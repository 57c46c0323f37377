// Builds the fixture incidents' report models the way the CLI does, from a journal on disk.
import { reportModel } from '../../src/cli/report-export.js';
import type { ReportModel } from '../../src/core/report/index.js';
import { DRILL_ID, drillScenarios, drillSteps, ORDERS_ID, ordersScenarios, ordersSteps, T0, writeIncident } from './fixtures.js';

export const REPORT_NOW = T0 + 60 * 60_000;

export async function ordersModel(): Promise<ReportModel> {
  const { store, dir } = await writeIncident(ORDERS_ID, ordersSteps());
  return reportModel(store, ORDERS_ID, { now: REPORT_NOW, stateDir: dir, scenarios: ordersScenarios }).model;
}

export async function drillModel(): Promise<ReportModel> {
  const { store, dir } = await writeIncident(DRILL_ID, drillSteps());
  return reportModel(store, DRILL_ID, { now: REPORT_NOW, stateDir: dir, scenarios: drillScenarios }).model;
}
