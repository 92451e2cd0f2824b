/**
 * Reads the device's `show network` output. FTD pads labels to a fixed column, continues multi-value fields
 * (extra DNS servers) on following lines indented to that column, and splits the output into `=[ name ]=`
 * sections with `-[ IPv4 ]-` subsections. Versions differ in which lines they print, so the parser keeps what
 * it recognises, ignores the rest, and says when the output was cut short: only when it stops in the middle
 * of a section. Older releases end after the management interface's IPv6 block with no Proxy Information
 * section at all (FTD 6.2.3 in Cisco TAC note 212420, as `../shared/docs/fmc-rest-api.md` reports it): that
 * output is complete, not cut.
 */

export interface ManagementInterface {
  /** `management0` on current devices, `br1` on older ones. */
  name: string;
  adminState?: string;
  link?: string;
  channels?: string;
  mac?: string;
  ipv4: AddressBlock;
  ipv6: AddressBlock;
}

export interface AddressBlock {
  configuration?: string;
  address?: string;
  netmask?: string;
  prefixLength?: string;
  gateway?: string;
}

export interface ProxyInfo {
  enabled: boolean;
  state: string;
  address?: string;
  port?: number;
  authentication?: string;
  /** Every line of the section, because the format of the address lines is not documented. */
  fields: Record<string, string>;
}

export interface ShowNetwork {
  hostname?: string;
  /**
   * Management DNS servers; empty when the line is absent (none configured), null when the output stops
   * before the end of the System Information section, where "absent" and "cut off" look alike.
   */
  dnsServers: string[] | null;
  dnsFromRouter?: boolean;
  searchDomains?: string[];
  managementPort?: number;
  /** Default gateways of the management interface; `data-interfaces` when management traffic uses them. */
  gateway: { ipv4?: string; ipv6?: string };
  interfaces: ManagementInterface[];
  /** null when the output has no proxy section (or stops before it). */
  proxy: ProxyInfo | null;
  /**
   * "System Information - Data Interfaces" (7.x): the DNS servers and interfaces used when management traffic
   * goes through the data interfaces; absent on versions that do not print it.
   */
  dataInterfaces?: { dnsServers: string[]; interfaces: string[] };
  /** Section names in the order printed. */
  sections: string[];
  /**
   * The output stops in the middle of a section (or holds no System Information at all): anything not seen may
   * still exist on the device. A complete output either has the proxy section's state or, on releases that print
   * no proxy section, ends on a whole line of the management interface's IPv6 block.
   */
  truncated: boolean;
}

interface Entry {
  key: string;
  values: string[];
  subsection: string;
  /** `ipv4`/`ipv6` under an "IPv4 Default route" line. */
  route: string;
  /** Its last value is on the line the output stops in, and may be cut short ("10.20.1.5" of "10.20.1.53"). */
  cut?: boolean;
}

interface Section {
  name: string;
  entries: Entry[];
  /** Another section header followed this one. */
  closed: boolean;
}

const SECTION = /^\s*=+\s*\[\s*(.*?)\s*\]\s*=*\s*$/;
const SUBSECTION = /^\s*-+\s*\[\s*(.*?)\s*\]\s*-*\s*$/;
/**
 * `Label   : value`. The label starts with a letter and the colon is followed by a blank or the end of line, so
 * IPv6 continuation lines (`2620:119:35::35`, `fe80::1`) and MAC addresses in values never read as labels.
 */
