// The store listing texts in docs/store/<locale>.md: where they are and what they say, section by section.
// Read by `npm run store-assets` (which copies them next to the screenshots) and by the tests that hold
// them to the manifest's name, description and permissions.
import { readFileSync } from 'node:fs';

export const STORE_LOCALES = ['zh_CN', 'en'] as const;
export type StoreLocale = (typeof STORE_LOCALES)[number];

export interface StoreListing {
  /** The `# ` heading: the extension's name. */
  name: string;
  /** The paragraph under the name: the short description both stores show in search results. */
  summary: string;
  /** Each `## ` section's text, by heading. */
  sections: Map<string, string>;
}

export function storeListingPath(locale: StoreLocale): string {
  return `docs/store/${locale}.md`;
}

export function parseStoreListing(markdown: string): StoreListing {
  const [head = '', ...rest] = markdown.split(/^## /m);
  const name = /^# (.+)$/m.exec(head)?.[1]?.trim() ?? '';
  const summary = head.replace(/^# .+$/m, '').trim();
  const sections = new Map(
    rest.map((section) => {
      const [heading = '', ...body] = section.split('\n');
      return [heading.trim(), body.join('\n').trim()] as const;
    }),
  );
  return { name, summary, sections };
}

export function readStoreListing(locale: StoreLocale): StoreListing {
  return parseStoreListing(readFileSync(storeListingPath(locale), 'utf8'));
}
