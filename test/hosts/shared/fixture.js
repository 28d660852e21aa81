// The data every framework host renders: an in-page adapter with two clients, so that a host can show that rows
// render, that a property bound by the framework (`clientId`) switches the client, and that `timeline-*` events
// reach the framework's own handlers. Plain ESM with no imports: each host bundles it as it is.

/** What the host pages render, and what scripts/test-hosts.mjs looks for. */
export const clients = {
  karina: [
    { id: 'k3', type: 'email.sent', occurredAt: '2026-11-20T15:30:00Z', title: 'Quote sent to Karina', author: { name: 'Ana Mora' }, detail: { subject: 'Veterinaria Patitas: quote', body: 'Attached, the quote we discussed.' } },
    { id: 'k2', type: 'call.logged', occurredAt: '2026-11-18T09:10:00Z', title: 'Call with Karina', author: { name: 'Ana Mora' }, detail: { durationSeconds: 420, outcome: 'Connected' } },
    { id: 'k1', type: 'note.added', occurredAt: '2026-11-02T11:00:00Z', title: 'First visit to Veterinaria Patitas', author: { name: 'Luis Vega' } },
  ],
  lucia: [
    { id: 'l2', type: 'invoice.paid', occurredAt: '2026-11-21T10:00:00Z', title: 'Invoice 1042 paid by Lucía', author: { name: 'Marta Solís' }, detail: { amount: { value: 125000, currency: 'CRC' } } },
    { id: 'l1', type: 'task.created', occurredAt: '2026-11-19T08:00:00Z', title: 'Call Lucía about the renewal', author: { name: 'Marta Solís' }, status: 'Open' },
  ],
};

/** A `TimelineAdapter` over `clients`: one page per client. */
export function createAdapter() {
  return {
    async fetchPage({ clientId }) {
      return { events: clients[clientId] ?? [], nextCursor: null };
    },
  };
}
