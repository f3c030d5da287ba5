import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createCredentialStore } from './credential-store';

describe('credentialStore', () => {
  it('keeps credentials per backend across store instances (a worker restart)', async () => {
    const indexedDb = new IDBFactory();
    await createCredentialStore(indexedDb).save('sobot', { appid: 'sobot-demo', secret: 'k1' });
    await createCredentialStore(indexedDb).save('useasy', { appid: '1090', secret: 's2' });
    const reopened = createCredentialStore(indexedDb);
    expect(await reopened.load('sobot')).toEqual({ appid: 'sobot-demo', secret: 'k1' });
    expect(await reopened.load('useasy')).toEqual({ appid: '1090', secret: 's2' });
    expect(await reopened.load('other')).toBeUndefined();
  });
});
