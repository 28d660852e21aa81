// Types for the demo's seeded data (plain JavaScript in demo/server/), as the stories use it.
declare module '*/demo/server/seed-data.mjs' {
  import type { TimelineEvent } from '../../src/model/event.js';

  export interface ClientStore {
    meta: { id: string; name: string; company: string };
    size: number;
    /** Event `i` in timeline order (newest first). */
    at(i: number): TimelineEvent;
  }
  export interface Dataset {
    seed: number;
    now: number;
    clients: Map<string, ClientStore>;
    order: string[];
  }
  export const DEFAULT_SEED: number;
  export function buildDataset(options?: { seed?: number; now?: Date | number; base?: string }): Dataset;
}
