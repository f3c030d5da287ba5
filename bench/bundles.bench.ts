// What each context loads from the production build (.output/chrome-mv3), raw and gzip (level 9, per
// file), against the budgets: content script ≤ 15 kB gzip, side panel ≤ 60 kB gzip. The side panel is
// sidepanel.html's own script plus every chunk and stylesheet it loads, following static imports.
import { existsSync, readFileSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const PRODUCTION_DIR = resolve('.output/chrome-mv3');
export const CONTENT_SCRIPT_BUDGET_GZIP = 15_000;
export const SIDE_PANEL_BUDGET_GZIP = 60_000;

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

export interface BundleFigures {
  contentScriptRawBytes: number;
  contentScriptGzipBytes: number;
  backgroundRawBytes: number;
  backgroundGzipBytes: number;
  sidePanelRawBytes: number;
  sidePanelGzipBytes: number;
  sidePanelFiles: FileSize[];
}

function sizeOf(dir: string, file: string): FileSize {
  const content = readFileSync(join(dir, file));
  return { file, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
}

/** Build-relative paths of the static imports (`import … from "x"`, `import "x"`, `export … from "x"`) of a JS chunk. */
function staticImportsOf(dir: string, file: string): string[] {
  const source = readFileSync(join(dir, file), 'utf8');
  const specifiers = [...source.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g)].map((match) => match[1]!);
  return specifiers.filter((specifier) => specifier.startsWith('.') || specifier.startsWith('/')).map((specifier) => toBuildPath(file, specifier));
}

function toBuildPath(from: string, reference: string): string {
  return reference.startsWith('/') ? reference.slice(1) : posix.normalize(posix.join(posix.dirname(from), reference));
}

/** Every file an HTML page of the build loads: its scripts, preloads and stylesheets, and what those scripts import. */
export function filesLoadedBy(dir: string, html: string): string[] {
  const page = readFileSync(join(dir, html), 'utf8');
  const references = [
    ...[...page.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]!),
    ...[...page.matchAll(/<link\b[^>]*\brel="(?:stylesheet|modulepreload)"[^>]*\bhref="([^"]+)"/g)].map((match) => match[1]!),
    ...[...page.matchAll(/<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="(?:stylesheet|modulepreload)"/g)].map((match) => match[1]!),
  ];
  const seen = new Set<string>();
  const queue = references.map((reference) => toBuildPath(html, reference));
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    if (!existsSync(join(dir, file))) throw new Error(`${html} loads ${file}, which the build does not have`);
    seen.add(file);
    if (file.endsWith('.js')) queue.push(...staticImportsOf(dir, file));
  }
  return [...seen];
}

export async function benchBundles(dir = PRODUCTION_DIR): Promise<BundleFigures> {
  const content = sizeOf(dir, 'page-scanner.js');
  const background = sizeOf(dir, 'background.js');
  const panelFiles = filesLoadedBy(dir, 'sidepanel.html').map((file) => sizeOf(dir, file));
  if (!panelFiles.some((file) => file.file.endsWith('.js'))) throw new Error(`sidepanel.html in ${dir} loads no script`);
  return {
    contentScriptRawBytes: content.raw,
    contentScriptGzipBytes: content.gzip,
    backgroundRawBytes: background.raw,
    backgroundGzipBytes: background.gzip,
    sidePanelRawBytes: panelFiles.reduce((sum, file) => sum + file.raw, 0),
    sidePanelGzipBytes: panelFiles.reduce((sum, file) => sum + file.gzip, 0),
    sidePanelFiles: panelFiles.sort((a, b) => b.gzip - a.gzip),
  };
}

// Run alone (npx tsx bench/bundles.bench.ts); it needs no browser, so it does not load the harness.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const figures = await benchBundles();
  console.log(`content script: ${figures.contentScriptRawBytes} B raw, ${figures.contentScriptGzipBytes} B gzip (budget ${CONTENT_SCRIPT_BUDGET_GZIP})`);
  console.log(`background:     ${figures.backgroundRawBytes} B raw, ${figures.backgroundGzipBytes} B gzip`);
  console.log(`side panel:     ${figures.sidePanelRawBytes} B raw, ${figures.sidePanelGzipBytes} B gzip (budget ${SIDE_PANEL_BUDGET_GZIP})`);
  console.table(figures.sidePanelFiles);
}
