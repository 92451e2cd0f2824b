/**
 * DNS server sets compared across devices. Order and case do not change which resolvers a device asks, so two
 * devices listing the same servers in another order share a set.
 */
export function dnsKey(servers: readonly string[]): string {
  return [...new Set(servers.map((s) => s.trim().toLowerCase()))].sort().join(',');
}

export interface DnsSetUse {
  key: string;
  /** As the first device listed them: its order is the one worth proposing. */
  servers: string[];
  deviceIds: string[];
}

/** Sets in use, most used first; ties go to the set seen first, so the result never depends on luck. */
export function groupByDnsSet(devices: readonly { id: string; servers: readonly string[] }[]): DnsSetUse[] {
  const groups = new Map<string, DnsSetUse>();
  for (const device of devices) {
    if (device.servers.length === 0) continue;
    const key = dnsKey(device.servers);
    const group = groups.get(key);
    if (group) group.deviceIds.push(device.id);
    else groups.set(key, { key, servers: [...device.servers], deviceIds: [device.id] });
  }
  // Array.prototype.sort is stable: equal counts keep first-seen order.
  return [...groups.values()].sort((a, b) => b.deviceIds.length - a.deviceIds.length);
}
