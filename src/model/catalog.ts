/**
 * The type catalog: how each kind of event is labelled, which icon it gets and
 * which category it belongs to. Types are dotted `category.action` names; an
 * unknown type falls back to its category, then to a generic entry.
 */
import type { IconName } from '../render/icons.js';

export interface CategoryInfo {
  /** Stable key, used for CSS (`--ct-cat-<key>`) and filtering. */
  key: string;
  label: string;
  icon: IconName;
}

const category = (key: string, label: string, icon: IconName): CategoryInfo => ({ key, label, icon });

/** Built-in categories, keyed by the first segment of a type. */
export const CATEGORIES: Record<string, CategoryInfo> = {
  email: category('email', 'Email', 'mail'),
  call: category('call', 'Call', 'phone'),
  meeting: category('meeting', 'Meeting', 'calendar'),
  task: category('task', 'Task', 'square-check'),
  note: category('note', 'Note', 'pencil'),
  proposal: category('proposal', 'Proposal', 'folder'),
  deal: category('deal', 'Deal', 'handshake'),
  quote: category('quote', 'Quote', 'file-text'),
  invoice: category('invoice', 'Invoice', 'receipt'),
  payment: category('payment', 'Payment', 'credit-card'),
  file: category('file', 'File', 'paperclip'),
  attachment: category('attachment', 'Attachment', 'paperclip'),
  chat: category('chat', 'Chat', 'message-circle'),
  contact: category('contact', 'Contact', 'user'),
  customer: category('customer', 'Customer', 'user'),
};

export const OTHER_CATEGORY = category('other', 'Activity', 'circle-dot');

/** The category of a dotted type name, or the generic one. */
export function categoryOf(type: string): CategoryInfo {
  const head = type.split('.', 1)[0].toLowerCase();
  return Object.hasOwn(CATEGORIES, head) ? CATEGORIES[head] : OTHER_CATEGORY;
}
