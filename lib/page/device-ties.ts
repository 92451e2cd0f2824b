import { devicesOfRows } from '../detect';
import type { HintDevice, HintVerdicts } from '../protocol/hint';

/** What one hint knows of its device: null while its row is tied to none (or no diagnosis exists). */
export interface DeviceCell {
  get(): HintDevice | null;
  /** Whether this FMC has a finished diagnosis at all (the hint offers to run one when not). */
  diagnosed(): boolean;
  /** When that diagnosis finished (ms since epoch): when a device without a re-check was last read. */
  finishedAt?(): number | undefined;
  subscribe(listener: () => void): () => void;
}

interface Cell extends DeviceCell {
  set(device: HintDevice | null): void;
  notify(): void;
}

export interface DeviceTies {
  /** The cell a new hint reads; the row is tied at once when verdicts are known. */
  cellFor(row: Element): DeviceCell;
  release(row: Element): void;
  /** New verdicts (or none): every row is tied again and its hint told. */
  update(verdicts: HintVerdicts | null): void;
  /** Ties rows whose hints were just mounted, in one pass over the page's titles. */
  tie(rows: readonly Element[]): void;
}

/**
 * Ties each hinted row to its device of the FMC's diagnosis (issue 10): by name, in the row or the titles
 * above it (lib/detect/device.ts). Each hint reads its own cell and redraws only when its device changes.
 */
export function createDeviceTies(): DeviceTies {
  const cells = new Map<Element, Cell>();
  let verdicts: HintVerdicts | null = null;

  const newCell = (): Cell => {
    let device: HintDevice | null = null;
    const listeners = new Set<() => void>();
    const cell: Cell = {
      get: () => device,
      diagnosed: () => verdicts !== null,
      finishedAt: () => verdicts?.finishedAt,
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      set(next) {
        if (same(device, next)) return;
        device = next;
        cell.notify();
      },
      notify() {
        for (const listener of listeners) listener();
      },
    };
    return cell;
  };

  const tie = (rows: readonly Element[]) => {
    const devices = verdicts?.devices ?? [];
    const byId = new Map(devices.map((device) => [device.id, device]));
    const ids = devicesOfRows(rows, devices);
    rows.forEach((row, i) => {
      const id = ids[i];
      cells.get(row)?.set((id && byId.get(id)) || null);
    });
  };

  return {
    cellFor(row) {
      const cell = cells.get(row) ?? newCell();
      cells.set(row, cell);
      return cell;
    },
    release(row) {
      cells.delete(row);
    },
    update(next) {
      const before = verdicts?.finishedAt;
      verdicts = next;
      tie([...cells.keys()]);
      // A hint whose device did not change still redraws when a diagnosis appears, goes or is replaced (its
      // time is the one a cleared device's hint shows).
      if (before !== next?.finishedAt) for (const cell of cells.values()) cell.notify();
    },
    tie(rows) {
      if (verdicts && rows.length > 0) tie(rows);
    },
  };
}

function same(a: HintDevice | null, b: HintDevice | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.id === b.id &&
    a.verdict === b.verdict &&
    a.watching === b.watching &&
    a.watchState === b.watchState &&
    a.watchSince === b.watchSince &&
    a.failingSince === b.failingSince &&
    a.clearedAt === b.clearedAt
  );
}
