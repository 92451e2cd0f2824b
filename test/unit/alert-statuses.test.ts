import { describe, expect, it } from 'vitest';
import {
  ALERT_FILTER_STATUSES,
  isClearStatus,
  isSuspectHealth,
  STATUSES,
  type StatusMeaning,
  statusMeaning,
} from '../../lib/alert/statuses';
import { decideVerdict } from '../../lib/diagnose/verdict';
import { DeviceSchema, HealthAlertSchema } from '../../lib/fmc/schemas';
import { loadSpec, property } from '../integration/openapi';

/** Every status value of the issue, with the meaning the table must give it, in any case. */
const EXPECTED: Array<[string, StatusMeaning]> = [
  ['GREEN', 'clear'],
  ['YELLOW', 'failing'],
  ['RED', 'failing'],
  ['BLACK', 'failing'],
  ['BLUE', 'unknown'],
  ['FAILED', 'failing'],
  ['ERROR', 'unknown'],
  ['DISABLED', 'clear'],
  ['RECOVERED', 'clear'],
];

const CASES = (status: string) => [
  status,
  status.toLowerCase(),
  `${status[0]}${status.slice(1).toLowerCase()}`,
];

describe('the status table (lib/alert/statuses.ts)', () => {
  it('lists exactly the statuses of the issue, each with a source', () => {
    expect(Object.keys(STATUSES).sort()).toEqual(EXPECTED.map(([status]) => status).sort());
    for (const [status, facts] of Object.entries(STATUSES))
      expect(facts.source.length, status).toBeGreaterThan(20);
  });

  for (const [status, meaning] of EXPECTED) {
    it(`${status} means ${meaning}, in any case and with blanks around`, () => {
      for (const spelled of [...CASES(status), ` ${status.toLowerCase()}\t`]) {
        expect(statusMeaning(spelled), spelled).toBe(meaning);
        expect(isClearStatus(spelled), spelled).toBe(meaning === 'clear');
        expect(isSuspectHealth(spelled), spelled).toBe(meaning !== 'clear');
      }
    });

    it(`${status}: an alert in it is ${meaning === 'clear' ? 'healthy' : 'never healthy'}, and the schemas keep it`, () => {
      for (const spelled of CASES(status)) {
        const verdict = decideVerdict({ alert: { status: spelled, details: '' }, showNetwork: null }, 2);
        if (meaning === 'clear') expect(verdict, spelled).toBe('healthy');
        else expect(verdict, spelled).not.toBe('healthy');
        expect(HealthAlertSchema.parse({ deviceUUID: 'd', status: spelled }).status).toBe(status);
        expect(DeviceSchema.parse({ id: 'd', healthStatus: spelled }).healthStatus).toBe(status);
      }
    });
  }

  it('reads a missing, empty or unlisted status as unknown, never as clear', () => {
    for (const status of [undefined, null, '', '  ', 'PURPLE', 'critical', 'Success?', 42, {}]) {
      expect(statusMeaning(status), String(status)).toBe('unknown');
      expect(isClearStatus(status)).toBe(false);
      expect(isSuspectHealth(status)).toBe(true);
    }
    // Names of Object.prototype are no statuses.
    for (const status of ['constructor', 'toString', '__proto__'])
      expect(statusMeaning(status), status).toBe('unknown');
  });

  it('asks the alerts endpoint for red, yellow and error: the statuses not clear that the 7.0 enum has', () => {
    expect([...ALERT_FILTER_STATUSES].sort()).toEqual(['ERROR', 'RED', 'YELLOW']);
    expect(ALERT_FILTER_STATUSES).not.toContain('FAILED');
  });

  it('marks inAlertEnum exactly as Cisco’s 7.0 spec enumerates HealthAlert.status', () => {
    const spec = loadSpec();
    expect(spec, 'the OpenAPI excerpt in ../shared/fmc-api').toBeDefined();
    const enumerated = (spec ? (property(spec, 'HealthAlertModel', 'status')?.enum ?? []) : []) as string[];
    expect(enumerated.length).toBeGreaterThan(0);
    const inEnum = Object.entries(STATUSES)
      .filter(([, facts]) => facts.inAlertEnum)
      .map(([status]) => status);
    expect(inEnum.sort()).toEqual([...enumerated].sort());
    for (const status of ALERT_FILTER_STATUSES) expect(enumerated).toContain(status);
  });
});
