// The page scanner: finds contact candidates in what the agent can read (text nodes, form values,
// tel:/mailto: links, open shadow roots) and reports them in batches. Work is proportional to what
// changed: a new chat message costs a walk of that message, never of the page. Content-script only.

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
}

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'svg']);
const CONTEXT_RADIUS = 60;
const MAX_CONTEXT = 240;
const MAX_BATCH = 200;

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

/** The next node after the walker's current one that is not inside it, or null past the walk's root. */
function nextOutsideCurrent(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}

export function createPageScanner(options: PageScannerOptions) {
  const schedule = options.schedule ?? defaultSchedule;
  const pendingRoots = new Set<Node>();
  const observers: MutationObserver[] = [];
  const observedShadowRoots = new WeakSet<ShadowRoot>();
  let flushScheduled = false;
  let batch: ScannedCandidate[] = [];

  function collect(text: string) {
    for (const match of options.find(text)) {
      const raw = text.slice(match.start, match.end);
      batch.push({ kind: match.kind, raw: raw.slice(0, 80), context: contextAround(text, match.start, match.end) });
    }
  }

  function scanLink(link: Element) {
    const href = link.getAttribute('href');
    if (!href || !/^(tel|mailto):/i.test(href)) return;
    const raw = decodedAddress(href.replace(/^(tel|mailto):/i, '').split('?')[0] ?? '').slice(0, 80);
    if (raw) batch.push({ kind: /^tel:/i.test(href) ? 'phone' : 'email', raw, context: (link.textContent || raw).trim().slice(0, MAX_CONTEXT) });
  }

  function scanFormField(field: HTMLInputElement | HTMLTextAreaElement) {
    if (field === focusedElement() || field.type === 'hidden' || field.type === 'password') return;
    if (field.value) collect(field.value);
  }

  /** A readable element's own contributions: its link address and its shadow root (observed once, read every time). */
  function scanElement(element: Element) {
    if (element.tagName === 'A') scanLink(element);
    const shadow = element.shadowRoot;
    if (!shadow) return;
    if (!observedShadowRoots.has(shadow)) {
      observedShadowRoots.add(shadow);
      observe(shadow);
    }
    scanTree(shadow);
  }

  function scanTree(root: Node) {
    if (root.nodeType === Node.TEXT_NODE) {
      if (isReadable(root.parentElement)) collect(root.nodeValue ?? '');
      return;
    }
    if (root instanceof Element) {
      if (isFormField(root)) return scanFormField(root);
      if (!isReadable(root)) return;
      scanElement(root);
    }
    // Ancestors were checked once above; inside, a hidden or skipped element prunes its whole subtree,
    // so no text node needs its own walk up to the root (that made a page scan cost depth × nodes).
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    while (node) {
      if (node.nodeType === Node.TEXT_NODE) {
        const text = node.nodeValue;
        // Nothing shorter than "a@b.co" or "+1234567" can hold a contact.
        if (text && text.length > 5) collect(text);
        node = walker.nextNode();
        continue;
      }
      const element = node as Element;
      if (isFormField(element)) {
        scanFormField(element);
        node = nextOutsideCurrent(walker);
      } else if (hidesItsText(element)) {
        node = nextOutsideCurrent(walker);
      } else {
        scanElement(element);
        node = walker.nextNode();
      }
    }
  }

  function flush() {
    flushScheduled = false;
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
      if (root.isConnected && !insideAnother(root)) scanTree(root);
    }
    while (batch.length > 0) {
      options.report(batch.slice(0, MAX_BATCH));
      batch = batch.slice(MAX_BATCH);
    }
  }

  function enqueue(node: Node) {
    pendingRoots.add(node);
    if (!flushScheduled) {
      flushScheduled = true;
      schedule(flush);
    }
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
      document.removeEventListener('change', onChange, true);
    },
  };
}
