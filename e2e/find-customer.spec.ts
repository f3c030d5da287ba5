// The agent finds the visitor: several matches, nobody (then creates them), manual search, editing,
// and taking ownership — each as an agent does it, by role and visible text.
import { describe, expect, it } from 'vitest';
import { FIXTURE_CUSTOMERS } from '../dev/mock-crm/sobot/fixtures';
import { openPanel } from './support/agent';
import { openConversation } from './support/conversation';
import { requestCounts } from './support/mock-control';
import { agentWithSobot } from './support/setup';

describe('finding the customer', () => {
  const agent = agentWithSobot({ me: '王斌', scanningEnabled: true });

  it('offers a choice when two customers share the number, showing what tells them apart', async () => {
    await openConversation(agent.browser, agent.mock.url, ['我们家的电话是 137-0000-0000']);
    const panel = await openPanel(agent.browser);
    await panel.getByText('2 customers share this contact. Choose one:').waitFor();
    const choices = panel.getByRole('button', { name: /陈/ });
    expect(await choices.count()).toBe(2);
    await panel.getByRole('button', { name: /陈建国/ }).click();
    await panel.getByRole('heading', { name: '陈建国' }).waitFor();
    await panel.getByRole('button', { name: '← Back to the 2 matches' }).click();
    await panel.getByRole('button', { name: /陈静/ }).waitFor();
  });

  it('offers to create a customer nobody has, prefilled, and shows the new card without a second search', async () => {
    await openConversation(agent.browser, agent.mock.url, ['新客户，电话 139 8888 0000，想了解一下价格']);
    const panel = await openPanel(agent.browser);
    await panel.getByText('No customer in the CRM has 139 8888 0000').waitFor();
    await panel.getByRole('button', { name: 'Create customer' }).click();
    const form = panel.getByRole('form', { name: 'Create customer' });
    expect(await form.getByLabel('Phone').inputValue()).toBe('13988880000');
    await form.getByRole('button', { name: 'Create customer' }).click();
    await form.getByText('Required.').waitFor();
    await form.getByLabel('Nickname').fill('孙先生');
    await form.getByLabel('Email').fill('sun@example.com');
    const searchesBefore = (await requestCounts(agent.mock.url))['user/list_by_page'] ?? 0;
    await form.getByRole('button', { name: 'Create customer' }).click();
    await panel.getByRole('heading', { name: '孙先生' }).waitFor();
    await panel.getByText('Details', { exact: true }).click();
    await panel.getByText('sun@example.com', { exact: true }).waitFor();
    expect((await requestCounts(agent.mock.url))['user/list_by_page'] ?? 0).toBe(searchesBefore);
  });

  it.each([
    ['Nickname', '李娜', '李娜'],
    ['Real name', '刘洋', '刘经理'],
    ['Company', '华宇商贸', '刘经理'],
    ['Phone', '13912345678', '李娜'],
    ['Email', 'zhao.min@example.org', '赵敏'],
  ])('searches by %s from the keyboard', async (field, query, expected) => {
    const panel = await openPanel(agent.browser);
    await panel.keyboard.press('/');
    await panel.getByLabel('Search by').selectOption({ label: field });
    await panel.getByRole('searchbox', { name: 'Search customers' }).fill(query);
    await panel.getByRole('searchbox', { name: 'Search customers' }).press('Enter');
    const results = panel.getByRole('listbox', { name: 'Search results' });
    await results
      .getByRole('option', { name: new RegExp(expected) })
      .first()
      .waitFor();
    // Down past the expected customer and back up once, so Enter opens the highlighted result.
    const names = await results.getByRole('option').allTextContents();
    const position = names.findIndex((name) => name.includes(expected));
    const box = panel.getByRole('searchbox', { name: 'Search customers' });
    for (let step = 0; step <= position; step += 1) await box.press('ArrowDown');
    await box.press('ArrowUp');
    expect(await results.getByRole('option').nth(position).getAttribute('aria-selected')).toBe('true');
    await box.press('Enter');
    await panel.getByRole('heading', { name: expected }).waitFor();
    await panel.close();
  });

  it('edits a customer: a bad email is explained and kept, then the fix is saved', async () => {
    await openConversation(agent.browser, agent.mock.url, ['我是王芳，电话139 0000 1111']);
    const panel = await openPanel(agent.browser);
    await panel.getByRole('heading', { name: FIXTURE_CUSTOMERS.wangFang.nick }).waitFor();
    await panel.getByText('Details', { exact: true }).click();
    await panel.getByRole('button', { name: 'Edit' }).click();
    const form = panel.getByRole('form', { name: 'Edit customer' });
    await form.getByLabel('Email').fill('wang.fang@');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Not an email address, e.g. name@example.com.').waitFor();
    expect(await form.getByLabel('Email').inputValue()).toBe('wang.fang@');
    await form.getByLabel('Email').fill('wang.fang@example.com');
    await form.getByLabel('Company').fill('杭州云帆教育');
    await form.getByRole('button', { name: 'Save' }).click();
    const card = panel.getByRole('article');
    // The email is with the rest of the record, under Details (still open from Edit, or opened now).
    const details = panel.locator('details.details');
    if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) await details.locator('summary').click();
    await details.getByText('wang.fang@example.com', { exact: true }).waitFor();
    expect(await card.textContent()).toContain('杭州云帆教育');
  });

  it('assigns a customer to me after asking, and says so', async () => {
    await openConversation(agent.browser, agent.mock.url, ['邮箱 zhao.min@example.org']);
    const panel = await openPanel(agent.browser);
    await panel.getByRole('heading', { name: '赵敏' }).waitFor();
    // Ownership sits with the rest of the record, under Details.
    await panel.getByText('Details', { exact: true }).click();
    await panel.getByRole('button', { name: 'Assign to me' }).click();
    await panel.getByRole('alertdialog').getByText('Assign 赵敏 to 王斌?').waitFor();
    await panel.getByRole('button', { name: 'Confirm' }).click();
    // Shown under the card and announced once, through the panel's live region.
    await panel.getByRole('log').getByText('Assigned to 王斌.').waitFor();
    expect(await panel.getByText('Assigned to 王斌.').count()).toBe(2);
    const stored = (await (await fetch(`${agent.mock.url}/__control/state/customer/${FIXTURE_CUSTOMERS.zhaoMin.id}`)).json()) as Record<string, unknown>;
    expect(JSON.stringify(stored)).toContain('王斌');
  });
});
