// A stand-in for the AWS WAF in front of the site's pages. A page request without a valid
// `aws-waf-token` cookie gets a 202 challenge page; its script derives the token from a per-server
// key that exists only inside /challenge.js (scrambled) and a nonce in the page, sets the cookie
// and reloads. A browser passes without noticing; a plain HTTP client stays on the challenge
// unless it carries cookies from a browser that passed. The digest is SHA-256, so the server
// checks it with node:crypto while the script carries its own small implementation.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { escapeAttr, scriptJson } from './html.ts';

export const WAF_COOKIE = 'aws-waf-token';

const TOKEN = /^([0-9a-f]{32})\.([0-9a-f]{48})$/;

export type Waf = { key: string };

export function createWaf(): Waf {
  return { key: randomBytes(24).toString('hex') };
}

function digest(key: string, nonce: string): string {
  return createHash('sha256').update(`${key}:${nonce}`).digest('hex').slice(0, 48);
}

/** The token the challenge script computes for `nonce` (tests use it to check the script). */
export function tokenFor(waf: Waf, nonce: string): string {
  return `${nonce}.${digest(waf.key, nonce)}`;
}

export function isValidToken(waf: Waf, token: string | undefined): boolean {
  const m = token ? TOKEN.exec(token) : null;
  if (!m) return false;
  return timingSafeEqual(Buffer.from(m[2]!), Buffer.from(digest(waf.key, m[1]!)));
}

/** The value of cookie `name` in a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function newNonce(): string {
  return randomBytes(16).toString('hex');
}

/** The interstitial AWS WAF serves with 202. */
/**
 * The check's page when it will not let anyone through (the blockPages fault): a puzzle for a
 * person, no script, so a browser stays on it, as on a CAPTCHA, until it gives up.
 */
export function puzzlePage(): string {
  return (
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Human Verification</title>\n</head>\n` +
    `<body>\n<h1>Let's confirm you are human</h1>\n<p>Solve the puzzle to continue.</p>\n</body>\n</html>\n`
  );
}

export function challengePage(nonce: string): string {
  const goku = { key: nonce, iv: randomBytes(12).toString('base64'), context: randomBytes(24).toString('base64') };
  return (
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>Human Verification</title>\n` +
    `<style>body{font-family:Arial,Helvetica,sans-serif;margin:0}#challenge-container{margin:4em auto;max-width:30em;text-align:center}</style>\n` +
    `<script>window.awsWafCookieDomainList = [];\nwindow.gokuProps = ${scriptJson(goku)};</script>\n` +
    `<script src="/challenge.js"></script>\n</head>\n<body>\n` +
    `<div id="challenge-container" data-nonce="${escapeAttr(nonce.slice(0, 4))}…"><h1>Verifying your connection</h1>` +
    `<p>Please wait while we verify your browser.</p></div>\n` +
    `<noscript><h1>JavaScript is disabled</h1>In order to continue, you need to verify that you&#39;re not a robot by solving a CAPTCHA puzzle. The CAPTCHA puzzle requires JavaScript. Enable JavaScript and then reload the page.</noscript>\n` +
    `</body>\n</html>\n`
  );
}

const SHA256_K =
  '0x428a2f98,0x71374491,0xb5c0fbcf,0xe9b5dba5,0x3956c25b,0x59f111f1,0x923f82a4,0xab1c5ed5,0xd807aa98,0x12835b01,0x243185be,0x550c7dc3,0x72be5d74,0x80deb1fe,0x9bdc06a7,0xc19bf174,0xe49b69c1,0xefbe4786,0x0fc19dc6,0x240ca1cc,0x2de92c6f,0x4a7484aa,0x5cb0a9dc,0x76f988da,0x983e5152,0xa831c66d,0xb00327c8,0xbf597fc7,0xc6e00bf3,0xd5a79147,0x06ca6351,0x14292967,0x27b70a85,0x2e1b2138,0x4d2c6dfc,0x53380d13,0x650a7354,0x766a0abb,0x81c2c92e,0x92722c85,0xa2bfe8a1,0xa81a664b,0xc24b8b70,0xc76c51a3,0xd192e819,0xd6990624,0xf40e3585,0x106aa070,0x19a4c116,0x1e376c08,0x2748774c,0x34b0bcb5,0x391c0cb3,0x4ed8aa4a,0x5b9cca4f,0x682e6ff3,0x748f82ee,0x78a5636f,0x84c87814,0x8cc70208,0x90befffa,0xa4506ceb,0xbef9a3f7,0xc67178f2';

