/**
 * Icons from lucide, imported one by one so only the ones used are bundled,
 * turned into cached SVG markup once per name. Hosts may pass their own lucide
 * icon nodes (`import { Rocket } from 'lucide'`) when registering a type.
 */
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import arrowRightLeft from 'lucide/dist/esm/icons/arrow-right-left.mjs';
import audioLines from 'lucide/dist/esm/icons/audio-lines.mjs';
import banknote from 'lucide/dist/esm/icons/banknote.mjs';
import bot from 'lucide/dist/esm/icons/bot.mjs';
import botOff from 'lucide/dist/esm/icons/bot-off.mjs';
import calendar from 'lucide/dist/esm/icons/calendar.mjs';
import calendarCheck from 'lucide/dist/esm/icons/calendar-check.mjs';
import calendarClock from 'lucide/dist/esm/icons/calendar-clock.mjs';
import calendarPlus from 'lucide/dist/esm/icons/calendar-plus.mjs';
import chevronDown from 'lucide/dist/esm/icons/chevron-down.mjs';
import circleDot from 'lucide/dist/esm/icons/circle-dot.mjs';
import clipboardList from 'lucide/dist/esm/icons/clipboard-list.mjs';
import clock from 'lucide/dist/esm/icons/clock.mjs';
import creditCard from 'lucide/dist/esm/icons/credit-card.mjs';
import externalLink from 'lucide/dist/esm/icons/external-link.mjs';
import file from 'lucide/dist/esm/icons/file.mjs';
import fileArchive from 'lucide/dist/esm/icons/file-archive.mjs';
import fileCheck from 'lucide/dist/esm/icons/file-check.mjs';
import filePenLine from 'lucide/dist/esm/icons/file-pen-line.mjs';
import fileSpreadsheet from 'lucide/dist/esm/icons/file-spreadsheet.mjs';
import fileText from 'lucide/dist/esm/icons/file-text.mjs';
import fileUp from 'lucide/dist/esm/icons/file-up.mjs';
import flag from 'lucide/dist/esm/icons/flag.mjs';
import folder from 'lucide/dist/esm/icons/folder.mjs';
import folderOpen from 'lucide/dist/esm/icons/folder-open.mjs';
import gitMerge from 'lucide/dist/esm/icons/git-merge.mjs';
import handCoins from 'lucide/dist/esm/icons/hand-coins.mjs';
import handshake from 'lucide/dist/esm/icons/handshake.mjs';
import image from 'lucide/dist/esm/icons/image.mjs';
import inbox from 'lucide/dist/esm/icons/inbox.mjs';
import listPlus from 'lucide/dist/esm/icons/list-plus.mjs';
import listTodo from 'lucide/dist/esm/icons/list-todo.mjs';
import lock from 'lucide/dist/esm/icons/lock.mjs';
import mail from 'lucide/dist/esm/icons/mail.mjs';
import mailOpen from 'lucide/dist/esm/icons/mail-open.mjs';
import mailPlus from 'lucide/dist/esm/icons/mail-plus.mjs';
import messageCircle from 'lucide/dist/esm/icons/message-circle.mjs';
import messageSquareDot from 'lucide/dist/esm/icons/message-square-dot.mjs';
import fileMusic from 'lucide/dist/esm/icons/file-music.mjs';
import notebookPen from 'lucide/dist/esm/icons/notebook-pen.mjs';
import paperclip from 'lucide/dist/esm/icons/paperclip.mjs';
import pencil from 'lucide/dist/esm/icons/pencil.mjs';
import phone from 'lucide/dist/esm/icons/phone.mjs';
import phoneIncoming from 'lucide/dist/esm/icons/phone-incoming.mjs';
import phoneMissed from 'lucide/dist/esm/icons/phone-missed.mjs';
import phoneOutgoing from 'lucide/dist/esm/icons/phone-outgoing.mjs';
import receipt from 'lucide/dist/esm/icons/receipt.mjs';
import reply from 'lucide/dist/esm/icons/reply.mjs';
import send from 'lucide/dist/esm/icons/send.mjs';
import shoppingCart from 'lucide/dist/esm/icons/shopping-cart.mjs';
import squareCheck from 'lucide/dist/esm/icons/square-check.mjs';
import stickyNote from 'lucide/dist/esm/icons/sticky-note.mjs';
import trendingUp from 'lucide/dist/esm/icons/trending-up.mjs';
import trophy from 'lucide/dist/esm/icons/trophy.mjs';
import triangleAlert from 'lucide/dist/esm/icons/triangle-alert.mjs';
import userCheck from 'lucide/dist/esm/icons/user-check.mjs';
import userMinus from 'lucide/dist/esm/icons/user-minus.mjs';
import userPen from 'lucide/dist/esm/icons/user-pen.mjs';
import userPlus from 'lucide/dist/esm/icons/user-plus.mjs';
import voicemail from 'lucide/dist/esm/icons/voicemail.mjs';

