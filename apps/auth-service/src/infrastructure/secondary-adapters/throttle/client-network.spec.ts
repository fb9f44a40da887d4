import { describe, expect, it } from 'vitest';
import { clientNetwork } from './client-network.js';

describe('clientNetwork', () => {
  it('keeps an IPv4 address as it is, also when it comes IPv4-mapped', () => {
    expect(clientNetwork('203.0.113.7')).toBe('203.0.113.7');
    expect(clientNetwork('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientNetwork('::FFFF:127.0.0.1')).toBe('127.0.0.1');
  });

  it('reduces an IPv6 address to its /64, however it is spelled', () => {
    const network = '2001:db8:0:12::/64';
    for (const address of [
      '2001:db8:0:12::1',
      '2001:0db8:0000:0012:aaaa:bbbb:cccc:dddd',
      '2001:DB8::12:0:0:0:1',
      '2001:db8:0:12:ffff::',
      '2001:db8:0:12::1%eth0',
      '2001:db8:0:12:0:0:192.0.2.1',
    ]) {
      expect(clientNetwork(address)).toBe(network);
    }
    expect(clientNetwork('2001:db8:0:13::1')).not.toBe(network);
    expect(clientNetwork('::1')).toBe('0:0:0:0::/64');
    expect(clientNetwork('64:ff9b::192.0.2.33')).toBe('64:ff9b:0:0::/64');
  });

  it('keeps anything that is not an IP address as it is', () => {
    expect(clientNetwork('unix:/run/socket')).toBe('unix:/run/socket');
    expect(clientNetwork('')).toBe('');
  });
});
