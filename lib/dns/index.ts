export { createDohResolver, DEFAULT_DOH_TIMEOUT_MS, type DohOptions, resolveDoh } from './doh';
export * from './error-text';
export { cnameChain, type LookupOutcome, lookupHost, lookupHosts, lookupOutcome } from './lookup';
export { canonicalName, checkHostName, type HostNameCheck, type HostNameProblem } from './names';
export { formatNslookup } from './nslookup';
export * from './settings';
export { createSystemResolver, type FirefoxDnsApi, SYSTEM_RESOLVER_LABEL } from './system';
export * from './types';
