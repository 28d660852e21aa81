/**
 * The words the timeline says, one typed catalogue per locale.
 */
export interface Messages {
  feedLabel: string;
  noClient: string;
  empty: string;
  emptyHint: string;
  loading: string;
  loadingMore: string;
  endOfHistory: string;
  loadFailed: string;
  loadMoreFailed: string;
  retry: string;
  showDetail: string;
  hideDetail: string;
  by: (name: string) => string;
  unknownAuthor: string;
  loaded: (count: number) => string;
  skippedInvalid: (count: number) => string;
  amount: string;
  duration: string;
  changes: string;
  changedFrom: (field: string) => string;
  empty_value: string;
  attachments: string;
  from: string;
  to: string;
  subject: string;
  inbound: string;
  outbound: string;
  status: string;
  location: string;
  openInApp: string;
  recording: string;
  tone: Record<'failed' | 'success' | 'warning' | 'neutral', string>;
}

export const en: Messages = {
  feedLabel: 'Client activity',
  noClient: 'No client selected',
  empty: 'No activity yet for this client',
  emptyHint: 'Emails, calls, notes and other events will appear here as they happen.',
  loading: 'Loading activity…',
  loadingMore: 'Loading older activity…',
  endOfHistory: 'Beginning of history',
  loadFailed: 'Activity could not be loaded.',
  loadMoreFailed: 'Older activity could not be loaded.',
  retry: 'Retry',
  showDetail: 'Show details',
  hideDetail: 'Hide details',
  by: (name) => `by ${name}`,
  unknownAuthor: 'System',
  loaded: (count) => `${count} ${count === 1 ? 'event' : 'events'} loaded`,
  skippedInvalid: (count) => `${count} invalid ${count === 1 ? 'event was' : 'events were'} skipped`,
  amount: 'Amount',
  duration: 'Duration',
  changes: 'Changes',
  changedFrom: (field) => `${field} changed`,
  empty_value: '(empty)',
  attachments: 'Attachments',
  from: 'From',
  to: 'To',
  subject: 'Subject',
  inbound: 'Inbound',
  outbound: 'Outbound',
  status: 'Status',
  location: 'Location',
  openInApp: 'Open record',
  recording: 'Recording',
  tone: { failed: 'Failed', success: 'Succeeded', warning: 'Needs attention', neutral: '' },
};

export function messagesFor(_locale: string): Messages {
  return en;
}
