import { describe, expect, it } from 'vitest';
import { classifySender, mayBeSentBy } from './sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const tab = { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false };

describe('classifySender', () => {
  it('knows the extension’s own pages by their origin, in a tab or not', () => {
    expect(classifySender({ id: ID, origin: `chrome-extension://${ID}` } as never, ID)).toBe('extension-page');
    expect(classifySender({ id: ID, origin: `chrome-extension://${ID}`, tab, frameId: 0 } as never, ID)).toBe('extension-page');
  });

  it('knows a content script by its tab, frame and web origin', () => {
    expect(classifySender({ id: ID, origin: 'https://chat.example', tab, frameId: 3 } as never, ID)).toBe('content-script');
  });

  it('ignores a URL that claims to be an extension page', () => {
    const spoofed = { id: ID, url: `chrome-extension://${ID}/sidepanel.html`, origin: 'https://evil.example', tab, frameId: 0 };
    expect(classifySender(spoofed as never, ID)).toBe('content-script');
  });

  it('refuses other extensions and senders it cannot place', () => {
    expect(classifySender({ id: 'other', origin: `chrome-extension://other` } as never, ID)).toBe('unknown');
    expect(classifySender({ id: ID } as never, ID)).toBe('unknown');
    expect(classifySender({ id: ID, origin: 'file://', tab, frameId: 0 } as never, ID)).toBe('unknown');
  });
});

describe('mayBeSentBy', () => {
  it('lets an extension page send what the panel or the options page may, and a content script only its own', () => {
    expect(mayBeSentBy(['panel'], 'extension-page')).toBe(true);
    expect(mayBeSentBy(['options'], 'extension-page')).toBe(true);
    expect(mayBeSentBy(['content-script'], 'extension-page')).toBe(false);
    expect(mayBeSentBy(['panel', 'options'], 'content-script')).toBe(false);
    expect(mayBeSentBy(['content-script'], 'content-script')).toBe(true);
    expect(mayBeSentBy(['panel', 'options', 'content-script'], 'unknown')).toBe(false);
  });
});
