// A paper's thumbnail, when the card may show it. The URL is scraped data, so the page asks for
// an image only from Hugging Face's own image hosts, over https, with no user name, password or
// port in it, and for a file named as an image (before June 2024 the field could hold a video).
// Anything else shows the card's placeholder, as a thumbnail that fails to load does. Pure.

/** The hosts Hugging Face serves paper thumbnails and uploaded media from. */
export const THUMBNAIL_HOSTS: ReadonlySet<string> = new Set([
  'cdn-thumbnails.huggingface.co',
  'cdn-uploads.huggingface.co',
]);

const IMAGE_PATH = /\.(?:png|jpe?g|webp|gif|avif)$/i;

/** The URL to load, normalized by the URL parser, or null when the card shows the placeholder. */
export function thumbnailSrc(value: string | null | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return null;
  if (!THUMBNAIL_HOSTS.has(url.hostname) || !IMAGE_PATH.test(url.pathname)) return null;
  return url.href;
}
