// What the accessibility stories measure on a page: axe-core's findings (WCAG 2.0–2.2 A/AA and best
// practice), and whether the page reflows at 200 % zoom in a 360 px side panel.
import { writeFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

interface AxeFinding {
  rule: string;
  impact: Impact;
  /** Where, as axe names each element, with the reason for the first few. */
  nodes: string[];
}

export interface AxeAudit {
  findings: AxeFinding[];
  /** Elements failing, per impact (an element failing two rules counts twice). */
  counts: Record<Impact, number>;
}

/** The rules whose outcome depends on colours alone. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** Runs axe-core on the page: the rules of AXE_TAGS, or only `rules` when given. */
export async function auditWithAxe(page: Page, rules?: string[]): Promise<AxeAudit> {
  const builder = new AxeBuilder({ page });
  const results = await (rules ? builder.withRules(rules) : builder.withTags(AXE_TAGS)).analyze();
  const counts: Record<Impact, number> = { minor: 0, moderate: 0, serious: 0, critical: 0 };
  const findings = results.violations.map((violation): AxeFinding => {
    const impact = (violation.impact ?? 'minor') as Impact;
    counts[impact] += violation.nodes.length;
    return {
      rule: violation.id,
      impact,
      nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary?.split('\n').slice(1, 2).join('').trim() ?? ''}`),
    };
  });
  return { findings, counts };
}

/** The findings a serious or critical impact makes blocking. */
export const blocking = (audit: AxeAudit) => audit.findings.filter((finding) => finding.impact === 'serious' || finding.impact === 'critical');

/** The panel's width in CSS pixels when the browser zooms a 360 px side panel to 200 %. */
const ZOOMED_PANEL = { width: 180, height: 1000, deviceScaleFactor: 2 };

/**
 * Lays the page out as Chromium does at 200 % zoom in a 360 px panel (half as many CSS pixels, each
 * twice as large), saves a screenshot when asked, and says by how many CSS pixels the page overflows
 * sideways; the page's own viewport is given back afterwards.
 */
export async function overflowAtDoubleZoom(page: Page, screenshotPath?: string): Promise<number> {
  const viewport = page.viewportSize();
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Emulation.setDeviceMetricsOverride', { ...ZOOMED_PANEL, mobile: false });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (screenshotPath) {
      const { data } = await cdp.send('Page.captureScreenshot', { format: 'png' });
      writeFileSync(screenshotPath, Buffer.from(data, 'base64'));
    }
    return overflow;
  } finally {
    await cdp.send('Emulation.clearDeviceMetricsOverride');
    await cdp.detach();
    if (viewport) await page.setViewportSize(viewport);
  }
}
