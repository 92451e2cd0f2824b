/**
 * What keeps the diagnosis total: whatever a caller passes (the UI feeds it whatever the FMC answered, a test
 * feeds it garbage), these read it without throwing.
 */

export function isObject<T>(value: T): value is T & object {
  return value !== null && typeof value === 'object';
}

/** Numbers survive as text; anything stranger (an object, a symbol) becomes empty rather than throw. */
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
    ? String(value)
    : '';
}
