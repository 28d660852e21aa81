/**
 * Holds `scheduler.yield()` (how long pages are validated in slices, `src/data/slices.ts`) until `release()`: a test
 * sees what is on screen between the first slice and the rest.
 */
type Scheduler = { yield?: () => Promise<void> };

export function holdYields() {
  const global = globalThis as { scheduler?: Scheduler };
  const added = !global.scheduler;
  const scheduler: Scheduler = (global.scheduler ??= {});
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const held = {
    yields: 0,
    release: () => release(),
    restore() {
      delete scheduler.yield;
      if (added) delete global.scheduler;
    },
  };
  scheduler.yield = () => {
    held.yields++;
    return gate;
  };
  return held;
}
