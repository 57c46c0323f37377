// The report as JSON: the model itself (documented in docs/report.md), versioned by schemaVersion.
import type { ReportModel } from '../core/report/index.js';

export const renderJson = (m: ReportModel): string => `${JSON.stringify(m, null, 2)}\n`;
