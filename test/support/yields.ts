/**
 * Holds the tasks long pages are validated in (`src/data/slices.ts` yields to the browser through a `MessageChannel`)
 * until `release()`: a test sees what is on screen between the first slice and the rest.
 */
export function holdYields() {
  const Native = globalThis.MessageChannel;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const held = {
    yields: 0,
    release: () => release(),
    restore: () => void (globalThis.MessageChannel = Native),
  };
  class HeldChannel {
    readonly port1: { onmessage: (() => void) | null } = { onmessage: null };
    readonly port2 = {
      postMessage: () => {
        held.yields++;
        void gate.then(() => this.port1.onmessage?.());
      },
    };
  }
  globalThis.MessageChannel = HeldChannel as unknown as typeof MessageChannel;
  return held;
}
