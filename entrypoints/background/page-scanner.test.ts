import { describe, expect, it, vi } from 'vitest';
import { siteHandlers } from './handlers/sites';
import type { HandlerDependencies } from './handlers/dependencies';
import { releaseSiteAccess } from './page-scanner';

describe('giving a removed site’s access back', () => {
  it('removes exactly the removed site’s origin, port included', async () => {
    const permissions = { remove: vi.fn(async () => true) };
    expect(await releaseSiteAccess('http://localhost:3000', ['http://localhost:4000', 'https://www.sobot.com'], permissions)).toBe(true);
    expect(permissions.remove).toHaveBeenCalledExactlyOnceWith({ origins: ['http://localhost:3000/*'] });
  });

  it('keeps the access another enabled site or the CRM address still needs', async () => {
    const permissions = { remove: vi.fn(async () => true) };
    expect(await releaseSiteAccess('https://crm.example.com', ['https://crm.example.com/sobot'], permissions)).toBe(false);
    expect(await releaseSiteAccess('https://chat.example.com', ['https://chat.example.com'], permissions)).toBe(false);
    expect(permissions.remove).not.toHaveBeenCalled();
  });

  it('answers false when the browser keeps a permission the manifest requires', async () => {
    const permissions = { remove: vi.fn(async () => Promise.reject(new Error('You cannot remove required permissions.'))) };
    expect(await releaseSiteAccess('http://127.0.0.1:8787', [], permissions)).toBe(false);
  });

  it('is asked for by site.disable with what is still enabled and the CRM address', async () => {
    let sites = ['https://chat.example.com', 'http://localhost:3000'];
    const releaseSite = vi.fn(async () => true);
    const deps = {
      enabledSites: { getValue: async () => sites, setValue: async (next: string[]) => void (sites = next) },
      settings: { getValue: async () => ({ baseUrl: 'https://www.sobot.com' }) },
      enableSite: async () => undefined,
      releaseSite,
      policy: async () => ({ policy: {}, ignored: [] }),
    } as unknown as HandlerDependencies;
    await siteHandlers(deps)['site.disable']({ origin: 'http://localhost:3000' }, { sender: 'extension-page' });
    expect(releaseSite).toHaveBeenCalledExactlyOnceWith('http://localhost:3000', ['https://chat.example.com', 'https://www.sobot.com']);
  });
});