const KEY_VALUE = /^\s*([A-Za-z][\w ()/.&'-]*?)\s*:(?:\s+(.*?))?\s*$/;
const ROUTE = /^\s*(IPv4|IPv6)\s+Default\s+route\b/i;
const INTERFACE_NAME = /^[A-Za-z][\w./-]*\d$/;

export function parseShowNetwork(output: string): ShowNetwork {
  const { sections, lastLine } = splitSections(output);
  const system = sections.find((s) => norm(s.name) === 'system information');
  const proxySection = sections.find((s) => norm(s.name) === 'proxy information');
  const proxy = proxySection ? readProxy(proxySection) : null;

  const result: ShowNetwork = {
    dnsServers: system ? readDns(system) : null,
    gateway: system ? readGateways(system) : {},
    interfaces: sections.filter((s) => INTERFACE_NAME.test(s.name)).map(readInterface),
    proxy,
    sections: sections.filter((s) => s.name !== '').map((s) => s.name),
    truncated: !system || (proxy ? proxy.state === '' : !endsAfterInterface(sections, lastLine)),
  };
  const data = sections.find((s) => norm(s.name) === 'system information - data interfaces');
  if (data) {
    result.dataInterfaces = {
      dnsServers: tokens(find(data, 'dns servers')?.values ?? []).filter(isIpAddress),
      interfaces: tokens(find(data, 'interfaces')?.values ?? []),
    };
  }
  if (system) {
    const hostname = first(system, 'hostname');
    if (hostname) result.hostname = hostname;
    const fromRouter = first(system, 'dns from router')?.toLowerCase();
    if (fromRouter === 'enabled' || fromRouter === 'disabled')
      result.dnsFromRouter = fromRouter === 'enabled';
    const domains = find(system, 'domains');
    if (domains) result.searchDomains = tokens(domains.values);
    const port = Number.parseInt(first(system, 'management port') ?? '', 10);
    if (Number.isFinite(port)) result.managementPort = port;
  }
  return result;
}

/**
 * Whether an output without a proxy section is whole: it ends on a whole line of the IPv6 block of its last
 * section, a management interface (`management0`, `br1`), after that block's Configuration line (and, for a
 * manual configuration, its address). Any other last line (a header, a half-printed one, an IPv4 line) means
 * the output stopped before its end. A cut exactly at the end of that block reads as complete: the two are
 * the same text.
 */
function endsAfterInterface(sections: readonly Section[], lastLine: Entry | undefined): boolean {
  const section = sections.at(-1);
  if (!section || !INTERFACE_NAME.test(section.name) || !lastLine) return false;
  if (lastLine.subsection !== 'ipv6' || !section.entries.includes(lastLine)) return false;
  // "Configuration :" with nothing after it stopped before its value.
  if (lastLine.values.length === 0) return false;
  // A last line with no line end may be cut ("Disab"); a whole configuration word is not.
  if (lastLine.cut && !WHOLE_VALUES.has(norm(lastLine.values.join(' ')))) return false;
  const ipv6 = section.entries.filter((entry) => entry.subsection === 'ipv6');
  const configuration = ipv6.find((entry) => entry.key === 'configuration');
  if (!configuration || configuration.values.length === 0) return false;
  const manual = norm(configuration.values.join(' ')) === 'manual';
  return !manual || ipv6.some((entry) => entry.key === 'address' && entry.values.length > 0);
}

/**
 * Values of the IPv6 Configuration line that are whole words, even when the output ends right after them: the
 * modes of `configure network ipv6` (inferred from the CLI's keywords; the printed forms seen are Disabled and
 * Manual).
 */
const WHOLE_VALUES: ReadonlySet<string> = new Set(['disabled', 'manual', 'dhcp', 'router']);

function splitSections(output: string): { sections: Section[]; lastLine: Entry | undefined } {
  // A header-less preamble (an echoed prompt, a banner) gets a nameless section.
  const sections: Section[] = [{ name: '', entries: [], closed: false }];
  let section = sections[0] as Section;
  let subsection = '';
  let route = '';
  let last: Entry | undefined;
  // The entry the output's last printed line belongs to; undefined when that line is anything else.
  let lastLine: Entry | undefined;
  const lines = output.replace(/\r\n?/g, '\n').split('\n');
  // An output that ends on a printed character may have been cut inside its last word.
  const cutLine = /\S$/.test(output) ? lines.length - 1 : -1;

  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    lastLine = undefined;
    const header = SECTION.exec(line);
    if (header) {
      section.closed = true;
      section = { name: header[1] ?? '', entries: [], closed: false };
      sections.push(section);
      subsection = '';
      route = '';
      last = undefined;
      continue;
    }
    const sub = SUBSECTION.exec(line);
    if (sub) {
      subsection = norm(sub[1] ?? '');
      route = '';
      last = undefined;
      continue;
    }
    const pair = KEY_VALUE.exec(line);
    if (pair) {
      last = { key: norm(pair[1] ?? ''), values: pair[2] ? [pair[2]] : [], subsection, route };
      if (index === cutLine) last.cut = true;
      section.entries.push(last);
      lastLine = last;
      continue;
    }
    const routeLine = ROUTE.exec(line);
    if (routeLine) {
      route = (routeLine[1] ?? '').toLowerCase();
      last = undefined;
      continue;
    }
    // An indented bare value continues the previous field (further DNS servers).
    if (last && /^\s/.test(line)) {
      last.values.push(line.trim());
      if (index === cutLine) last.cut = true;
      lastLine = last;
    } else last = undefined;
  }
  return { sections, lastLine };
}

function readDns(system: Section): string[] | null {
  const entry = find(system, 'dns servers');
  const servers = entry ? whole(entry).filter(isIpAddress) : [];
  // In a section cut short, a missing or half-printed line says nothing.
  return system.closed || servers.length > 0 ? servers : null;
}

function readGateways(system: Section): ShowNetwork['gateway'] {
  const gateway: ShowNetwork['gateway'] = {};
  for (const entry of system.entries) {
    const value = entry.cut ? undefined : entry.values[0];
    if (entry.key !== 'gateway' || !value) continue;
    // Versions that print no "Default route" line mean the IPv4 one.
    if (entry.route === 'ipv6') gateway.ipv6 ??= value;
    else gateway.ipv4 ??= value;
  }
  return gateway;
}

function readInterface(section: Section): ManagementInterface {
  const iface: ManagementInterface = { name: section.name, ipv4: {}, ipv6: {} };
  for (const entry of section.entries) {
    const value = entry.values.join(' ');
    if (!value) continue;
    if (entry.subsection === 'ipv4' || entry.subsection === 'ipv6') {
      const block = entry.subsection === 'ipv4' ? iface.ipv4 : iface.ipv6;
      if (entry.key === 'configuration') block.configuration ??= value;
      else if (entry.key === 'address') block.address ??= value;
      else if (entry.key === 'netmask') block.netmask ??= value;
      else if (entry.key === 'prefix length') block.prefixLength ??= value;
      else if (entry.key === 'gateway') block.gateway ??= value;
      continue;
    }
    if (entry.key === 'admin state' || entry.key === 'state') iface.adminState ??= value;
    else if (entry.key === 'link') iface.link ??= value;
    else if (entry.key === 'channels') iface.channels ??= value;
    else if (entry.key === 'mac address') iface.mac ??= value;
  }
  return iface;
}

function readProxy(section: Section): ProxyInfo {
  const fields: Record<string, string> = {};
  for (const entry of section.entries) fields[entry.key] ??= entry.values.join(' ');
  // A state cut short ("Ena") is no state: the output stopped before it was printed.
  const state = find(section, 'state')?.cut ? '' : (fields.state ?? '');
  const proxy: ProxyInfo = { enabled: state.toLowerCase() === 'enabled', state, fields };
  if (fields.authentication) proxy.authentication = fields.authentication;

  const addressKey = Object.keys(fields).find(
    (k) => /address|host|server|url|proxy/.test(k) && !/port|user|pass|state|auth/.test(k) && fields[k],
  );
  if (addressKey) {
    const split = splitHostPort(fields[addressKey] ?? '');
    proxy.address = split.host;
    if (split.port !== undefined) proxy.port = split.port;
  }
  const portKey = Object.keys(fields).find((k) => /\bport\b/.test(k));
  const port = Number.parseInt(portKey ? (fields[portKey] ?? '') : '', 10);
  if (Number.isFinite(port)) proxy.port = port;
  return proxy;
}

/** `10.0.0.8:3128`, `http://proxy:8080`, `[2001:db8::8]:3128`; a bare IPv6 address keeps its colons. */
function splitHostPort(value: string): { host: string; port?: number } {
  const bare = value.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(bare);
  if (bracketed) return withPort(bracketed[1] ?? '', bracketed[2]);
  const hostPort = /^([^:]+):(\d+)$/.exec(bare);
  if (hostPort) return withPort(hostPort[1] ?? '', hostPort[2]);
  return { host: bare };
}

function withPort(host: string, port: string | undefined): { host: string; port?: number } {
  return port === undefined ? { host } : { host, port: Number.parseInt(port, 10) };
}

function find(section: Section, key: string): Entry | undefined {
  return section.entries.find((e) => e.key === key);
}

function first(section: Section, key: string): string | undefined {
  return find(section, key)?.values[0];
}

/** The entry's words, without a last one the output may have cut short. */
function whole(entry: Entry): string[] {
  const words = tokens(entry.values);
  return entry.cut ? words.slice(0, -1) : words;
}

function tokens(values: readonly string[]): string[] {
  return values.flatMap((v) => v.split(/[\s,]+/)).filter((t) => t !== '');
}

function norm(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isIpAddress(value: string): boolean {
  if (IPV4.test(value)) return true;
  if (!value.includes(':') || value.includes(':::') || (value.match(/::/g) ?? []).length > 1) return false;
  // An IPv6 address may end with an embedded IPv4 one (::ffff:192.0.2.1), worth two groups.
  const lastColon = value.lastIndexOf(':');
  const tail = value.slice(lastColon + 1);
  const embedded = tail.includes('.');
  if (embedded && !IPV4.test(tail)) return false;
  const head = embedded ? value.slice(0, lastColon + 1) : value;
  const groups = head.split(':').filter((g) => g !== '');
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return false;
  const maxGroups = embedded ? 6 : 8;
  return head.includes('::') ? groups.length < maxGroups : groups.length === maxGroups;
}

/** `show network` as the device printed it, as a diagnosis keeps it (issue 19: TAC reads the raw output first). */
export interface ShowNetworkOutput {
  /** The output's first whole lines within the limit: line ends normalised, control characters and secrets removed. */
  text: string;
  /** True when the output was longer than the limit and `text` holds only its beginning. */
  clipped: boolean;
  /** The whole output's size in UTF-8 bytes, before anything was removed. */
  totalBytes: number;
}

/**
 * How much of one device's output a diagnosis keeps: 8 KB. Our choice, not an FMC figure. The stored diagnosis
 * lives in storage.session (10 MB for the whole extension, wxt.config.ts), and only failing devices keep theirs.
 * The 7.4 example of `../shared/docs/fmc-rest-api.md` is 881 bytes and grows by a few lines per extra DNS server,
 * interface block or proxy field, so 8 KB keeps any output of that shape whole and bounds a runaway one.
 */
export const SHOW_NETWORK_KEEP_BYTES = 8 * 1024;

/** What replaces a value that looks like a secret. */
export const REMOVED_SECRET = '[removed by FMC Cloud Doctor]';

/**
 * The output as the diagnosis keeps it, for the exports. No public output shows a proxy password and the format of
 * the proxy lines is not documented (`../shared/docs/fmc-rest-api.md`), so, as a precaution (nothing secret is
 * ever written to disk: the Markdown is saved as a file), the value of a line whose label names a password or a
 * secret, and the password in a `scheme://user:password@host` address, are replaced by `REMOVED_SECRET`. ANSI
 * escape sequences and other control characters (never part of a value) are dropped; tabs and line ends stay.
 * A longer output keeps its first whole lines within `maxBytes`.
 */
export function keepShowNetworkOutput(
  raw: string,
  maxBytes: number = SHOW_NETWORK_KEEP_BYTES,
): ShowNetworkOutput {
  const encoder = new TextEncoder();
  const totalBytes = encoder.encode(raw).length;
  const lines = raw
    .replace(/\r\n?/g, '\n')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour and cursor sequences.
    .replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters other than tab and line feed.
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
    .split('\n')
    .map((line) => hideSecrets(line).trimEnd());
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  while (lines.length > 0 && lines[0] === '') lines.shift();

  const kept: string[] = [];
  let bytes = 0;
  let clipped = false;
  for (const line of lines) {
    const size = encoder.encode(line).length + (kept.length > 0 ? 1 : 0);
    if (bytes + size <= maxBytes) {
      kept.push(line);
      bytes += size;
      continue;
    }
    clipped = true;
    // A first line longer than the whole limit keeps its beginning, cut between characters.
    if (kept.length === 0) kept.push(clipChars(line, maxBytes, encoder));
    break;
  }
  return { text: kept.join('\n'), clipped, totalBytes };
}

const SECRET_LABEL =
  /^(\s*[A-Za-z][\w ()/.&'-]*?(?:password|passphrase|passwd|secret)[\w ()/.&'-]*?\s*:)(\s*)\S.*$/i;
const URL_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^\s/:@]+):[^\s/@]+@/gi;

function hideSecrets(line: string): string {
  return line
    .replace(SECRET_LABEL, (_, label: string, blank: string) => `${label}${blank || ' '}${REMOVED_SECRET}`)
    .replace(URL_PASSWORD, `$1:${REMOVED_SECRET}@`);
}

function clipChars(line: string, maxBytes: number, encoder: TextEncoder): string {
  let out = '';
  let bytes = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (bytes + size > maxBytes) break;
    out += char;
    bytes += size;
  }
  return out;
}
