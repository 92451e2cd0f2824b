/**
 * Runs the FMC simulator until SIGINT/SIGTERM (used by `npm start`):
 *   npx tsx test/fmc-sim/cli.ts [--port 8443] [--devices 20] [--failing 3] [--seed 1] [--integration on|off]
 *                               [--server-version 7.4.1] [--hostile] [--cdfmc]
 * `--cdfmc` serves a cloud-delivered FMC (issue 20): SCC API tokens, the cdFMC's host, gateway and legacy doors.
 */
import { parseArgs } from 'node:util';
import { fleetOptionsSchema, startFmcSimulator } from './server';
import { MARKUPS } from './ui/markups';

const USAGE =
  'Usage: npx tsx test/fmc-sim/cli.ts [--port 8443] [--devices 20] [--failing 3] [--seed 1] ' +
  '[--integration on|off] [--server-version 7.4.1] [--hostile] [--cdfmc]';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function integer(name: string, raw: string): number {
  if (!/^\d+$/.test(raw)) fail(`--${name} takes a non-negative integer, not "${raw}"`);
  return Number(raw);
}

function readOptions() {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse().values;
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (!['on', 'off'].includes(values.integration)) fail('--integration takes on or off');
  const fleet = fleetOptionsSchema.safeParse({
    devices: integer('devices', values.devices),
    failing: integer('failing', values.failing),
    seed: integer('seed', values.seed),
    integration: values.integration === 'on',
    serverVersion: values['server-version'],
    hostileNames: values.hostile,
    ...(values.cdfmc ? { cdfmc: true } : {}),
  });
  if (!fleet.success)
    fail(fleet.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n'));
  const port = integer('port', values.port);
  if (port > 65535) fail('--port takes 0 to 65535');
  return { port, fleet: fleet.data, cdfmc: values.cdfmc };
}

function parse() {
  return parseArgs({
    options: {
      port: { type: 'string', default: '8443' },
      devices: { type: 'string', default: '20' },
      failing: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      integration: { type: 'string', default: 'on' },
      'server-version': { type: 'string' },
      hostile: { type: 'boolean', default: false },
      cdfmc: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
}

const { port, fleet, cdfmc } = readOptions();
const sim = await startFmcSimulator({ port, fleet, ...(cdfmc ? { cdfmc: true as const } : {}) }).catch(
  (error: Error) => fail(error.message),
);
const summary = sim.fleet();
const failing = summary.devices.filter((device) => device.failingDataTypes.length > 0).length;

const pages: [string, string][] = [
  ...MARKUPS.map((markup): [string, string] => [
    `Health Monitor (${markup.label})`,
    `/health/monitor/${markup.name}`,
  ]),
  ['Health Monitor variants', '/health/monitor'],
  ['Health Policy', '/health/policy'],
  ['Login', '/ui/login'],
  ['Help (prose only)', '/help/cloud'],
  ['Fleet control (JSON)', '/__sim/fleet'],
];
const kind = sim.cdfmc
  ? `cdFMC simulator ${sim.rest.cdfmc()?.serverVersion}`
  : `FMC simulator ${summary.serverVersion}`;
console.log(`${kind}: ${summary.devices.length} devices, ${failing} failing (seed ${summary.seed})`);
for (const [label, path] of pages) console.log(`  ${label.padEnd(38)} ${sim.url(path)}`);
if (sim.cdfmc) {
  console.log('Cloud-delivered FMC: sign in with the API token below (a simulator token, not a secret).');
  for (const [door, base] of Object.entries(sim.cdfmc.doors))
    console.log(`  ${`REST API, ${door} door`.padEnd(38)} ${base}/api/fmc_platform/v1/info/domain`);
  console.log(`  ${'API token (valid)'.padEnd(38)} ${sim.cdfmc.tokens.valid}`);
}
console.log('Ctrl+C to stop.');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
