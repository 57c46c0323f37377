// The console's runbook parameters default to the service profile's values (and show them as examples),
// so the declare form and the scenario prompt ask only for what the profile does not know.
import { sanitizeLine } from '../core/index.js';
import { loadProfile, pickService } from '../profile/find.js';
import { withProfileDefaults } from '../profile/params.js';
import type { ConsoleCatalog } from './console-wiring.js';

export function withServiceProfile(catalog: ConsoleCatalog, env: Readonly<Record<string, string | undefined>>): ConsoleCatalog {
  try {
    const loaded = loadProfile({ env });
    if (!loaded) return catalog;
    const names = loaded.profile.services.map((s) => s.name);
    if (names.length > 1 && !env.WARROOM_SERVICE) {
      return { ...catalog, problems: [...catalog.problems, `service profile not used: ${loaded.path} describes ${names.length} services (set WARROOM_SERVICE to one of ${names.join(', ')})`] };
    }
    const service = pickService(loaded, { service: env.WARROOM_SERVICE });
    return { ...catalog, scenarios: withProfileDefaults(catalog.scenarios, service) };
  } catch (err) {
    // A bad profile never stops the console: it is shown with the catalog's problems, parameters stay unfilled.
    const message = sanitizeLine((err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '');
    return { ...catalog, problems: [...catalog.problems, `service profile not used: ${message}`] };
  }
}
