import { browser } from 'wxt/browser';

/**
 * Every permission call of the extension: host permissions for the FMC origins the user enables, and the
 * optional `notifications` permission a watch may ask for. `request` must be called in the click's own task
 * (the browser wants a user gesture), so callers call these straight from their handlers.
 */

export function hasOrigin(pattern: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [pattern] });
}

export function requestOrigin(pattern: string): Promise<boolean> {
  return browser.permissions.request({ origins: [pattern] });
}

export function removeOrigin(pattern: string): Promise<boolean> {
  return browser.permissions.remove({ origins: [pattern] });
}

/** The host permissions granted now (match patterns). */
export async function grantedOrigins(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  return origins;
}

export function hasNotifications(): Promise<boolean> {
  return browser.permissions.contains({ permissions: ['notifications'] });
}

export function requestNotifications(): Promise<boolean> {
  return browser.permissions.request({ permissions: ['notifications'] });
}

type Unsubscribe = () => void;

/** Calls `listener` with the origins of each permission grant (empty for a grant without origins). */
export function onPermissionsAdded(listener: (origins: string[]) => void): Unsubscribe {
  // Optional: a test's stand-in event may call without the permissions object.
  const handler = (permissions?: { origins?: string[] }) => listener(permissions?.origins ?? []);
  browser.permissions.onAdded.addListener(handler);
  return () => browser.permissions.onAdded.removeListener(handler);
}

/** Calls `listener` when any permission is removed (ours or the browser's own settings). */
export function onPermissionsRemoved(listener: () => void): Unsubscribe {
  const handler = () => listener();
  browser.permissions.onRemoved.addListener(handler);
  return () => browser.permissions.onRemoved.removeListener(handler);
}

/** Calls `listener` on any grant or removal. */
export function onPermissionsChanged(listener: () => void): Unsubscribe {
  const added = onPermissionsAdded(() => listener());
  const removed = onPermissionsRemoved(listener);
  return () => {
    added();
    removed();
  };
}
