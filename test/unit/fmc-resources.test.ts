import { describe, expect, it } from 'vitest';
import { isCloudConfigurationAlert } from '../../lib/alert/rest';
import { createFmcLimiter, sharedFmcLimiter } from '../../lib/fmc/limiter';
import { alertFilter } from '../../lib/fmc/resources';
import { HealthAlertSchema } from '../../lib/fmc/schemas';

describe('alertFilter', () => {
  it('writes the FMC filter syntax with every criterion', () => {
    expect(
      alertFilter({
        moduleIds: ['THREAT_DATA_UPDATES', 'CONN_STATUS_SSE'],
        statuses: ['RED', 'Yellow'],
        deviceIds: ['d1', 'd2'],
        between: { start: new Date('2025-01-01T00:00:00Z'), end: new Date('2025-01-01T01:00:00.900Z') },
      }),
    ).toBe(
      'moduleIDs:THREAT_DATA_UPDATES,CONN_STATUS_SSE;status:red,yellow;deviceUUIDs:d1,d2;startTime:1735689600;endTime:1735693200',
    );
    expect(alertFilter({})).toBe('');
  });
});

describe('isCloudConfigurationAlert', () => {
  const alert = (fields: Record<string, unknown>) =>
    HealthAlertSchema.parse({ deviceUUID: 'd', status: 'RED', ...fields });

  it('matches the Cloud Configuration row in failure, not in success', () => {
    const failing = 'Cisco Cloud Configuration - Failure<br>SI URL Lists and Feeds - Success';
    const otherRow = 'Cisco Cloud Configuration - Success<br>SI URL Lists and Feeds - Failure';
    expect(isCloudConfigurationAlert(alert({ moduleID: 'THREAT_DATA_UPDATES', details: failing }))).toBe(
      true,
    );
    expect(isCloudConfigurationAlert(alert({ moduleID: 'THREAT_DATA_UPDATES', details: otherRow }))).toBe(
      false,
    );
    expect(
      isCloudConfigurationAlert(alert({ name: 'Threat Data Updates - Cisco Cloud Configuration - Failure' })),
    ).toBe(true);
  });

  it('reads the details with the page detection’s words: failure words, case, dashes, lines', () => {
    const cloud = (details: string) =>
      isCloudConfigurationAlert(alert({ moduleID: 'THREAT_DATA_UPDATES', details }));
    expect(cloud('cisco cloud configuration \u2013 FAILED')).toBe(true);
    expect(cloud('Threat Data Updates on Devices: Cisco Cloud Configuration: Failure')).toBe(true);
    expect(cloud('SI URL Lists and Feeds - Success<br/>Cisco Cloud Configuration - Failure')).toBe(true);
    // Named without a result: the alert's own red status is the result (no real body is public).
    expect(cloud('Cisco Cloud Configuration')).toBe(true);
    expect(cloud('Threat Configuration - Failure')).toBe(false);
    expect(cloud('Cisco Cloud Configuration - Success<br>Cisco Cloud Configurations')).toBe(false);
    expect(cloud('Local Malware Analysis Signatures - Failure')).toBe(false);
  });

  it('takes any alert of the SSE connection module', () => {
    expect(isCloudConfigurationAlert(alert({ moduleID: 'conn_status_sse', details: 'Disconnected' }))).toBe(
      true,
    );
  });
});

describe('sharedFmcLimiter', () => {
  it('gives every page one limiter per FMC origin', () => {
    const a = sharedFmcLimiter('https://fmc-a.example');
    expect(sharedFmcLimiter('https://fmc-a.example')).toBe(a);
    expect(sharedFmcLimiter('https://fmc-b.example')).not.toBe(a);
    expect(createFmcLimiter()).not.toBe(a);
  });
});
