import { DATA_TYPES, MODULE_NAME, type SimFleet } from '../fleet';
import { checkTime } from './time';

export type RowStatus = 'Success' | 'Failure';

/** One line of the module "Threat Data Updates on Devices" for one device. */
export interface HealthRow {
  device: string;
  /** The device's variant (`DeviceModel.variant`): the forms vary their markup by it. */
  deviceIndex: number;
  dataType: string;
  status: RowStatus;
  time: Date;
}

/** One device and its ten results, in the seed's order. */
export interface DeviceModel {
  index: number;
  /**
   * What the forms vary their markup by: the rank among failing devices for a failing one (so that the few
   * failing devices of a page show every variant), the fleet index for the others.
   */
  variant: number;
  name: string;
  model: string;
  domainUuid: string;
  time: Date;
  rows: HealthRow[];
  /** The data types in Failure. */
  failing: string[];
}

export interface MonitorModel {
  rows: HealthRow[];
  byDevice: DeviceModel[];
  domains: { uuid: string; name: string }[];
  devices: number;
  /** Devices with at least one Failure row. */
  failingDevices: number;
}

/** One row or item of a page that reports failing results: whose, and which data types fail in it. */
export interface FailureReport {
  device: string;
  dataTypes: string[];
}

export const MODULE_TITLE = `${MODULE_NAME} on Devices`;

/** `Threat Data Updates - Cisco Cloud Configuration - Failure`, as Cisco's prose writes the alert. */
export function alertString(row: Pick<HealthRow, 'dataType' | 'status'>): string {
  return `${MODULE_NAME} - ${row.dataType} - ${row.status}`;
}

/** `Cisco Cloud Configuration - Failure`, the bare form (the TAC note, CSCvr46845). */
export function resultString(row: Pick<HealthRow, 'dataType' | 'status'>): string {
  return `${row.dataType} - ${row.status}`;
}

/** One report per failing row: the forms that draw a row per result (the detail table, the joined string). */
export function failingRowReports(rows: readonly HealthRow[]): FailureReport[] {
  return rows
    .filter((row) => row.status === 'Failure')
    .map((row) => ({ device: row.device, dataTypes: [row.dataType] }));
}

/**
 * The ten rows per device, in the order of the seed's table. `failRows` replaces the data types that fail on
 * the fleet's failing devices; healthy devices stay healthy.
 */
export function monitorModel(fleet: SimFleet, failRows?: readonly string[]): MonitorModel {
  const rows: HealthRow[] = [];
  const byDevice: DeviceModel[] = [];
  let failingDevices = 0;
  fleet.devices.forEach((device, index) => {
    // The pages show the health module's last evaluation (fleet.ts `fixDevice`, `evaluateHealth`).
    const shown = device.shownFailingDataTypes ?? device.failingDataTypes;
    const variant = shown.length > 0 ? failingDevices : index;
    const failing = new Set(shown.length > 0 ? (failRows ?? shown) : []);
    if (failing.size > 0) failingDevices++;
    const time = checkTime(index);
    const own = DATA_TYPES.map(
      (dataType): HealthRow => ({
        device: device.name,
        deviceIndex: variant,
        dataType,
        status: failing.has(dataType) ? 'Failure' : 'Success',
        time,
      }),
    );
    rows.push(...own);
    byDevice.push({
      index,
      variant,
      name: device.name,
      model: device.model,
      domainUuid: device.domainUuid,
      time,
      rows: own,
      failing: [...failing],
    });
  });
  return {
    rows,
    byDevice,
    domains: fleet.domains.map(({ uuid, name }) => ({ uuid, name })),
    devices: fleet.devices.length,
    failingDevices,
  };
}
