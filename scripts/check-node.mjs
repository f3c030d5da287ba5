#!/usr/bin/env node
// Runs first on install: stops with a clear message on a Node the toolchain cannot run on, and on Node 20
// says why npm just warned EBADENGINE about wxt, so a newcomer knows the warning is expected.
// Plain JavaScript, so it runs on any Node, however old.
import { pathToFileURL } from 'node:url';

/** The Node versions the project supports: package.json `engines` says the same (a test checks). */
export const SUPPORTED_NODE = '^20.19.0 || >=22.12.0';

/**
 * What the project makes of a Node version. Vite 8 and its bundler need 20.19 or 22.12 (both load ES
 * modules with `require`); WXT declares Node 22, but only its `wxt init` prompts use Node 22 APIs, and
 * this project never runs them: building, testing and zipping are tested on Node 20.
 * @param {string} version e.g. "20.20.2" or "v22.12.0"
 * @returns {{ supported: boolean, message?: string }}
 */
export function nodeSupport(version) {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  const supported = (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major > 22;
  if (!supported) {
    return {
      supported: false,
      message: `CRM Sidebar needs Node ${SUPPORTED_NODE}; this is Node ${version}. Install Node 22 or 24 (LTS) and run npm install again.`,
    };
  }
  if (major === 20) {
    return {
      supported: true,
      message:
        `Node ${version} is supported. The EBADENGINE warnings above are expected: wxt and @topcli/prompts ` +
        'declare Node 22 for the `wxt init` prompts, which this project does not use. Node 22 or 24 prints none.',
    };
  }
  return { supported: true };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { supported, message } = nodeSupport(process.versions.node);
  if (message) (supported ? console.log : console.error)(message);
  if (!supported) process.exit(1);
}
