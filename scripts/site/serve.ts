// `npm run preview` serves the dist/ already built, through `papers serve` (the server lives in
// scraper/offline/serve.ts). Kept for the scripts and tests that import the server from here.
export {
  DEFAULT_PORT,
  resolveRequest,
  type ServeOptions,
  type StaticServer,
  serveStatic,
} from '../../scraper/offline/serve.ts';
