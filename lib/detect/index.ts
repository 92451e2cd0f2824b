export { type DeviceNames, devicesOfRows } from './device';
export { findAlertRows, rowStillMatches } from './find-rows';
export { findLoggedInUser } from './logged-in-user';
export { type CompiledMatchers, compileMatchers } from './matchers';
export {
  findHealthPolicyLink,
  HEALTH_POLICY_ROUTES,
  type HealthPolicyRoute,
  healthPolicyFallback,
} from './navigation';
export { rowOf } from './rows';
export type { AlertMatcher, AlertRowMatch } from './types';
export { detectFmcVersion } from './version';
export { HINT_ATTRIBUTE } from './visibility';
