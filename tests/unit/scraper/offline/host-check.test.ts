// The Host headers the servers of a built site answer: localhost and names under it, any IP
// address, the name they listen on; never another name, whatever is wrapped around it (DNS
// rebinding: a page elsewhere whose name now points at this machine).
import { describe, expect, test } from 'vitest';
import { hostAllowed, hostOfHeader, misdirected, namesOfListenHost } from '../../../../scraper/offline/host-check.ts';

describe('hostOfHeader', () => {
  test.each([
    ['localhost:4321', 'localhost'],
    ['LocalHost.', 'localhost'],
    ['127.0.0.1:8000', '127.0.0.1'],
    ['[::1]:4321', '::1'],
    ['[::1]', '::1'],
    ['mybox.lan', 'mybox.lan'],
  ])('%s is %s', (header, host) => {
    expect(hostOfHeader(header)).toBe(host);
  });

  test.each([
    '',
    '::1',
    '[::1',
    '[evil.example]',
    'localhost:80@evil.example',
    'localhost:port',
    'evil.example/x',
    'user@localhost',
  ])('%j is malformed', (header) => {
    expect(hostOfHeader(header)).toBeNull();
  });
});

describe('hostAllowed', () => {
  test('localhost, names under .localhost, and IP addresses, whatever the port', () => {
    for (const host of [
      'localhost',
      'localhost:4321',
      'app.localhost:1',
      '127.0.0.1:4321',
      '[::1]:4321',
      '192.168.1.20:4321',
      '[fe80::1]',
      '0.0.0.0',
    ]) {
      expect(hostAllowed(host, []), host).toBe(true);
    }
  });

  test('any other name, or one that only starts like localhost, is refused', () => {
    for (const host of ['evil.example', 'localhost.evil.example', '127.0.0.1.nip.io', 'localhostx', 'mybox.lan:4321']) {
      expect(hostAllowed(host, []), host).toBe(false);
    }
  });

  test('the name the server listens on is its own', () => {
    const names = namesOfListenHost('MyBox.lan');
    expect(names).toEqual(['mybox.lan']);
    expect(hostAllowed('mybox.lan:4321', names)).toBe(true);
    expect(hostAllowed('evil.example', names)).toBe(false);
  });

  test('an address to listen on adds no name: every address is answered anyway', () => {
    for (const listen of ['127.0.0.1', '0.0.0.0', '::', '::1']) expect(namesOfListenHost(listen), listen).toEqual([]);
  });

  test('no Host at all (HTTP/1.0) is no browser’s request, and is answered', () => {
    expect(hostAllowed(undefined, [])).toBe(true);
  });

  test('the refusal is one line that says how to open the server instead', () => {
    expect(misdirected([])).toBe(
      '421 Misdirected Request: this server answers only to localhost and its IP addresses; open it by one of those\n',
    );
    expect(misdirected(['mybox.lan'])).toContain('only to localhost, its IP addresses and mybox.lan;');
  });
});
