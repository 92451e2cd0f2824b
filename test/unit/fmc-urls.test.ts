import { describe, expect, it } from 'vitest';
import { fmcOrigin, resolveFmcUrl, withQuery } from '../../lib/fmc/urls';

const ORIGIN = 'https://fmc.corp.example';

describe('resolveFmcUrl keeps every link on the origin the user chose', () => {
  it.each([
    ['https://fmc.corp.example/api/fmc_config/v1/x?offset=25', '/api/fmc_config/v1/x?offset=25'],
    ['https://10.76.157.67:16286/api/fmc_config/v1/x?offset=25', '/api/fmc_config/v1/x?offset=25'],
    ['/api/fmc_config/v1/x?offset=25', '/api/fmc_config/v1/x?offset=25'],
    ['api/fmc_config/v1/x?offset=25', '/api/fmc_config/v1/x?offset=25'],
    ['/fmc_config/v1/x?offset=25', '/api/fmc_config/v1/x?offset=25'],
  ])('%s', (link, path) => {
    expect(resolveFmcUrl(link, ORIGIN)).toBe(`${ORIGIN}${path}`);
  });
});

describe('withQuery', () => {
  it('percent-encodes spaces and filter separators, and appends to an existing query', () => {
    expect(withQuery('/a', { command: 'show network', skip: undefined })).toBe('/a?command=show%20network');
    expect(withQuery('/a?x=1', { filter: 'moduleIDs:A,B;status:red' })).toBe(
      '/a?x=1&filter=moduleIDs%3AA%2CB%3Bstatus%3Ared',
    );
    expect(withQuery('/a', {})).toBe('/a');
  });
});

describe('fmcOrigin', () => {
  it('accepts what an admin types', () => {
    expect(fmcOrigin('fmc.corp.example')).toBe(ORIGIN);
    expect(fmcOrigin(' https://fmc.corp.example/ddd/#SensorList ')).toBe(ORIGIN);
    expect(fmcOrigin('http://127.0.0.1:8443/api')).toBe('http://127.0.0.1:8443');
  });
});
