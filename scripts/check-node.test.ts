import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeSupport, SUPPORTED_NODE } from './check-node.mjs';

describe('the Node version check run on install', () => {
  it('declares in package.json the versions it accepts', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe(SUPPORTED_NODE);
  });

  it('stops on a Node the build tools cannot run on, naming the versions that work', () => {
    for (const version of ['18.20.4', '20.18.3', 'v21.7.3', '22.11.0']) {
      const verdict = nodeSupport(version);
      expect(verdict.supported, version).toBe(false);
      expect(verdict.message).toContain(SUPPORTED_NODE);
    }
  });

  it('explains npm’s EBADENGINE warning on Node 20, and says nothing on 22 and later', () => {
    expect(nodeSupport('20.19.0')).toMatchObject({ supported: true, message: expect.stringContaining('EBADENGINE') });
    expect(nodeSupport('v20.20.2').supported).toBe(true);
    for (const version of ['22.12.0', '22.23.5', '24.22.3', '26.1.0']) expect(nodeSupport(version)).toEqual({ supported: true });
  });
});
