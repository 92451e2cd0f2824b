import { describe, expect, it } from 'vitest';
import { healthyDnsStatement, healthyDnsText } from '../../lib/diagnose/cross-checks';
import { diagnose } from '../../lib/diagnose/diagnose';
import { healthyDnsOf } from '../../lib/diagnose/dns-sets';
import { failing, fleet, healthy, shown } from '../fixtures/diagnose/build';

/** The statement on the healthy devices' DNS servers a finished diagnosis makes, in both languages. */
const statementOf = (...devices: Parameters<typeof fleet>[0]) =>
  healthyDnsStatement(diagnose(fleet(devices)).devices);

describe('the healthy devices’ DNS servers, stated exactly (issue 19)', () => {
  it('one peer read', () => {
    expect(
      statementOf(healthy('h', shown({ dns: ['10.30.0.53'] })), failing('a', shown({ dns: [] }))),
    ).toEqual({
      en: 'The only healthy device read uses 10.30.0.53.',
      fr: 'Le seul équipement sain lu utilise 10.30.0.53.',
    });
  });

  it('several peers with one set, in any order', () => {
    expect(
      statementOf(
        healthy('h1', shown({ dns: ['10.30.0.53', '10.30.1.53'] })),
        healthy('h2', shown({ dns: ['10.30.1.53', '10.30.0.53'] })),
      ),
    ).toEqual({
      en: 'All 2 healthy devices read use 10.30.0.53, 10.30.1.53.',
      fr: 'Les 2 équipements sains lus utilisent tous 10.30.0.53, 10.30.1.53.',
    });
  });

  it('several groups: the issue’s example, the most used set first', () => {
    expect(
      statementOf(
        healthy('h1', shown({ dns: ['10.20.0.53', '10.20.1.53'] })),
        healthy('h2', shown({ dns: ['10.30.0.53'] })),
        healthy('h3', shown({ dns: ['10.30.0.53'] })),
      ),
    ).toEqual({
      en: 'Of the 3 healthy devices read, 2 use 10.30.0.53 and 1 uses 10.20.0.53, 10.20.1.53.',
      fr: 'Sur les 3 équipements sains lus, 2 utilisent 10.30.0.53 et 1 utilise 10.20.0.53, 10.20.1.53.',
    });
  });

  it('three groups and a device that lists none, separated so a set’s own commas stay readable', () => {
    expect(
      statementOf(
        healthy('h1', shown({ dns: ['10.30.0.53'] })),
        healthy('h2', shown({ dns: ['10.30.0.53'] })),
        healthy('h3', shown({ dns: ['10.20.0.53', '10.20.1.53'] })),
        healthy('h4', shown({ dns: [] })),
      ),
    ).toEqual({
      en: 'Of the 4 healthy devices read, 2 use 10.30.0.53; 1 uses 10.20.0.53, 10.20.1.53; and 1 lists no DNS server.',
      fr: 'Sur les 4 équipements sains lus, 2 utilisent 10.30.0.53 ; 1 utilise 10.20.0.53, 10.20.1.53 ; et 1 n’affiche aucun serveur DNS.',
    });
  });

  it('none read', () => {
    expect(statementOf(healthy('h1'), healthy('h2'), failing('a', shown({ dns: [] })))).toEqual({
      en: 'None of the 2 healthy devices was read: no peer to compare with.',
      fr: 'Aucun des 2 équipements sains n’a été lu : aucun pair de comparaison.',
    });
    expect(statementOf(healthy('h1'), failing('a', shown({ dns: [] })))).toEqual({
      en: 'The only healthy device was not read: no peer to compare with.',
      fr: 'Le seul équipement sain n’a pas été lu : aucun pair de comparaison.',
    });
    expect(statementOf(failing('a', shown({ dns: [] })))).toEqual({
      en: 'No device is healthy: no peer to compare with.',
      fr: 'Aucun équipement n’est sain : aucun pair de comparaison.',
    });
  });

  it('some unread: said after what the others use', () => {
    expect(
      statementOf(
        healthy('h1', shown({ dns: ['10.30.0.53'] })),
        healthy('h2', shown({ dns: ['10.20.0.53'] })),
        healthy('h3'),
      ),
    ).toEqual({
      en: 'Of the 2 healthy devices read, 1 uses 10.30.0.53 and 1 uses 10.20.0.53. 1 other healthy device was not read.',
      fr: 'Sur les 2 équipements sains lus, 1 utilise 10.30.0.53 et 1 utilise 10.20.0.53. 1 autre équipement sain n’a pas été lu.',
    });
    expect(statementOf(healthy('h1', shown({ dns: ['10.30.0.53'] })), healthy('h2'), healthy('h3')).en).toBe(
      'The only healthy device read uses 10.30.0.53. 2 other healthy devices were not read.',
    );
  });

  it('healthy devices read that list no DNS server', () => {
    expect(healthyDnsText({ read: 2, unread: 0, sets: [], none: 2 }).en).toBe(
      'None of the 2 healthy devices read lists a DNS server.',
    );
    expect(healthyDnsText({ read: 1, unread: 0, sets: [], none: 1 }).fr).toBe(
      'Le seul équipement sain lu n’affiche aucun serveur DNS.',
    );
  });

  it('counts every healthy device once, and no failing one', () => {
    const summary = healthyDnsOf([
      { id: 'h1', verdict: 'healthy', dns: ['10.30.0.53'] },
      { id: 'h2', verdict: 'healthy', dns: [] },
      { id: 'h3', verdict: 'healthy', dns: null },
      { id: 'f1', verdict: 'dns-missing', dns: ['10.30.0.53'] },
    ]);
    expect(summary).toMatchObject({ read: 2, unread: 1, none: 1 });
    expect(summary.sets.map((set) => set.deviceIds)).toEqual([['h1']]);
  });

  it('the fleet flag, a failing device’s evidence and the popup say the same of one diagnosis', () => {
    const d = diagnose(
      fleet([
        healthy('h1', shown({ dns: ['10.20.0.53', '10.20.1.53'] })),
        healthy('h2', shown({ dns: ['10.30.0.53'] })),
        healthy('h3', shown({ dns: ['10.30.0.53'] })),
        healthy('h4'),
        failing('odd', shown({ dns: ['192.168.7.53'] })),
        failing('none', shown({ dns: [] })),
      ]),
    );
    const statement = healthyDnsStatement(d.devices);
    expect(statement.en).toBe(
      'Of the 3 healthy devices read, 2 use 10.30.0.53 and 1 uses 10.20.0.53, 10.20.1.53. 1 other healthy device was not read.',
    );
    const flag = d.flags.find((f) => f.id === 'dns-differs-from-healthy');
    expect(flag?.text.en).toBe(
      `1 failing device uses DNS servers no healthy device read uses: odd. ${statement.en}`,
    );
    expect(flag?.text.fr).toBe(
      `1 équipement en échec utilise des serveurs DNS qu’aucun équipement sain lu n’utilise : odd. ${statement.fr}`,
    );
    const evidence = d.devices.find((x) => x.id === 'none')?.evidence.find((e) => e.id === 'peer-dns');
    expect(evidence?.text).toEqual(statement);
  });
});
