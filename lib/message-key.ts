// The name of a UI string in public/_locales: its own module so that plain data naming strings (a
// backend's descriptor) need not import the translator, which imports the registry of descriptors.
import type { browser } from 'wxt/browser';

export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];
