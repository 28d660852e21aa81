/**
 * Icons from lucide, imported one by one so only the ones used are bundled,
 * turned into cached SVG markup once per name.
 */
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import calendar from 'lucide/dist/esm/icons/calendar.mjs';
import circleDot from 'lucide/dist/esm/icons/circle-dot.mjs';
import creditCard from 'lucide/dist/esm/icons/credit-card.mjs';
import fileText from 'lucide/dist/esm/icons/file-text.mjs';
import folder from 'lucide/dist/esm/icons/folder.mjs';
import handshake from 'lucide/dist/esm/icons/handshake.mjs';
import mail from 'lucide/dist/esm/icons/mail.mjs';
import messageCircle from 'lucide/dist/esm/icons/message-circle.mjs';
import paperclip from 'lucide/dist/esm/icons/paperclip.mjs';
import pencil from 'lucide/dist/esm/icons/pencil.mjs';
import phone from 'lucide/dist/esm/icons/phone.mjs';
import receipt from 'lucide/dist/esm/icons/receipt.mjs';
import squareCheck from 'lucide/dist/esm/icons/square-check.mjs';
import user from 'lucide/dist/esm/icons/user.mjs';
import chevronDown from 'lucide/dist/esm/icons/chevron-down.mjs';
import triangleAlert from 'lucide/dist/esm/icons/triangle-alert.mjs';

/** lucide's icon format: the SVG children as [tag, attributes] pairs. */
type IconNode = [tag: string, attrs: Record<string, string | number>][];

const ICONS = {
  calendar,
  'circle-dot': circleDot,
  'credit-card': creditCard,
  'file-text': fileText,
  folder,
  handshake,
  mail,
  'message-circle': messageCircle,
  paperclip,
  pencil,
  phone,
  receipt,
  'square-check': squareCheck,
  user,
  'chevron-down': chevronDown,
  'triangle-alert': triangleAlert,
} satisfies Record<string, IconNode>;

export type IconName = keyof typeof ICONS;

const escapeAttr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

type IconMarkup = ReturnType<typeof unsafeHTML>;
const cache = new Map<IconName, IconMarkup>();

/** The markup of an icon: decorative, sized by `--ct-icon-size` through CSS. */
export function icon(name: IconName): IconMarkup {
  let result = cache.get(name);
  if (!result) {
    const body = ICONS[name]
      .map(([tag, attrs]) => `<${tag} ${Object.entries(attrs).map(([k, v]) => `${k}="${escapeAttr(String(v))}"`).join(' ')}/>`)
      .join('');
    const markup = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${body}</svg>`;
    // Static markup built from the bundled icon set, never from event data.
    result = unsafeHTML(markup);
    cache.set(name, result);
  }
  return result;
}
