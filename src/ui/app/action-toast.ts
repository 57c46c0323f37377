// What the operator reads when an action's recorded lifecycle ends. The footer is one line, so a refusal
// says its remedy first: a long region and account prefix must never push "--allow-actions" off the edge.
import type { ActionResult } from '../../aws/ports.js';
import type { Toast } from './state.js';

export function actionToast(r: ActionResult & { outcome?: string; region?: string; account?: string }): Pick<Toast, 'text' | 'tone'> {
  if (r.error?.class === 'actions-disabled') return { text: 'refused, recorded: actions are off (restart warroom with --allow-actions)', tone: 'warn' };
  const where = [r.region ? `in ${r.region}` : '', r.account ? `account ${r.account}` : ''].filter(Boolean).join(', ');
  const said = r.ok ? `${r.summary}${r.outcome ? `; effect ${r.outcome}` : ''}` : (r.error?.message ?? r.summary);
  const tone = r.ok && (r.outcome === 'proved' || r.outcome === undefined) ? 'ok' : r.ok ? 'warn' : 'crit';
  return { text: `action ${r.ok ? 'succeeded' : r.outcome === 'refused' ? 'refused' : 'failed'}${where ? ` (${where})` : ''}: ${said}`, tone };
}
