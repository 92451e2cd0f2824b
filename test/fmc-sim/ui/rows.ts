import { DATA_TYPES, MODULE_NAME, type SimFleet } from '../fleet';
import { checkTime } from './time';

export type RowStatus = 'Success' | 'Failure';

/** One line of the module "Threat Data Updates on Devices" for one device. */
export interface HealthRow {
  device: string;
  dataType: string;
  status: RowStatus;
  time: Date;
}

export interface MonitorModel {
  rows: HealthRow[];
  devices: number;
  /** Devices with at least one Failure row. */
  failingDevices: number;
}

export const MODULE_TITLE = `${MODULE_NAME} on Devices`;

/** `Threat Data Updates - Cisco Cloud Configuration - Failure`, the string the extension looks for. */
export function alertString(row: Pick<HealthRow, 'dataType' | 'status'>): string {
  return `${MODULE_NAME} - ${row.dataType} - ${row.status}`;
}

/**
 * The ten rows per device, in the order of the seed's table. `failRows` replaces the data types that fail on
 * the fleet's failing devices; healthy devices stay healthy.
 */
export function monitorModel(fleet: SimFleet, failRows?: readonly string[]): MonitorModel {
  const rows: HealthRow[] = [];
  let failingDevices = 0;
  fleet.devices.forEach((device, index) => {
    const failing = new Set(device.failingDataTypes.length > 0 ? (failRows ?? device.failingDataTypes) : []);
    if (failing.size > 0) failingDevices++;
    const time = checkTime(index);
    for (const dataType of DATA_TYPES) {
      rows.push({
        device: device.name,
        dataType,
        status: failing.has(dataType) ? 'Failure' : 'Success',
        time,
      });
    }
  });
  return { rows, devices: fleet.devices.length, failingDevices };
}
