// Handlers for the sites where the page scanner runs by itself (site.*): the agent enables one from the
// panel and removes one on the options page; the admin's sites come first and cannot be removed. A
// removed site's host access is given back unless the CRM address still needs it.
import type { MessagesIn } from '@/lib/messaging/protocol';
import type { Handlers } from '@/lib/messaging/server';
import { createSerialQueue } from '@/lib/serial';
import type { HandlerDependencies } from './dependencies';

export function siteHandlers(deps: HandlerDependencies): Pick<Handlers, MessagesIn<'site'>> {
  // Two saves at once must not lose one: each reads the list the other wrote.
  const serially = createSerialQueue();
  /** The enabled sites (the admin's first), saying which the admin set. */
  const sitesView = async (enabledSites: string[]) => ({ enabledSites, setByAdmin: (await deps.policy()).policy.enabledSites ?? [] });
  return {
    async 'site.enable'({ origin, tabId }) {
      const next = await serially(async () => {
        const sites = await deps.enabledSites.getValue();
        const updated = sites.includes(origin) ? sites : [...sites, origin];
        await deps.enabledSites.setValue(updated);
        return updated;
      });
      await deps.enableSite(next, tabId);
      return sitesView(next);
    },

    async 'site.disable'({ origin }) {
      const next = await serially(async () => {
        const updated = (await deps.enabledSites.getValue()).filter((site) => site !== origin);
        await deps.enabledSites.setValue(updated);
        return updated;
      });
      await deps.enableSite(next);
      await deps.releaseSite(origin, [...next, (await deps.settings.getValue()).baseUrl]);
      return sitesView(next);
    },

    async 'site.list'() {
      return sitesView(await deps.enabledSites.getValue());
    },
  };
}
