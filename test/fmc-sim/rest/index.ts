import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimFleet } from '../fleet';

export interface RestContext {
  /** The fleet currently simulated (the server may swap it between tests). */
  fleet(): SimFleet;
  /** Absolute origin of the simulator, for the absolute links the FMC returns. */
  origin: string;
}

/** Serves `/api/**` (the FMC REST API) and `/__sim/rest/**` (its fault switches). Returns false for other paths. */
export async function handleRest(_req: IncomingMessage, _res: ServerResponse, _ctx: RestContext): Promise<boolean> {
  return false;
}
