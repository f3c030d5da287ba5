import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStoreListing, readStoreListing, STORE_LOCALES } from './store-listing';

const messages = (locale: string) => JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Record<string, { message: string }>;

describe('the store listings', () => {
  it.each(STORE_LOCALES)('%s: names the extension and sums it up exactly as its manifest does, within the stores’ limits', (locale) => {
    const listing = readStoreListing(locale);
    expect(listing.name).toBe(messages(locale).extName!.message);
    expect(listing.summary).toBe(messages(locale).extDescription!.message);
    // Chrome refuses a manifest description over 132 characters; both stores show it as the summary.
    expect(listing.summary.length).toBeLessThanOrEqual(132);
  });

  it('gives every language the same sections, each with text', () => {
    const [first, ...others] = STORE_LOCALES.map(readStoreListing);
    for (const other of others) expect(other.sections.size).toBe(first!.sections.size);
    for (const listing of [first!, ...others]) for (const text of listing.sections.values()) expect(text.length).toBeGreaterThan(20);
  });

  it('splits a listing into its name, summary and sections', () => {
    const listing = parseStoreListing('# Name\n\nOne line.\n\n## Description\n\nLong text.\n\n## Permissions\n\n- storage: why\n');
    expect(listing).toEqual({
      name: 'Name',
      summary: 'One line.',
      sections: new Map([
        ['Description', 'Long text.'],
        ['Permissions', '- storage: why'],
      ]),
    });
  });
});
