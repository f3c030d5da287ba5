// The page scanner: finds contact candidates in what the agent can read (text nodes, form values,
// tel:/mailto: links, open shadow roots) and reports them in batches. Work is proportional to what
// changed: a new chat message costs a walk of that message, never of the page; a first scan of a huge
// page is cut into slices that each yield to the page. Content-script only.

export interface ScannedCandidate {
  kind: 'phone' | 'email';
  raw: string;
  context: string;
}

export interface PageScannerOptions {
  find: (text: string) => { kind: 'phone' | 'email'; start: number; end: number }[];
  report: (candidates: ScannedCandidate[]) => void;
  /** Runs the batched flush later, off the page's critical path. */
  schedule?: (flush: () => void) => void;
  /** How long one flush may work before leaving the rest to the next (default SLICE_BUDGET_MS). */
  sliceBudgetMs?: number;
}

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'svg']);
const CONTEXT_RADIUS = 60;
const MAX_CONTEXT = 240;
const MAX_BATCH = 200;
/** A flush works at most about this long before yielding, so even a first scan of a huge page is no long task. */
const SLICE_BUDGET_MS = 12;
/** Reading the clock costs too: once per this many nodes. */
const NODES_PER_CLOCK_READ = 64;

const defaultSchedule = (flush: () => void) => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(flush, { timeout: 300 });
  else setTimeout(flush, 50);
};

function contextAround(text: string, start: number, end: number): string {
  const from = Math.max(0, start - CONTEXT_RADIUS);
  return text.slice(from, end + CONTEXT_RADIUS).replace(/\s+/g, ' ').trim().slice(0, MAX_CONTEXT);
}

