// Chat pages for specs: a conversation whose visitor wrote the given lines, served on the mock CRM's
// own origin (where scanning is enabled) through Playwright routing, so each spec writes its own chat.
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';

let counter = 0;

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);

export function chatHtml(lines: string[]): string {
  const messages = lines.map((line) => `<div class="message visitor"><p>${escapeHtml(line)}</p></div>`).join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>访客会话</title></head><body><main id="chat">${messages}</main></body></html>`;
}

/** Opens a new tab on a conversation whose visitor wrote `lines`. */
export async function openConversation(browser: ExtensionBrowser, mockUrl: string, lines: string[]): Promise<Page> {
  const page = await browser.context.newPage();
  const url = `${mockUrl}/e2e/conversation-${++counter}.html`;
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: chatHtml(lines) }));
  await page.goto(url);
  return page;
}

/** The visitor writes one more line in an open conversation. */
export async function visitorWrites(page: Page, line: string): Promise<void> {
  await page.evaluate((text) => {
    const message = document.createElement('div');
    message.className = 'message visitor';
    message.append(Object.assign(document.createElement('p'), { textContent: text }));
    document.getElementById('chat')!.append(message);
  }, line);
}
