import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TlsCredentials {
  key: string;
  cert: string;
}

let cached: TlsCredentials | undefined;

/**
 * A throw-away self-signed certificate for 127.0.0.1, made with the `openssl` command once per process: the
 * HTTPS mode exists to show what a browser does with an FMC whose certificate it does not trust.
 */
export function selfSignedCertificate(): TlsCredentials {
  cached ??= generate();
  return cached;
}

function generate(): TlsCredentials {
  const dir = mkdtempSync(join(tmpdir(), 'fmc-sim-tls-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '2',
        '-subj',
        '/CN=fmc-sim.invalid',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
      ],
      { stdio: 'pipe' },
    );
    return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
  } catch (error) {
    throw new Error(`The simulator's HTTPS mode needs the openssl command: ${(error as Error).message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
