/** The words of the filter bar, search, navigation, live updates and export: `Messages.find`, English. */
export interface FindMessages {
  search: string;
  /** The search box's visible label (part of its name, `search`). */
  searchLabel: string;
  searchPlaceholder: string;
  categories: string;
  /** The categories button at narrow widths: "Categories: 3 of 11". */
  categoriesCount: (selected: number, total: number) => string;
  all: string;
  none: string;
  countsLoaded: (loaded: string) => string;
  people: string;
  peopleCount: (count: number) => string;
  /** The button of the kinds within categories (quotes, invoices, bookings…). */
  kinds: string;
  kindsCount: (count: number) => string;
  noPeople: string;
  dateRange: string;
  /** The date select's visible label. */
  dateLabel: string;
  anyTime: string;
  lastDays: (days: number) => string;
  thisYear: string;
  custom: string;
  from: string;
  to: string;
  activeFilters: string;
  remove: (what: string) => string;
  clearAll: string;
  clearFilters: string;
  noMatches: string;
  noMatchesHint: string;
  noMatchesLoaded: (loaded: string) => string;
  searching: (checked: string) => string;
  stop: string;
  stopped: (checked: string) => string;
  searchOlder: string;
  chipSearch: (q: string) => string;
  chipSince: (date: string) => string;
  chipUntil: (date: string) => string;
  chipRange: (from: string, to: string) => string;
  /** The chip of a status filter: "Status: Overdue, Paid". */
  chipStatuses: (statuses: string) => string;
  /** The chip of a record-kind filter: "Kind: Quotes". */
  chipKinds: (kinds: string) => string;
  /** The chip of one record's story: "Record: Quote EST-00042". */
  chipRecord: (record: string) => string;
  actions: string;
  jumpToDate: string;
  /** The menu item that opens the jump-to-date dialog. */
  jumpToDateItem: string;
  jump: string;
  jumping: (date: string) => string;
  jumpNotFound: (date: string) => string;
  /** A jump loading page after page: how many events so far, and the month reached. */
  jumpProgress: (count: string, reached: string) => string;
  /** Events not loaded yet between two dates (newer, older), with their number when known. */
  gap: (newer: string, older: string | null, count: string | null) => string;
  expandAll: string;
  collapseAll: string;
  exportCsv: string;
  exportJson: string;
  exporting: (count: string) => string;
  exported: (count: string) => string;
  exportFailed: (message: string) => string;
  cancel: string;
  cancelExport: string;
  newEvents: (count: number) => string;
  newEventsAnnounced: (count: number) => string;
  printedFilters: (filters: string) => string;
  /** The printed list's header without a filter. */
  printedUnfiltered: string;
  /** The printed list's title, e.g. "Activity of Karina Solís". */
  printedTitle: (client: string) => string;
  /** When the list was printed, e.g. "Printed Nov 23, 2026, 6:00 AM CST". */
  printedAt: (when: string) => string;
  matches: (count: string) => string;
}

export const findEn: FindMessages = {
  search: 'Search activity',
  searchLabel: 'Search',
  searchPlaceholder: 'Titles, text, people…  ( / )',
  categories: 'Categories',
  categoriesCount: (selected, total) => (selected === total ? 'Categories: all' : `Categories: ${selected} of ${total}`),
  all: 'All',
  none: 'None',
  countsLoaded: (loaded) => `Counts of the ${loaded} events loaded so far`,
  people: 'People',
  peopleCount: (count) => `People (${count})`,
  kinds: 'Kinds',
  kindsCount: (count) => `Kinds (${count})`,
  noPeople: 'No authors in the loaded events',
  dateRange: 'Date range',
  dateLabel: 'Dates',
  anyTime: 'Any time',
  lastDays: (days) => `Last ${days} days`,
  thisYear: 'This year',
  custom: 'Custom…',
  from: 'From',
  to: 'To',
  activeFilters: 'Active filters',
  remove: (what) => `Remove filter: ${what}`,
  clearAll: 'Clear all',
  clearFilters: 'Clear filters',
  noMatches: 'No events match these filters',
  noMatchesHint: 'Change or clear the filters to see more activity.',
  noMatchesLoaded: (loaded) => `No match among the ${loaded} events searched.`,
  searching: (checked) => `Searching older activity… ${checked} events checked`,
  stop: 'Stop',
  stopped: (checked) => `Search stopped after ${checked} events`,
  searchOlder: 'Search older activity',
  chipSearch: (q) => `“${q}”`,
  chipSince: (date) => `Since ${date}`,
  chipUntil: (date) => `Until ${date}`,
  chipRange: (from, to) => `${from} – ${to}`,
  chipStatuses: (statuses) => `Status: ${statuses}`,
  chipKinds: (kinds) => `Kind: ${kinds}`,
  chipRecord: (record) => `Record: ${record}`,
  actions: 'More actions',
  jumpToDate: 'Jump to date',
  jumpToDateItem: 'Jump to date…',
  jump: 'Go',
  jumping: (date) => `Loading activity up to ${date}…`,
  jumpNotFound: (date) => `No activity on or before ${date}`,
  jumpProgress: (count, reached) => `Loading… ${count} events, reached ${reached}`,
  gap: (newer, older, count) => `Loading ${count === null ? 'activity' : `${count} events`} from ${newer} back${older ? ` to ${older}` : ''}…`,
  expandAll: 'Expand all',
  collapseAll: 'Collapse all',
  exportCsv: 'Export CSV',
  exportJson: 'Export JSON',
  exporting: (count) => `Exporting… ${count} events`,
  exported: (count) => `Exported ${count} events`,
  exportFailed: (message) => `Export failed: ${message}`,
  cancel: 'Cancel',
  cancelExport: 'Cancel export',
  newEvents: (count) => `${count} new ${count === 1 ? 'event' : 'events'}`,
  newEventsAnnounced: (count) => `${count} new ${count === 1 ? 'event' : 'events'} above`,
  printedFilters: (filters) => `Filtered: ${filters}`,
  printedUnfiltered: 'All activity, no filter',
  printedTitle: (client) => `Activity of ${client}`,
  printedAt: (when) => `Printed ${when}`,
  matches: (count) => `${count} matching events`,
};
