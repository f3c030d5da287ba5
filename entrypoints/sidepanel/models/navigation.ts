// Leaving the panel for the extension's other pages.
import { browser } from 'wxt/browser';

export function openOptions() {
  void browser.runtime.openOptionsPage();
}
