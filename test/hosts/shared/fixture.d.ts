// The types of fixture.js for the hosts that check TypeScript, written out (not imported from the package): the
// shared folder sits outside every host's node_modules. A host passing `createAdapter()` to the element's
// `adapter` property checks these against the package's TimelineAdapter.

export interface FixtureEvent {
  id: string;
  type: string;
  occurredAt: string;
  title: string;
  author: { name: string };
  status?: string;
  detail?: Record<string, unknown>;
}

/** What the host pages render, and what scripts/test-hosts.mjs looks for. */
export declare const clients: Record<'karina' | 'lucia', FixtureEvent[]>;

/** A `TimelineAdapter` over `clients`: one page per client. */
export declare function createAdapter(): {
  fetchPage(query: { clientId: string }): Promise<{ events: FixtureEvent[]; nextCursor: null }>;
};
