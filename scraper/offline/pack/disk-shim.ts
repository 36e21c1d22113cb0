// The disk copy's shim: the first script of every page of a packed archive (disk-links.ts puts
// it there), compiled into the pack as _disk/disk.js. A page opened from disk (file://) may run
// classic scripts and nothing else: no module script, no `fetch` of a file beside it (Chromium
// treats each file as its own origin, as Pagefind's issue #241 found). So the search index's
// files are in the pack as classic scripts (_disk/data/<path>.js, each handing its bytes to
// `papersDiskPut`), and this shim answers the search's `fetch` of those paths from them, and
// points links to folders at their index.html, for links the search adds too.
// It does the same over http (the pack's serve.mjs), where it is merely not needed.

declare const DATA_PREFIXES: string[];
declare const DISK_DIR: string;
/** Extension (".json") → media type: scraper/offline/media-types.ts, given by the pack. */
declare const MEDIA_TYPES: Record<string, string>;

type DiskWindow = Window & {
  papersDiskPut?: (path: string, base64: string) => void;
};

(() => {
  const w = window as DiskWindow;
  const script = document.currentScript as HTMLScriptElement | null;
  const root = new URL(script?.dataset['root'] ?? '', location.href);
  const data = new Map<string, Uint8Array<ArrayBuffer>>();
  const loading = new Map<string, Promise<void>>();

  w.papersDiskPut = (path, base64) => {
    const text = atob(base64);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    data.set(path, bytes);
  };

  function loadScript(src: string): Promise<void> {
    let pending = loading.get(src);
    if (!pending) {
      pending = new Promise((resolve, reject) => {
        const element = document.createElement('script');
        element.src = src;
        element.onload = () => resolve();
        element.onerror = () => reject(new Error(`could not load ${src}`));
        document.head.append(element);
      });
      loading.set(src, pending);
    }
    return pending;
  }

  /** The site-root path a URL names when it is one of the pack's data files; else null. */
  function dataPath(url: URL): string | null {
    if (url.origin !== root.origin || !url.pathname.startsWith(root.pathname)) return null;
    const path = decodeURIComponent(url.pathname.slice(root.pathname.length));
    return DATA_PREFIXES.some((prefix) => path.startsWith(prefix)) ? path : null;
  }

  const realFetch = w.fetch.bind(w);
  w.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    const path = dataPath(url);
    if (path === null) return realFetch(input, init);
    if (!data.has(path)) await loadScript(new URL(`${DISK_DIR}/data/${path}.js`, root).href).catch(() => {});
    const bytes = data.get(path);
    if (!bytes) return new Response(null, { status: 404, statusText: 'Not in this copy' });
    const type = MEDIA_TYPES[`.${path.split('.').pop()}`] ?? 'application/octet-stream';
    return new Response(bytes, { status: 200, headers: { 'content-type': type } });
  };

  /** A link to a folder of this copy, pointed at the folder's index.html. */
  function fixLink(a: HTMLAnchorElement): void {
    const raw = a.getAttribute('href');
    if (raw === null || /^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('#')) return;
    const url = new URL(raw, location.href);
    if (url.origin !== root.origin || !url.pathname.startsWith(root.pathname) || !url.pathname.endsWith('/')) return;
    const cut = raw.search(/[?#]/);
    a.setAttribute('href', cut === -1 ? `${raw}index.html` : `${raw.slice(0, cut)}index.html${raw.slice(cut)}`);
  }

  function fixWithin(node: Node): void {
    if (!(node instanceof Element)) return;
    if (node instanceof HTMLAnchorElement) fixLink(node);
    for (const a of node.querySelectorAll('a[href]')) fixLink(a as HTMLAnchorElement);
  }

  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') fixWithin(record.target);
      else for (const node of record.addedNodes) fixWithin(node);
    }
  }).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['href'] });
})();
