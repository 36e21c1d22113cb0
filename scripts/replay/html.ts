// HTML building blocks shared by every page: escaping, hydration islands, and the document shell
// (head, header, footer) with the noise a scraper has to look past on the real site.

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTR_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': '&quot;', "'": '&#39;' };

export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => TEXT_ESCAPES[c]!);
}

export function escapeAttr(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ATTR_ESCAPES[c]!);
}

/** JSON safe inside <script>: no "</script>" or "<!--" can appear in it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * A Svelte hydration island as the site server-renders it: the component's props as JSON in a
 * double-quoted attribute. `props` undefined leaves the attribute out (a layout fault).
 */
export function island(target: string, props: unknown, inner = ''): string {
  const attr = props === undefined ? '' : ` data-props="${escapeAttr(JSON.stringify(props))}"`;
  return `<div class="SVELTE_HYDRATER contents" data-target="${escapeAttr(target)}"${attr}>${inner}</div>`;
}

/** Build hash of the fake front end; the real one changes with every deploy. */
export const FRONT_BUILD = 'kube-5e2f1c4';

/** Images the real site serves from CDNs are served by the replay server so nothing leaves the machine. */
export function localImage(src: string | undefined, fallback: string): string {
  if (!src) return fallback;
  if (src.startsWith('/')) return src;
  try {
    const u = new URL(src);
    return `/avatars/ext/${u.hostname}${u.pathname}`;
  } catch {
    return fallback;
  }
}

const HUB_CONFIG = {
  features: { signupDisabled: false },
  sshGitUrl: 'git@hf.co',
  moonHttpUrl: 'https://huggingface.co',
  captchaApiKey: 'bd5f2066-93dc-4bdd-a64b-a24646ca3859',
  captchaDisabledOnSignup: true,
  datasetViewerPublicUrl: 'https://datasets-server.huggingface.co',
  stripePublicKey: 'pk_live_x2tdjFXBCvXo2FFmMybezpeM00J6gPCAAc',
  environment: 'production',
  userAgent: 'HuggingFace (production)',
  spacesIframeDomain: 'hf.space',
  spacesApiUrl: 'https://api.hf.space',
  docSearchKey: 'ece5e02e57300e17d152c08056145326e90c4bff3dd07d7d1ae40cf1c8d39cb6',
  logoDev: { apiUrl: 'https://img.logo.dev/', apiKey: 'pk_UHS2HZOeRnaSOdDp7jbd5w' },
};

const NAV = [
  ['Models', '/models'],
  ['Datasets', '/datasets'],
  ['Spaces', '/spaces'],
  ['Community', '/posts'],
  ['Docs', '/docs'],
  ['Enterprise', '/enterprise'],
  ['Pricing', '/pricing'],
] as const;

function mainHeader(): string {
  const links = NAV.map(
    ([label, href]) =>
      `<li><a class="group flex items-center px-2 py-0.5 hover:text-indigo-700 dark:hover:text-gray-400" href="${href}">${label}</a></li>`,
  ).join('');
  const inner =
    `<header class="border-b border-gray-100 bg-linear-to-t from-purple-500/8 dark:from-purple-500/20 to-white to-70% dark:to-gray-950">` +
    `<div class="w-full px-4 container flex h-16 items-center dark:text-gray-300">` +
    `<div class="flex flex-1 items-center"><a class="mr-5 flex flex-none items-center lg:mr-6" href="/">` +
    `<img alt="Hugging Face&#39;s logo" class="w-7 md:mr-2" src="/front/assets/huggingface_logo-noborder.svg">` +
    `<span class="hidden text-lg font-bold whitespace-nowrap md:block">Hugging Face</span></a>` +
    `<div class="relative flex-1 lg:max-w-sm mr-2 sm:mr-4 md:mr-3 xl:mr-6"><input autocomplete="off" class="w-full dark:bg-gray-950 pl-8 form-input-alt h-9 pr-3 focus:shadow-xl" name="" placeholder="Search models, datasets, users..." spellcheck="false" type="text" value=""></div></div>` +
    `<nav aria-label="Main" class="ml-auto hidden lg:block"><ul class="flex items-center gap-x-2 2xl:gap-x-3">${links}` +
    `<li><hr class="h-5 w-0.5 border-none bg-gray-100 dark:bg-gray-800"></li>` +
    `<li><a class="block cursor-pointer whitespace-nowrap px-2 py-0.5 hover:text-gray-500 dark:text-gray-300 dark:hover:text-gray-100" href="/login">Log In</a></li>` +
    `<li><a class="whitespace-nowrap rounded-full border border-transparent bg-gray-900 px-3 py-1 leading-none text-white hover:border-black hover:bg-white hover:text-black" href="/join">Sign Up</a></li>` +
    `</ul></nav></div></header>`;
  return island(
    'MainHeader',
    {
      classNames: '',
      isWide: false,
      isZh: false,
      isPro: false,
      user: null,
      authLight: null,
      announcement: { text: "What's new: Hugging Face's papers pages <beta> & more", href: '/blog' },
    },
    inner,
  );
}

