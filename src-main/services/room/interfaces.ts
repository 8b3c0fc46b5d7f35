/** The addresses the room may listen on: loopback, and this machine's IPv4/IPv6 interface addresses. */
import { networkInterfaces } from 'node:os';

export interface ListenAddress {
  readonly name: string;
  readonly address: string;
  readonly loopback: boolean;
}

export function listenAddresses(): ListenAddress[] {
  const found: ListenAddress[] = [{ name: 'loopback', address: '127.0.0.1', loopback: true }];
  for (const [name, entries] of Object.entries(networkInterfaces())) {
    for (const entry of entries ?? []) {
      // Link-local IPv6 needs a zone id in URLs that browsers do not accept; skip it.
      if (entry.internal || (entry.family === 'IPv6' && entry.address.toLowerCase().startsWith('fe80'))) continue;
      found.push({ name, address: entry.address, loopback: false });
    }
  }
  return found;
}