/**
 * /challenge.js. Loaded (deferred) by every real page too, where there is no `gokuProps` and it
 * only defines `AwsWafIntegration`. Plain ES5 so that any browser runs it.
 */
export function challengeScript(waf: Waf): string {
  // Scrambled so the key is not a string a client can lift from the file without running it.
  const scrambled = [...waf.key].map((c, i) => c.charCodeAt(0) ^ ((i * 7 + 13) & 255)).reverse();
  return `/* AWS WAF integration (replay) */
(function () {
  "use strict";
  var K = [${SHA256_K}];
  function rotr(x, n) { return (x >>> n) | (x << (32 - n)); }
  function sha256(msg) {
    var H = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    var bytes = [], i, t;
    for (i = 0; i < msg.length; i++) bytes.push(msg.charCodeAt(i) & 255);
    var bitLen = bytes.length * 8;
    bytes.push(0x80);
    while (bytes.length % 64 !== 56) bytes.push(0);
    for (i = 7; i >= 0; i--) bytes.push(i >= 4 ? 0 : (bitLen >>> (i * 8)) & 255);
    var W = new Array(64);
    for (var off = 0; off < bytes.length; off += 64) {
      for (t = 0; t < 16; t++) {
        W[t] = (bytes[off + 4 * t] << 24) | (bytes[off + 4 * t + 1] << 16) | (bytes[off + 4 * t + 2] << 8) | bytes[off + 4 * t + 3];
      }
      for (t = 16; t < 64; t++) {
        var x = W[t - 15], y = W[t - 2];
        W[t] = (W[t - 16] + (rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3)) + W[t - 7] + (rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10))) | 0;
      }
      var a = H[0], b = H[1], c = H[2], d = H[3], e = H[4], f = H[5], g = H[6], h = H[7];
      for (t = 0; t < 64; t++) {
        var t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + W[t]) | 0;
        var t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      H[0] = (H[0] + a) | 0; H[1] = (H[1] + b) | 0; H[2] = (H[2] + c) | 0; H[3] = (H[3] + d) | 0;
      H[4] = (H[4] + e) | 0; H[5] = (H[5] + f) | 0; H[6] = (H[6] + g) | 0; H[7] = (H[7] + h) | 0;
    }
    var out = "";
    for (i = 0; i < 8; i++) out += ("00000000" + (H[i] >>> 0).toString(16)).slice(-8);
    return out;
  }
  var s = [${scrambled.join(',')}].reverse(), key = "";
  for (var i = 0; i < s.length; i++) key += String.fromCharCode(s[i] ^ ((i * 7 + 13) & 255));
  function tokenFor(nonce) { return nonce + "." + sha256(key + ":" + nonce).slice(0, 48); }
  function readToken() {
    var m = /(?:^|;\\s*)${WAF_COOKIE}=([^;]*)/.exec(document.cookie);
    return m ? m[1] : null;
  }
  window.AwsWafIntegration = {
    hasToken: function () { return readToken() !== null; },
    getToken: function () { return Promise.resolve(readToken()); }
  };
  var props = window.gokuProps;
  if (props && typeof props.key === "string") {
    document.cookie = "${WAF_COOKIE}=" + tokenFor(props.key) + "; path=/; max-age=345600; SameSite=Lax";
    var reload = function () { setTimeout(function () { window.location.reload(); }, 0); };
    if (document.readyState === "complete") reload(); else window.addEventListener("load", reload);
  }
})();
`;
}
