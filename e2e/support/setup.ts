// Where most stories start: a Sobot mock, and Chromium with the extension (in English unless asked) connected to it
// through the options page as an admin would; optionally with "me" chosen and scanning enabled on the
// mock's origin, where the specs' conversations are served.
import { afterAll, beforeAll } from 'vitest';
import { startSobotMock, type SobotMock } from '../../dev/mock-crm/sobot/server';
import { CHINESE, connectCrm, enableScanningOn, ENGLISH, openPanel } from './agent';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { openConversation } from './conversation';

export interface AgentWithSobot {
  mock: SobotMock;
  browser: ExtensionBrowser;
}

export interface AgentSetup {
  /** The agent's own name among the CRM's agents, chosen on the options page. */
  me?: string;
  /** Turn scanning on for the mock's origin from the panel, as an agent does once. */
  scanningEnabled?: boolean;
  /** The browser's (and so the extension's) language; English by default. */
  lang?: 'en' | 'zh-CN';
}

async function startAgentWithSobot(setup: AgentSetup = {}): Promise<AgentWithSobot> {
  const mock = await startSobotMock({ port: 0 });
  const lang = setup.lang ?? 'en';
  const texts = lang === 'en' ? ENGLISH : CHINESE;
  const browser = await launchWithExtension({ lang });
  const options = await connectCrm(browser, { baseUrl: mock.url, appid: mock.appid, appKey: mock.appKey }, texts);
  if (setup.me) {
    await options.getByLabel('Me in the CRM').selectOption({ label: setup.me });
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await options.getByText('Settings saved.').waitFor();
  }
  await options.close();
  if (setup.scanningEnabled) {
    const first = await openConversation(browser, mock.url, ['您好']);
    const panel = await openPanel(browser);
    await enableScanningOn(panel, texts);
    await panel.close();
    await first.close();
  }
  return { mock, browser };
}

/** Closes what startAgentWithSobot started, whatever of it did start. */
async function stopAgent(agent: Partial<AgentWithSobot>): Promise<void> {
  await agent.browser?.close();
  await agent.mock?.close();
}

/**
 * startAgentWithSobot before all of a describe block's tests and stopAgent after them; the answer is
 * filled in once the block starts.
 */
export function agentWithSobot(setup: AgentSetup = {}): AgentWithSobot {
  const agent = {} as AgentWithSobot;
  beforeAll(async () => {
    Object.assign(agent, await startAgentWithSobot(setup));
  });
  afterAll(async () => {
    await stopAgent(agent);
  });
  return agent;
}