function footer(): string {
  const col = (title: string, items: [string, string][]) =>
    `<div><div class="mb-3 font-semibold text-gray-900 dark:text-gray-200">${title}</div><ul class="space-y-2 text-gray-500">` +
    items.map(([label, href]) => `<li><a class="hover:underline" href="${href}">${label}</a></li>`).join('') +
    `</ul></div>`;
  return (
    `<footer class="b-12 mb-2 flex border-t border-gray-100 md:h-14"><nav class="container relative flex flex-col justify-between space-y-2 py-6 text-gray-500 *:underline md:flex-row md:items-center md:space-y-0 md:py-0 md:text-sm">` +
    `<div class="SVELTE_HYDRATER contents" data-target="ThemeSwitcher" data-props="{&quot;theme&quot;:&quot;system&quot;,&quot;isLoggedIn&quot;:false,&quot;menuClassNames&quot;:&quot;md:-top-24&quot;,&quot;classNames&quot;:&quot;max-md:mb-5 max-md:*:underline&quot;}">` +
    `<div class="relative inline-block"><button class="rounded-full border border-gray-100 pl-2 py-1 pr-2.5 flex items-center text-sm text-gray-500 bg-white hover:bg-purple-50 hover:border-purple-200 dark:hover:bg-gray-800 dark:hover:border-gray-950 dark:border-gray-800 " type="button">System theme</button></div></div>` +
    `<div class="grid grid-cols-2 gap-8 py-6 md:grid-cols-4">` +
    col('Website', [
      ['Models', '/models'],
      ['Datasets', '/datasets'],
      ['Spaces', '/spaces'],
      ['Changelog', '/changelog'],
    ]) +
    col('Company', [
      ['About', '/huggingface'],
      ['Brand assets', '/brand'],
      ['Terms of service', '/terms-of-service'],
      ['Privacy', '/privacy'],
    ]) +
    col('Resources', [
      ['Learn', '/learn'],
      ['Documentation', '/docs'],
      ['Blog', '/blog'],
      ['Forum', 'https://discuss.huggingface.co'],
    ]) +
    col('Social', [
      ['GitHub', 'https://github.com/huggingface'],
      ['Twitter', 'https://twitter.com/huggingface'],
      ['LinkedIn', 'https://www.linkedin.com/company/huggingface/'],
      ['Discord', '/join/discord'],
    ]) +
    `</div></nav></footer>`
  );
}

export type Shell = {
  title: string;
  description: string;
  /** Path of the page on huggingface.co, for canonical and og:url. */
  path: string;
  bodyClass: string;
  /** Inside <main>. */
  main: string;
  /** Extra tags at the end of <head> (JSON-LD). */
  head?: string;
};

/** A full page as the site sends it, around `main`. */
export function page(shell: Shell): string {
  const url = `https://huggingface.co${shell.path}`;
  return (
    `<!doctype html>\n<html class="">\n<head>\n` +
    `<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1.0, user-scalable=no">\n` +
    `<meta name="description" content="${escapeAttr(shell.description)}">\n` +
    `<meta property="fb:app_id" content="1321688464574422">\n` +
    `<meta name="twitter:card" content="summary_large_image">\n` +
    `<meta name="twitter:site" content="@huggingface">\n` +
    `<meta property="og:title" content="${escapeAttr(shell.title)}">\n` +
    `<meta property="og:type" content="website">\n` +
    `<meta property="og:url" content="${escapeAttr(url)}">\n` +
    `<meta property="og:image" content="/front/thumbnails/papers.png">\n` +
    `<link rel="stylesheet" href="/front/build/${FRONT_BUILD}/style.css">\n` +
    `<link rel="canonical" href="${escapeAttr(url)}">\n` +
    `<script type="text/javascript" src="/challenge.js" defer></script>\n` +
    `<title>${escapeText(shell.title)}</title>\n` +
    `<script type="module" src="/front/build/${FRONT_BUILD}/index.js"></script>\n` +
    `<script>window.hubConfig = JSON.parse(${JSON.stringify(scriptJson(HUB_CONFIG))});</script>\n` +
    `<script type="text/javascript">(function () { var t = localStorage.getItem("theme"); ` +
    `if (t === "dark" || (!t && window.matchMedia("(prefers-color-scheme: dark)").matches)) document.documentElement.classList.add("dark"); })();</script>\n` +
    (shell.head ?? '') +
    `</head>\n` +
    `<body class="flex flex-col min-h-dvh bg-white dark:bg-gray-950 text-black ${escapeAttr(shell.bodyClass)}">\n` +
    `<div class="flex min-h-dvh flex-col">` +
    island('SystemThemeMonitor', { isLoggedIn: false }) +
    mainHeader() +
    `\n<main class="flex flex-1 flex-col">\n${shell.main}\n</main>\n` +
    footer() +
    `</div>\n` +
    `<script>\n\timport("/front/build/${FRONT_BUILD}/index.js");\n\twindow.moonSha = "${FRONT_BUILD}/";\n\twindow.__hf_deferred = {};\n</script>\n` +
    `<script type="application/json" id="hf-analytics-config">${scriptJson({ plausible: { domain: 'huggingface.co', apiHost: '/api/event' }, sampleRate: 0.1 })}</script>\n` +
    `</body>\n</html>\n`
  );
}
