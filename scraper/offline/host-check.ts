// Which Host headers the servers of a built site (serve.ts) answer. A page on any web site can
// make a browser ask this server for its files once the page's own name resolves to this
// machine (DNS rebinding: the attacker's DNS answers with 127.0.0.1 or a LAN address), and the
// page may then read the answers, for its origin is its own name. What tells such a request from
// a reader's is its Host header, which carries that name. So a server answers only when Host is:
//   - localhost or a name under .localhost: browsers resolve these to this machine themselves,
//     and no public DNS holds them (RFC 6761);
//   - an IP address: a page can have an address as its origin only if it was served from that
//     address, so there is no name to rebind. This keeps a server on every network (--host
//     0.0.0.0) open to a reader on the LAN at http://192.168.1.20:4321/, and one behind a
//     forwarded port (a container's, a VM's, an SSH tunnel's) at the address the reader used;
//   - the name the server was told to listen on (--host mybox.lan).
// The port is not checked: a forwarded port arrives with another one, and a rebinding page
// changes the name, not the port. A request with no Host at all (HTTP/1.0) does not come from a
// browser; whatever sent it could have sent any Host, so it is answered. Any other is answered
// 421 Misdirected Request (RFC 9110, 15.5.20: this server does not serve that host), not 403,
// which would say that the file is there and forbidden.
import net from 'node:net';

/** The host of a Host header: lowercased, without its port, brackets or final dot; null when malformed. */
export function hostOfHeader(header: string): string | null {
  const value = header.trim().toLowerCase();
  let host: string;
  let rest: string;
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    if (end < 0) return null;
    host = value.slice(1, end);
    if (!net.isIPv6(host)) return null;
    rest = value.slice(end + 1);
  } else {
    const colon = value.indexOf(':');
    host = colon < 0 ? value : value.slice(0, colon);
    rest = colon < 0 ? '' : value.slice(colon);
    if (!/^[a-z0-9._-]+$/.test(host)) return null;
  }
  if (rest !== '' && !/^:\d{1,5}$/.test(rest)) return null;
  return host.endsWith('.') ? host.slice(0, -1) : host;
}

/** The names besides localhost a server listening on `listenHost` answers for: that name, when it is one. */
export function namesOfListenHost(listenHost: string): string[] {
  const host = hostOfHeader(listenHost.includes(':') ? `[${listenHost}]` : listenHost);
  return host && !net.isIP(host) ? [host] : [];
}

/** Whether a request with this Host header is for this server (see the top of this file). */
export function hostAllowed(header: string | undefined, names: readonly string[]): boolean {
  if (header === undefined) return true;
  const host = hostOfHeader(header);
  if (!host) return false;
  return net.isIP(host) !== 0 || host === 'localhost' || host.endsWith('.localhost') || names.includes(host);
}

/** The one line a refused request is answered with, saying how to open the server instead. */
export function misdirected(names: readonly string[]): string {
  const own = names.length ? `localhost, its IP addresses and ${names.join(', ')}` : 'localhost and its IP addresses';
  return `421 Misdirected Request: this server answers only to ${own}; open it by one of those\n`;
}
