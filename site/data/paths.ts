// The site's URLs under the base path Astro was configured with. The base comes from Astro's
// config module, not from `import.meta.env.BASE_URL`, which an environment variable named
// BASE_URL replaces at build time (Vite loads every environment variable into import.meta.env).
import { base } from 'astro:config/client';
import { sitePaths } from '../lib/paths.ts';

export const paths = sitePaths(base);
