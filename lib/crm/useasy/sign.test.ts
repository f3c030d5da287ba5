import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RECIPE, newNonce, recipeFromText, recipeToText, signUseasy, type SignatureRecipe } from './sign';

// Every expected value below was computed independently with node:crypto, e.g.
// node -e 'console.log(require("node:crypto").createHmac("sha256", "useasy-demo-secret").update("1090" + "123456" + "1687792901").digest("base64"))'
const input = { appid: '1090', nonce: '123456', timestamp: '1687792901', secret: 'useasy-demo-secret' };

describe('signUseasy', () => {
  it('signs the default recipe as Base64(HMAC-SHA256(secret, appid + nonce + timestamp)): 44 characters', async () => {
    const signature = await signUseasy(DEFAULT_RECIPE, input);
    expect(signature).toBe('yXZKKv/j9d/E/UrAPCrZMCU2H5C5tsi9JDggubd81Ew=');
    expect(signature).toHaveLength(44);
  });

  it.each<[string, SignatureRecipe, string]>([
    ['hex', { ...DEFAULT_RECIPE, encoding: 'hex' }, 'c9764a2affe3f5dfc4fd4ac03c2ad93025361f90b9b6c8bd243820b9b77cd44c'],
    ['nonce+timestamp', { ...DEFAULT_RECIPE, message: ['nonce', 'timestamp'] }, '7e4JTI5FZAYPtWambfIozVLUR2oHOivSpqWLaR4MnJE='],
    ['appid+timestamp+nonce', { ...DEFAULT_RECIPE, message: ['appid', 'timestamp', 'nonce'] }, 'xIuZzkuyeoVVGS99j7IJpco5A+hF8C4+JASSE14dn0w='],
    [
      'plain sha256 with the secret last',
      { algorithm: 'sha256', message: ['appid', 'nonce', 'timestamp', 'secret'], encoding: 'base64' },
      '0NhynkFGYN7CfxokfdvN5TtrkiDToTIadwERpLw9FtA=',
    ],
  ])('follows a configured recipe: %s', async (_name, recipe, expected) => {
    expect(await signUseasy(recipe, input)).toBe(expected);
  });

  it('keys and hashes UTF-8, so a non-ASCII secret signs like the server expects', async () => {
    expect(await signUseasy(DEFAULT_RECIPE, { ...input, secret: '密钥' })).toBe('iSDtleef/jA1j6gwNVy7xgcY08NWZUr9cU/91l0rPGg=');
    expect(
      await signUseasy(
        { algorithm: 'sha256', message: ['secret', 'appid', 'nonce', 'timestamp'], encoding: 'hex' },
        {
          appid: '1090',
          nonce: '654321',
          timestamp: '1700000000',
          secret: 'secret',
        },
      ),
    ).toBe('64032048bb486d51276f6274e1150ec48d2b08d8bab8a98db68047f8e19c993e');
  });

  it('changes with every signed input', async () => {
    const base = await signUseasy(DEFAULT_RECIPE, input);
    for (const changed of [{ appid: '1091' }, { nonce: '123457' }, { timestamp: '1687792902' }, { secret: 'other' }]) {
      expect(await signUseasy(DEFAULT_RECIPE, { ...input, ...changed })).not.toBe(base);
    }
  });
});

describe('recipe text', () => {
  it('round-trips the default and reads other recipes', () => {
    expect(recipeToText(DEFAULT_RECIPE)).toBe('hmac-sha256/appid+nonce+timestamp/base64');
    expect(recipeFromText(recipeToText(DEFAULT_RECIPE))).toEqual(DEFAULT_RECIPE);
    expect(recipeFromText(' sha256/nonce+timestamp+secret/hex ')).toEqual({
      algorithm: 'sha256',
      message: ['nonce', 'timestamp', 'secret'],
      encoding: 'hex',
    });
  });

  it.each([
    'md5/appid+nonce+timestamp/base64',
    'hmac-sha256/appid+path/base64',
    'hmac-sha256/appid+appid/base64',
    'hmac-sha256//base64',
    'sha256/appid+nonce+timestamp/base64', // a plain hash without the secret proves nothing
    'hmac-sha256/appid+nonce+timestamp/base64/extra',
    'hmac-sha256/appid/hex', // the same signature forever: replayable
    'hmac-sha256/appid+nonce/base64', // no timestamp
    'hmac-sha256/appid+timestamp+method+path+body/base64', // no nonce
  ])('refuses %s', (text) => {
    expect(() => recipeFromText(text)).toThrow(/not a signature recipe/);
  });
});

describe('recipes that sign the request', () => {
  const request = { method: 'POST', path: '/openapi/crm/add', body: '{"customerName":"张伟"}' };
  const covering = recipeFromText('hmac-sha256/appid+nonce+timestamp+method+path+body/base64');

  it('reads a recipe that covers method, path and body', () => {
    expect(covering.message).toEqual(['appid', 'nonce', 'timestamp', 'method', 'path', 'body']);
  });

  it('signs the method, the path and the SHA-256 of the body, so one signature fits one request only', async () => {
    const base = await signUseasy(covering, { ...input, ...request });
    const bodyHash = createHash('sha256').update(request.body).digest('hex');
    const expected = createHmac('sha256', input.secret).update(`1090${input.nonce}${input.timestamp}POST/openapi/crm/add${bodyHash}`).digest('base64');
    expect(base).toBe(expected);
    for (const changed of [{ method: 'GET' }, { path: '/openapi/crm/delete' }, { body: '{"customerName":"李四"}' }]) {
      expect(await signUseasy(covering, { ...input, ...request, ...changed })).not.toBe(base);
    }
  });
});

describe('newNonce', () => {
  it('gives 16 decimal digits, different on every call', () => {
    const nonces = Array.from({ length: 50 }, newNonce);
    for (const nonce of nonces) expect(nonce).toMatch(/^\d{16}$/);
    expect(new Set(nonces).size).toBe(50);
  });
});
