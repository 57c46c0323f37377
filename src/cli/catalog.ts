// The runbook catalog as the CLI sees it: built-ins, <state-dir>/runbooks and each --runbooks dir; a broken
// file is one warning line on stderr and is skipped.
import { sanitizeLine } from '../core/index.js';
import { formatProblem, loadCatalog, type CatalogResult } from '../scenarios/index.js';
import type { CliContext } from './context.js';

export function loadCliCatalog(ctx: CliContext): CatalogResult {
  const catalog = loadCatalog({ dirs: ctx.runbookDirs, stateDir: ctx.stateDir, env: ctx.env });
  for (const p of catalog.problems) ctx.err(`warroom: warning: skipped runbook ${sanitizeLine(formatProblem(p))}`);
  return catalog;
}
