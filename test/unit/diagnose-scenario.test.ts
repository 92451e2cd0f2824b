import { describe, expect, it } from 'vitest';
import { diagnose } from '../../lib/diagnose/diagnose';
import { inferScenario } from '../../lib/diagnose/scenario';
import type { IntegrationInput } from '../../lib/diagnose/types';
import { failing, fleet, shown } from '../fixtures/diagnose/build';

const ALL_FALSE = { sendIntrusionEvents: false, sendFileEvents: false, sendConnectionEvents: false };
const base = (over: Partial<IntegrationInput>): IntegrationInput => ({
  cloudEvents: ALL_FALSE,
  securex: { enabled: false },
  regionHost: null,
  ...over,
});

describe('scenario inference', () => {
  it('scenario 1 when cloud events are absent (null) and SecureX is absent (FMC 6.7)', () => {
    const s = inferScenario(base({ cloudEvents: null, securex: null }));
    expect(s).toMatchObject({ scenario: 1, uncertain: false, cloudEvents: 'absent', securex: 'absent' });
  });

  it('scenario 1 when every send*Events is false and SecureX is disabled', () => {
    expect(inferScenario(base({})).scenario).toBe(1);
  });

  it('scenario 1 when SecureX is absent and nothing is sent', () => {
    expect(inferScenario(base({ securex: null })).scenario).toBe(1);
  });

  it('scenario 2 when one event kind is sent', () => {
    const s = inferScenario(base({ cloudEvents: { ...ALL_FALSE, sendFileEvents: true } }));
    expect(s.scenario).toBe(2);
    expect(s.eventsSent).toEqual(['file']);
  });

  it('any boolean send*Events counts, not only the three known ones', () => {
    const s = inferScenario(base({ cloudEvents: { ...ALL_FALSE, sendMalwareEvents: true } }));
    expect(s.scenario).toBe(2);
    expect(s.eventsSent).toEqual(['malware']);
  });

  it('a truthy non-boolean or a non-send field does not count as sending', () => {
    expect(
      inferScenario(base({ cloudEvents: { sendFileEvents: 'yes' as never, enabled: true, id: 'x' } }))
        .scenario,
    ).toBe(1);
  });

  it('scenario 2 when SecureX is enabled, even with nothing sent', () => {
    expect(inferScenario(base({ securex: { enabled: true } })).scenario).toBe(2);
  });

  it('event kinds are listed in the FMC order: intrusion, file, connection', () => {
    const s = inferScenario(
      base({ cloudEvents: { sendConnectionEvents: true, sendFileEvents: true, sendIntrusionEvents: true } }),
    );
    expect(s.eventsSent).toEqual(['intrusion', 'file', 'connection']);
  });

  it('cloud events unreadable: still computed from what is known, marked uncertain', () => {
    const withSecurex = inferScenario(base({ cloudEvents: 'error', securex: { enabled: true } }));
    expect(withSecurex).toMatchObject({ scenario: 2, uncertain: true, cloudEvents: 'error' });
    // Nothing proves integration off, so scenario 1 (silence the alert) is not claimed.
    const alone = inferScenario(base({ cloudEvents: 'error', securex: { enabled: false } }));
    expect(alone).toMatchObject({ scenario: 2, uncertain: true });
  });

  it('SecureX unreadable: uncertain as well', () => {
    expect(inferScenario(base({ securex: 'error' }))).toMatchObject({ scenario: 2, uncertain: true });
  });

  it('readable settings are not uncertain', () => {
    expect(inferScenario(base({ securex: { enabled: true } })).uncertain).toBe(false);
  });

  it('the note says it is an inference, in both languages, and says so when uncertain', () => {
    const sure = inferScenario(base({}));
    expect(sure.note.en).toMatch(/^Inferred/);
    expect(sure.note.fr).toMatch(/^Déduit/);
    const unsure = inferScenario(base({ cloudEvents: 'error' }));
    expect(unsure.note.en).toMatch(/Uncertain/);
    expect(unsure.note.fr).toMatch(/Incertain/);
  });

  it('the diagnosis exposes the scenario and its inference as data', () => {
    const d = diagnose(
      fleet([failing('a', shown({ dns: [] }))], base({ cloudEvents: 'error', securex: null })),
    );
    expect(d.integration.scenario).toBe(2);
    expect(d.integration.scenarioInference).toMatchObject({ inferred: true, uncertain: true });
    expect(d.integration.cloudEventsEnabled).toBe(false);
    expect(d.integration.securexEnabled).toBeNull();
  });

  it('securexEnabled is true, false, or null when the endpoint is absent', () => {
    const on = diagnose(fleet([], base({ securex: { enabled: true } })));
    const off = diagnose(fleet([], base({ securex: { enabled: false } })));
    const absent = diagnose(fleet([], base({ securex: null })));
    expect([on, off, absent].map((d) => d.integration.securexEnabled)).toEqual([true, false, null]);
  });

  it('cloudEventsEnabled is true only when some event kind is sent', () => {
    const sent = diagnose(fleet([], base({ cloudEvents: { sendIntrusionEvents: true } })));
    const none = diagnose(fleet([], base({})));
    expect(sent.integration.cloudEventsEnabled).toBe(true);
    expect(none.integration.cloudEventsEnabled).toBe(false);
  });
});