/** `contenteditable`, `contenteditable=""` and `="plaintext-only"` all make an editor; only "false" does not. */
function isEditor(element: Element): boolean {
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/** Whether the element itself (not its ancestors) hides its subtree from the agent or is being written in. */
function hidesItsText(element: Element): boolean {
  return SKIPPED_TAGS.has(element.tagName) || element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true' || isEditor(element);
}

/** Text the agent reads, not text the agent is writing or the page hides. */
function isReadable(element: Element | null): boolean {
  for (let current = element; current; current = current.parentElement) if (hidesItsText(current)) return false;
  return true;
}

const isFormField = (element: Element): element is HTMLInputElement | HTMLTextAreaElement =>
  element.tagName === 'INPUT' || element.tagName === 'TEXTAREA';

/** The focused element, looking into open shadow roots: `document.activeElement` stops at the host. */
function focusedElement(): Element | null {
  let focused = document.activeElement;
  while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
  return focused;
}

/** A link's address decoded, or as written when it is not valid percent-encoding ("mailto:100%off@…"). */
function decodedAddress(address: string): string {
  try {
    return decodeURIComponent(address);
  } catch {
    return address;
  }
}

/** Nothing shorter than "a@b.co" or "+1234567" can hold a contact. */
const isTextLongEnough = (text: string | null): boolean => text !== null && text.length > 5;

/**
 * One root being read, resumable between flushes: first its elements (one native TreeWalker: form fields,
 * tel:/mailto: links, open shadow roots, and the script/style/textarea whose text nobody reads), then its
 * text nodes (a second TreeWalker, text only: the cheapest way through a big page). Whether a node is
 * hidden is asked only of the few nodes that hold a candidate, and remembered per element.
 */
interface ScanJob {
  root: Node;
  walker: TreeWalker;
  readingTexts: boolean;
  unreadTexts: Set<Node>;
  shadowHosts: Element[];
  readable: Map<Element, boolean>;
}

export function createPageScanner(options: PageScannerOptions) {
  const schedule = options.schedule ?? defaultSchedule;
  const sliceBudgetMs = options.sliceBudgetMs ?? SLICE_BUDGET_MS;
  const pendingRoots = new Set<Node>();
  const jobs: ScanJob[] = [];
  const observers: MutationObserver[] = [];
  const observedShadowRoots = new WeakSet<ShadowRoot>();
  let flushScheduled = false;
  let batch: ScannedCandidate[] = [];

  /**
   * The candidates in `text`, kept only if the agent can see `origin` (the text node or form field it
   * came from): asked after finding, so the thousands of texts without a contact never pay for it.
   */
  function collect(text: string, origin: Node, job: ScanJob | undefined) {
    const matches = options.find(text);
    if (matches.length === 0 || !(job ? readableWithin(origin.parentElement, job) : isReadable(origin.parentElement))) return;
    for (const match of matches) {
      const raw = text.slice(match.start, match.end);
      batch.push({ kind: match.kind, raw: raw.slice(0, 80), context: contextAround(text, match.start, match.end) });
    }
  }

  /** Whether nothing between `element` and the job's root (itself already checked) hides it; memoised per element. */
  function readableWithin(element: Element | null, job: ScanJob): boolean {
    const path: Element[] = [];
    let verdict = true;
    for (let current = element; current && current !== job.root; current = current.parentElement) {
      const known = job.readable.get(current);
      if (known !== undefined) {
        verdict = known;
        break;
      }
      path.push(current);
      if (hidesItsText(current)) {
        verdict = false;
        break;
      }
    }
    for (const visited of path) job.readable.set(visited, verdict);
    return verdict;
  }

  function scanLink(link: Element) {
    const href = link.getAttribute('href');
    if (!href || !/^(tel|mailto):/i.test(href)) return;
    const raw = decodedAddress(href.replace(/^(tel|mailto):/i, '').split('?')[0] ?? '').slice(0, 80);
    if (raw) batch.push({ kind: /^tel:/i.test(href) ? 'phone' : 'email', raw, context: (link.textContent || raw).trim().slice(0, MAX_CONTEXT) });
  }

  function scanFormField(field: HTMLInputElement | HTMLTextAreaElement, job: ScanJob | undefined) {
    if (field === focusedElement() || field.type === 'hidden' || field.type === 'password' || !field.value) return;
    collect(field.value, field, job);
  }

  function startJob(root: Node) {
    if (root.nodeType === Node.TEXT_NODE) {
      const text = root.nodeValue;
      if (isTextLongEnough(text)) collect(text!, root, undefined);
      return;
    }
    if (root instanceof Element) {
      // A field the agent just left (a change event): its own value, whatever its surroundings.
      if (isFormField(root)) return scanFormField(root, undefined);
      if (!isReadable(root)) return;
      if (root.tagName === 'A') scanLink(root);
      if (root.shadowRoot) scanShadowRoot(root.shadowRoot);
    }
    jobs.push({
      root,
      walker: document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT),
      readingTexts: false,
      unreadTexts: new Set(),
      shadowHosts: [],
      readable: new Map(),
    });
  }

  /** Observed once, read each time its host is (a rescan reads shadow content again). */
  function scanShadowRoot(shadow: ShadowRoot) {
    if (!observedShadowRoots.has(shadow)) {
      observedShadowRoots.add(shadow);
      observe(shadow);
    }
    startJob(shadow);
  }

  function visitElement(element: Element, job: ScanJob) {
    const tag = element.tagName;
    if (tag === 'A') {
      if (readableWithin(element, job)) scanLink(element);
    } else if (tag === 'INPUT' || tag === 'TEXTAREA') {
      if (tag === 'TEXTAREA') element.childNodes.forEach((text) => job.unreadTexts.add(text));
      scanFormField(element as HTMLInputElement | HTMLTextAreaElement, job);
    } else if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT') {
      // Code and styles can be megabytes of digits: never worth reading, so not even looked at.
      element.childNodes.forEach((text) => job.unreadTexts.add(text));
    }
    if (element.shadowRoot) job.shadowHosts.push(element);
  }

  /** Advances the job until done (true) or until `deadline` (false). */
  function advance(job: ScanJob, deadline: number): boolean {
    for (let visited = 1; ; visited++) {
      const node = job.walker.nextNode();
      if (!node) {
        if (job.readingTexts) break;
        job.readingTexts = true;
        job.walker = document.createTreeWalker(job.root, NodeFilter.SHOW_TEXT);
        continue;
      }
      if (!job.readingTexts) {
        visitElement(node as Element, job);
      } else {
        const text = node.nodeValue;
        if (isTextLongEnough(text) && !(job.unreadTexts.size > 0 && job.unreadTexts.has(node))) collect(text!, node, job);
      }
      if (visited % NODES_PER_CLOCK_READ === 0 && performance.now() > deadline) return false;
    }
    for (const host of job.shadowHosts) if (readableWithin(host, job)) scanShadowRoot(host.shadowRoot!);
    return true;
  }

  function flush() {
    flushScheduled = false;
    const deadline = performance.now() + sliceBudgetMs;
    const roots = new Set(pendingRoots);
    pendingRoots.clear();
    // Crossing from a shadow root to its host: a host pending with its shadow content reads it once.
    const insideAnother = (node: Node) => {
      for (let parent = node.parentNode; parent; parent = parent instanceof ShadowRoot ? parent.host : parent.parentNode) {
        if (roots.has(parent)) return true;
      }
      return false;
    };
    for (const root of roots) {
      // A root inside another pending root is walked with it, not twice.
      if (root.isConnected && !insideAnother(root)) startJob(root);
    }
    while (jobs.length > 0 && advance(jobs[0]!, deadline)) jobs.shift();
    while (batch.length > 0) {
      options.report(batch.slice(0, MAX_BATCH));
      batch = batch.slice(MAX_BATCH);
    }
    // A big first scan continues in the next slice, leaving the page free to respond in between.
    if (jobs.length > 0) scheduleFlush();
  }

  function scheduleFlush() {
    if (flushScheduled) return;
    flushScheduled = true;
    schedule(flush);
  }

  function enqueue(node: Node) {
    pendingRoots.add(node);
    scheduleFlush();
  }

  function observe(root: Document | ShadowRoot) {
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'characterData') enqueue(record.target);
        else record.addedNodes.forEach(enqueue);
      }
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    observers.push(observer);
  }

  const onChange = (event: Event) => {
    if (event.target instanceof Element && isFormField(event.target)) enqueue(event.target);
  };

  return {
    start() {
      observe(document);
      document.addEventListener('change', onChange, true);
      enqueue(document.body ?? document.documentElement);
    },
    /** Scans the whole page again now, e.g. when the agent asks for it. */
    rescan() {
      enqueue(document.body ?? document.documentElement);
    },
    stop() {
      observers.forEach((observer) => observer.disconnect());
      pendingRoots.clear();
      jobs.length = 0;
      document.removeEventListener('change', onChange, true);
    },
  };
}
