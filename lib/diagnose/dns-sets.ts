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

/** What the healthy devices' `show network` said about their DNS servers: the facts the fleet statements word. */
export interface HealthyDns {
  /** Healthy devices whose `show network` was read. */
  read: number;
  /** Healthy devices not read: their DNS servers are unknown. */
  unread: number;
  /** Among those read, the sets in use, most used first (`groupByDnsSet`). */
  sets: DnsSetUse[];
  /** Among those read, the devices that list no DNS server. */
  none: number;
}

/**
 * The healthy devices' DNS servers as read: `dns` is null when the device was not read, [] when it listed none.
 * Every healthy device counts once in `read` or `unread`, and every one read once in a set or in `none`, so the
 * statements built on it add up.
 */
export function healthyDnsOf(
  devices: readonly { id: string; verdict: string; dns: readonly string[] | null }[],
): HealthyDns {
  const healthy = devices.filter((d) => d.verdict === 'healthy');
  const read = healthy.filter((d): d is typeof d & { dns: readonly string[] } => d.dns !== null);
  const sets = groupByDnsSet(read.map((d) => ({ id: d.id, servers: d.dns })));
  const inSets = sets.reduce((sum, set) => sum + set.deviceIds.length, 0);
  return { read: read.length, unread: healthy.length - read.length, sets, none: read.length - inSets };
}
