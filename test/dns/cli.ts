import { type DohMode, startDohServer } from './doh-server';

/**
 * The test DoH server on its own, for the demo: `npx tsx test/dns/cli.ts [--port 8053] [--mode refused]`.
 * Set the extension's resolver to the printed URL (http is accepted on loopback only).
 */
const MODES: readonly DohMode[] = ['normal', 'refused', 'servfail', 'http-500', 'slow', 'garbage'];

function option(flag: string): string | undefined {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const port = Number(option('--port') ?? 8053);
const mode = (option('--mode') ?? 'normal') as DohMode;
if (!MODES.includes(mode)) {
  console.error(`--mode must be one of ${MODES.join(', ')}`);
  process.exit(2);
}

const server = await startDohServer({ port });
server.setMode(mode);
console.log(`DoH test server (${mode}): ${server.url} (wire or JSON), ${server.jsonUrl} (JSON)`);
console.log('Type a mode and Enter to switch; Ctrl+C to stop.');
process.stdin.setEncoding('utf8');
process.stdin.on('data', (line: string) => {
  const next = line.trim() as DohMode;
  if (MODES.includes(next)) {
    server.setMode(next);
    console.log(`mode: ${next}`);
  } else if (next) console.log(`unknown mode; one of ${MODES.join(', ')}`);
});
process.on('SIGINT', () => {
  server.close().then(() => process.exit(0));
});
