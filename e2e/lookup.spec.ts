// An agent opens a conversation whose visitor wrote a phone number; the panel shows who it is.
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { enableScanningOn, openPanel } from './support/agent';
import { requestCounts } from './support/mock-control';
import { agentWithSobot } from './support/setup';

mkdirSync('e2e/artifacts', { recursive: true });

describe('looking up the visitor of a conversation', () => {
  const agent = agentWithSobot();

  it('shows the customer behind the phone number on the page, with one token for everything', async () => {
    const chat = await agent.browser.context.newPage();
    await chat.goto(`${agent.mock.url}/demo/plain.html`);
    const panel = await openPanel(agent.browser);
    await enableScanningOn(panel);

    const card = panel.getByRole('article');
    await card.getByRole('heading', { name: '张伟' }).waitFor();
    // Phone, owner and stage in the card's line; every email with the rest of the record under Details.
    expect(await panel.locator('details.details').textContent()).toContain('zhang.wei@example.com');
    await card.getByText('意向确定').waitFor();
    const labels = card.getByRole('listitem');
    expect(await labels.count()).toBeGreaterThanOrEqual(2);
    expect(
      await panel
        .getByRole('navigation', { name: 'Contacts detected on this page' })
        .getByRole('button', { name: /138 1234 5678/ })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    await panel.screenshot({ path: 'e2e/artifacts/lookup-card-en.png', fullPage: true });

    const counts = await requestCounts(agent.mock.url);
    expect(counts.get_token).toBe(1);
    expect(counts['user/list_by_page']).toBe(1);
  });

  it('says calmly when nobody in the CRM has the number: a new visitor, to create', async () => {
    const chat = await agent.browser.context.newPage();
    await chat.setContent('<p>你好，我的电话是 139 8888 0000</p>');
    await chat.goto(`${agent.mock.url}/demo/plain.html?text=${encodeURIComponent('你好，我的电话是 139 8888 0000')}`);
    const panel = await openPanel(agent.browser);
    await panel.getByText('No customer in the CRM has 139 8888 0000').waitFor();
    // The words around the number say which conversation it came from, for the agent to see and to hear.
    const chosen = panel.getByRole('button', { name: /139 8888 0000/ });
    expect(await chosen.getAttribute('aria-pressed')).toBe('true');
    const seenIn = panel.getByRole('navigation', { name: 'Contacts detected on this page' }).getByText('你好，我的电话是 139 8888 0000');
    expect(await seenIn.isVisible()).toBe(true);
    expect(await chosen.evaluate((button) => document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent)).toBe(
      'Seen in 你好，我的电话是 139 8888 0000',
    );
    const notice = panel.getByRole('status').filter({ hasText: 'No customer in the CRM has' });
    expect(await notice.textContent()).toContain('A new visitor as far as the CRM knows');
    expect(await notice.evaluate((element) => element.classList.contains('notice--warning'))).toBe(false);
  });
});