/** lucide's icon format: the SVG children as [tag, attributes] pairs. */
type IconNode = [tag: string, attrs: Record<string, string | number>][];

/** The built-in icons (lucide names). Spelled out so the published types do not depend on lucide's module paths. */
export type IconName =
  | 'arrow-right-left'
  | 'audio-lines'
  | 'banknote'
  | 'bot'
  | 'bot-off'
  | 'calendar'
  | 'calendar-check'
  | 'calendar-clock'
  | 'calendar-plus'
  | 'chevron-down'
  | 'circle-dot'
  | 'clipboard-list'
  | 'clock'
  | 'credit-card'
  | 'external-link'
  | 'file'
  | 'file-archive'
  | 'file-check'
  | 'file-pen-line'
  | 'file-spreadsheet'
  | 'file-text'
  | 'file-up'
  | 'flag'
  | 'folder'
  | 'folder-open'
  | 'git-merge'
  | 'hand-coins'
  | 'handshake'
  | 'image'
  | 'inbox'
  | 'list-plus'
  | 'list-todo'
  | 'lock'
  | 'mail'
  | 'mail-open'
  | 'mail-plus'
  | 'message-circle'
  | 'message-square-dot'
  | 'file-music'
  | 'notebook-pen'
  | 'paperclip'
  | 'pencil'
  | 'phone'
  | 'phone-incoming'
  | 'phone-missed'
  | 'phone-outgoing'
  | 'receipt'
  | 'reply'
  | 'send'
  | 'shopping-cart'
  | 'square-check'
  | 'sticky-note'
  | 'trending-up'
  | 'trophy'
  | 'triangle-alert'
  | 'user-check'
  | 'user-minus'
  | 'user-pen'
  | 'user-plus'
  | 'voicemail';

const ICONS: Record<IconName, IconNode> = {
  'arrow-right-left': arrowRightLeft,
  'audio-lines': audioLines,
  banknote,
  bot,
  'bot-off': botOff,
  calendar,
  'calendar-check': calendarCheck,
  'calendar-clock': calendarClock,
  'calendar-plus': calendarPlus,
  'chevron-down': chevronDown,
  'circle-dot': circleDot,
  'clipboard-list': clipboardList,
  clock,
  'credit-card': creditCard,
  'external-link': externalLink,
  file,
  'file-archive': fileArchive,
  'file-check': fileCheck,
  'file-pen-line': filePenLine,
  'file-spreadsheet': fileSpreadsheet,
  'file-text': fileText,
  'file-up': fileUp,
  flag,
  folder,
  'folder-open': folderOpen,
  'git-merge': gitMerge,
  'hand-coins': handCoins,
  handshake,
  image,
  inbox,
  'list-plus': listPlus,
  'list-todo': listTodo,
  lock,
  mail,
  'mail-open': mailOpen,
  'mail-plus': mailPlus,
  'message-circle': messageCircle,
  'message-square-dot': messageSquareDot,
  'file-music': fileMusic,
  'notebook-pen': notebookPen,
  paperclip,
  pencil,
  phone,
  'phone-incoming': phoneIncoming,
  'phone-missed': phoneMissed,
  'phone-outgoing': phoneOutgoing,
  receipt,
  reply,
  send,
  'shopping-cart': shoppingCart,
  'square-check': squareCheck,
  'sticky-note': stickyNote,
  'trending-up': trendingUp,
  trophy,
  'triangle-alert': triangleAlert,
  'user-check': userCheck,
  'user-minus': userMinus,
  'user-pen': userPen,
  'user-plus': userPlus,
  voicemail,
};


/** A built-in icon name, or a lucide icon node supplied by the host. */
export type IconSource = IconName | IconNode;

const escapeAttr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

type IconMarkup = ReturnType<typeof unsafeHTML>;
const cache = new Map<IconName | IconNode, IconMarkup>();

const isIconNode = (value: unknown): value is IconNode =>
  Array.isArray(value) && value.every((part) => Array.isArray(part) && typeof part[0] === 'string' && /^[a-z]+$/.test(part[0]) && typeof part[1] === 'object');

/** The markup of an icon: decorative, sized by `--ct-icon-size` through CSS. Unknown names fall back to a dot. */
export function icon(source: IconSource): IconMarkup {
  let result = cache.get(source);
  if (!result) {
    const node: IconNode = typeof source === 'string' ? (ICONS[source] ?? ICONS['circle-dot']) : isIconNode(source) ? source : ICONS['circle-dot'];
    const body = node
      .map(([tag, attrs]) => `<${tag} ${Object.entries(attrs).filter(([k]) => /^[a-z][a-z-]*$/i.test(k) && !/^on/i.test(k)).map(([k, v]) => `${k}="${escapeAttr(String(v))}"`).join(' ')}/>`)
      .join('');
    const markup = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${body}</svg>`;
    // Built from bundled or host-registered icon data (tag names and attributes checked), never from event data.
    result = unsafeHTML(markup);
    cache.set(source, result);
  }
  return result;
}
