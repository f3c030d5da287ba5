import { describe, expect, it } from 'vitest';
import { toCards } from './cards';
import { findCustomers } from './lookup';
import { BACKEND_KINDS, registry } from './registry';
import { backendsWithLedger, LEDGER_HOST, ledgerCustomer, ledgerDescriptor, registryWithLedger } from './ledger-backend.testing';

const memoryTokens = () => ({ load: async () => undefined, save: async () => {} });

describe('the backend registry', () => {
  it('derives the kinds and the granted hosts from the shipped descriptors', () => {
    expect(BACKEND_KINDS).toEqual(['sobot', 'useasy']);
    expect(registry.hosts).toEqual(['https://www.sobot.com', 'https://www.soboten.com', 'https://sg.sobot.io', 'https://us.sobot.com']);
    expect(registry.descriptorOf('nobody')).toBeUndefined();
  });

  it('has no error code two shipped backends document, so one table words them all', () => {
    const codes = registry.descriptors.flatMap((descriptor) => Object.keys(descriptor.text.crmCodes ?? {}));
    expect(codes.length).toBeGreaterThan(20);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('takes a third backend from its descriptor and factory alone', () => {
    expect(registryWithLedger.descriptors.map((descriptor) => descriptor.kind)).toEqual(['sobot', 'useasy', 'ledger']);
    expect(registryWithLedger.descriptorOf('ledger')).toBe(ledgerDescriptor);
    expect(registryWithLedger.hosts).toContain(LEDGER_HOST);
  });

  it('builds the third backend for its connection and finds a customer through it as a card', async () => {
    const backend = backendsWithLedger.create(
      'ledger',
      { baseUrl: LEDGER_HOST, appid: 'ledger-account', secret: 's', signatureRecipe: 'eu' },
      { tokenStore: memoryTokens() },
    );
    expect(backend.kind).toBe('ledger');
    const found = await findCustomers(backend, { kind: 'phone', value: '+8613812345678' });
    expect(toCards(found.customers, [])).toEqual([{ customer: ledgerCustomer, labels: [] }]);
    expect(() => backendsWithLedger.create('nobody', { baseUrl: LEDGER_HOST, appid: 'a', secret: 's' }, { tokenStore: memoryTokens() })).toThrow(
      /No CRM backend/,
    );
  });
});
