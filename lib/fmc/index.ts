export { FmcClient, type FmcClientOptions, type GetOptions } from './client';
export {
  type CollectOptions,
  type CollectProgress,
  collectDevice,
  collectFleet,
  type DeviceSnapshot,
  type FleetSnapshot,
  type Part,
  type ShowNetworkResult,
} from './collect';
export {
  CDFMC_PREFIX,
  type CdfmcDoor,
  type CdfmcDoorKind,
  cdfmcHostRegion,
  doorOf,
  SCC_REGIONS,
  type SccRegion,
  sccUiRegion,
} from './doors';
export { FMC_MESSAGES, type FmcMessageCode, formatFmcMessage } from './error-text';
export { FmcError, isFatal, isFmcError } from './errors';
export { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, type RetryPolicy } from './http';
export {
  CDFMC_RATE_PER_MINUTE,
  createFmcLimiter,
  type FmcLimiter,
  type FmcLimits,
  sharedFmcLimiter,
} from './limiter';
export {
  type AlertFilter,
  alertFilter,
  getCloudEventsConfig,
  getCloudIntegration,
  getSecurexConfig,
  getServerVersion,
  listCloudRegions,
  listDevices,
  listDnsServerGroups,
  listDomains,
  listHealthAlerts,
  runShowNetwork,
  type ServerVersionInfo,
} from './resources';
export type {
  CloudEventsConfig,
  CloudIntegration,
  CloudRegion,
  Device,
  DnsServerGroup,
  Domain,
  DomainRef,
  HealthAlert,
  SecurexConfig,
} from './schemas';
export {
  FmcSession,
  MemoryTokenStore,
  type SignInOptions,
  type StoredSession,
  type TokenStore,
} from './session';
export { type ManagementInterface, type ProxyInfo, parseShowNetwork, type ShowNetwork } from './show-network';
export { fmcOrigin } from './urls';
export { rateForVersion, versionAtLeast } from './version';
