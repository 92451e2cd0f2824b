import { describe, expect, it } from 'vitest';
import { verdictsChangedBy, watchesChangedBy } from '../../lib/features/push';

const A = 'https://fmc-a.example';
const B = 'https://fmc-b.example:8443';

const done = (finishedAt: number, extra: Record<string, unknown> = {}) => ({
  status: 'done',
  startedAt: 1,
  finishedAt,
  diagnosis: { packed: 1, strings: [], data: {} },
  ...extra,
});

describe('verdictsChangedBy', () => {
  it('names an FMC whose first diagnosis appears', () => {
    expect(verdictsChangedBy({ [`diagnosis:${A}`]: { newValue: done(10) } })).toEqual([A]);
  });

  it('names an FMC whose run finished', () => {
    expect(
      verdictsChangedBy({
        [`diagnosis:${A}`]: { oldValue: { status: 'running', startedAt: 1 }, newValue: done(10) },
      }),
    ).toEqual([A]);
  });

  it('names an FMC whose run failed, keeping the last diagnosis', () => {
    expect(
      verdictsChangedBy({
        [`diagnosis:${A}`]: {
          oldValue: { status: 'running', startedAt: 1 },
          newValue: { status: 'error', startedAt: 1, finishedAt: 3 },
        },
      }),
    ).toEqual([A]);
  });

  it('names an FMC whose diagnosis a new run replaced', () => {
    expect(verdictsChangedBy({ [`diagnosis:${A}`]: { oldValue: done(10), newValue: done(20) } })).toEqual([
      A,
    ]);
  });

  it("names an FMC a re-check changed (a device's verdict or cleared time)", () => {
    expect(
      verdictsChangedBy({
        [`diagnosis:${A}`]: { oldValue: done(10), newValue: done(10, { recheckedAt: 30 }) },
      }),
    ).toEqual([A]);
    expect(
      verdictsChangedBy({
        [`diagnosis:${A}`]: {
          oldValue: done(10, { recheckedAt: 30 }),
          newValue: done(10, { recheckedAt: 31 }),
        },
      }),
    ).toEqual([A]);
  });

  it('names an FMC whose diagnosis was cleared (signed out)', () => {
    expect(verdictsChangedBy({ [`diagnosis:${A}`]: { oldValue: done(10) } })).toEqual([A]);
  });

  it('names an FMC whose watch (storage.local since issue 17) started, changed or ended', () => {
    const watch = { 'dev-1': { startedAt: 1, until: 2, everyMs: 3, lang: 'en' } };
    expect(watchesChangedBy({ [`watches:${A}`]: { newValue: watch } })).toEqual([A]);
    expect(
      watchesChangedBy({
        [`watches:${A}`]: { oldValue: watch, newValue: { ...watch, 'dev-2': watch['dev-1'] } },
      }),
    ).toEqual([A]);
    expect(watchesChangedBy({ [`watches:${B}`]: { oldValue: watch } })).toEqual([B]);
    expect(watchesChangedBy({ watchSchedule: { newValue: {} }, [`watch:${A}`]: { newValue: {} } })).toEqual(
      [],
    );
    // A session key of that name is no watch any more.
    expect(verdictsChangedBy({ [`watches:${A}`]: { newValue: watch } })).toEqual([]);
  });

  it('ignores the progress writes of a running diagnosis', () => {
    expect(
      verdictsChangedBy({
        [`diagnosis:${A}`]: {
          oldValue: { status: 'running', startedAt: 1, progress: { done: 1, expected: 9, etaMs: 0 } },
          newValue: { status: 'running', startedAt: 1, progress: { done: 2, expected: 9, etaMs: 0 } },
        },
      }),
    ).toEqual([]);
  });

  it('ignores every write while a run is going, whatever stamps it carries', () => {
    expect(
      verdictsChangedBy({
        [`diagnosis:${A}`]: {
          oldValue: { status: 'running', startedAt: 1, finishedAt: 5, recheckedAt: 6 },
          newValue: { status: 'running', startedAt: 1, finishedAt: 7, recheckedAt: 8 },
        },
      }),
    ).toEqual([]);
  });

  it('ignores a rewrite of the same finished diagnosis', () => {
    expect(
      verdictsChangedBy({
        [`diagnosis:${A}`]: {
          oldValue: done(10, { recheckedAt: 5 }),
          newValue: done(10, { recheckedAt: 5 }),
        },
      }),
    ).toEqual([]);
  });

  it('ignores unrelated keys of storage.session', () => {
    expect(
      verdictsChangedBy({
        [`fmc-session:${A}`]: { oldValue: { accessToken: 'a' }, newValue: { accessToken: 'b' } },
        'hints:12': { oldValue: { 0: 1 }, newValue: { 0: 2 } },
        healthPolicyOverrides: { newValue: { [A]: 'https://x' } },
        [`x-diagnosis:${A}`]: { newValue: done(10) },
        [`watch:${A}`]: { newValue: {} },
      }),
    ).toEqual([]);
    expect(verdictsChangedBy({})).toEqual([]);
  });

  it('names each FMC once, whatever changed of it', () => {
    const changed = verdictsChangedBy({
      [`diagnosis:${A}`]: { oldValue: done(10), newValue: done(10, { recheckedAt: 30 }) },
      [`diagnosis:${B}`]: {
        oldValue: { status: 'running', startedAt: 1 },
        newValue: { status: 'running', startedAt: 1, progress: { done: 1, expected: 2, etaMs: 0 } },
      },
      'hints:3': { newValue: { 0: 1 } },
    });
    expect(changed).toEqual([A]);
  });
});
