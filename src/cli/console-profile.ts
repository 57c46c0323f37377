// The console's runbook parameters default to the service profile's values (and show them as examples),
// so the declare form and the scenario prompt ask only for what the profile does not know.
import { sanitizeLine } from '../core/index.js';
import { loadProfile, pickService } from '../profile/find.js';
import { withProfileDefaults } from '../profile/params.js';
import type { UiService } from '../ui/deps.js';
import type { ConsoleCatalog } from './console-wiring.js';
import { normaliseRole } from './incident-commands.js';

export function withServiceProfile(catalog: ConsoleCatalog, env: Readonly<Record<string, string | undefined>>): ConsoleCatalog & { service?: UiService } {
  try {
    const loaded = loadProfile({ env });
    if (!loaded) return catalog;
    const names = loaded.profile.services.map((s) => s.name);
    if (names.length > 1 && !env.WARROOM_SERVICE) {
      return { ...catalog, problems: [...catalog.problems, `service profile not used: ${loaded.path} describes ${names.length} services (set WARROOM_SERVICE to one of ${names.join(', ')})`] };
    }
    const service = pickService(loaded, { service: env.WARROOM_SERVICE });
    const roster = Object.fromEntries(Object.entries(service.roster).map(([role, name]) => [normaliseRole(role), name]));
    return { ...catalog, scenarios: withProfileDefaults(catalog.scenarios, service), service: { name: service.name, profile: loaded.path, roster } };
  } catch (err) {
    // A bad profile never stops the console: it is shown with the catalog's problems, parameters stay unfilled.
    const message = sanitizeLine((err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '');
    return { ...catalog, problems: [...catalog.problems, `service profile not used: ${message}`] };
  }
}
