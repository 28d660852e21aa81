/** A part of the element in a chunk of its own: fetched once, on first use; a failed fetch is tried again on the next `load()`. */
export interface Lazy<T> {
  /** The loaded value, `null` until it arrives. */
  readonly value: T | null;
  /** The last fetch failed (and none has succeeded since). */
  readonly failed: boolean;
  /** A fetch was started (it may still be running). */
  readonly requested: boolean;
  load(): Promise<T>;
}

/** The chunks being fetched. */
const inFlight = new Set<Promise<unknown>>();

/** Settles once the chunks being fetched now are there (or failed): what the tests wait on, instead of sleeping. */
export const chunksLoading = (): Promise<unknown> => Promise.allSettled([...inFlight]);

export function lazy<T>(fetch: () => Promise<T>): Lazy<T> {
  let pending: Promise<T> | null = null;
  const chunk = {
    value: null as T | null,
    failed: false,
    get requested() {
      return pending !== null;
    },
    load(): Promise<T> {
      if (!pending) {
        const loading = (pending = fetch().then(
          (value) => {
            chunk.failed = false;
            return (chunk.value = value);
          },
          (error: unknown) => {
            pending = null;
            chunk.failed = true;
            throw error;
          },
        ));
        inFlight.add(loading);
        const done = () => void inFlight.delete(loading);
        loading.then(done, done);
      }
      return pending;
    },
  };
  return chunk;
}
