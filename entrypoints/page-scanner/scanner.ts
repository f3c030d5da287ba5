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

/** Text the agent reads, not text the agent is writing or the page hides. */
function isReadable(element: Element | null): boolean {
  for (let current = element; current; current = current.parentElement) {
    if (SKIPPED_TAGS.has(current.tagName) || current.hasAttribute('hidden')) return false;
    if (current.getAttribute('aria-hidden') === 'true' || current.getAttribute('contenteditable') === 'true') return false;
  }
  return true;
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

  function scanElement(element: Element) {
    if (element instanceof HTMLAnchorElement && /^(tel|mailto):/i.test(element.getAttribute('href') ?? '')) {
      const href = element.getAttribute('href')!;
      const raw = decodeURIComponent(href.replace(/^(tel|mailto):/i, '').split('?')[0] ?? '').slice(0, 80);
      if (raw) batch.push({ kind: /^tel:/i.test(href) ? 'phone' : 'email', raw, context: (element.textContent || raw).trim().slice(0, MAX_CONTEXT) });
    }
    if ((element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) && element !== document.activeElement) {
      if (element.type !== 'hidden' && element.type !== 'password' && element.value) collect(element.value);
    }
    if (element.shadowRoot && !observedShadowRoots.has(element.shadowRoot)) {
      observedShadowRoots.add(element.shadowRoot);
      observe(element.shadowRoot);
      scanTree(element.shadowRoot);
    }
  }

  function scanTree(root: Node) {
    if (root.nodeType === Node.TEXT_NODE) {
      if (isReadable(root.parentElement)) collect(root.nodeValue ?? '');
      return;
    }
    if (root instanceof Element) {
      if (!isReadable(root)) {
        if (root instanceof HTMLInputElement || root instanceof HTMLTextAreaElement) scanElement(root);
        return;
      }
      scanElement(root);
    }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node instanceof Element && SKIPPED_TAGS.has(node.tagName) && !(node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement)
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT,
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        if (node.nodeValue && node.nodeValue.length > 5 && isReadable(node.parentElement)) collect(node.nodeValue);
      } else {
        scanElement(node as Element);
      }
    }
  }

  function flush() {
    flushScheduled = false;
    const roots = new Set(pendingRoots);
    pendingRoots.clear();
    const insideAnother = (node: Node) => {
      for (let parent = node.parentNode; parent; parent = parent.parentNode) if (roots.has(parent)) return true;
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
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) enqueue(event.target);
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
