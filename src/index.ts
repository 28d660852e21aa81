/**
 * Package entry: importing it defines `<client-timeline>`.
 */
import './define.js';

export { ClientTimeline } from './client-timeline.js';
export { defineClientTimeline } from './define.js';
export { ClientTimelineProvider } from './client-timeline-provider.js';
export { timelineConfig } from './context.js';
export type { TimelineConfig } from './context.js';
export type { TimelineAdapter, PageQuery, PageResult, TimelineFilter } from './data/adapter.js';
export { TimelineFetchError } from './data/adapter.js';
export { HttpAdapter } from './data/http-adapter.js';
export { timelineEventSchema, parseEvents } from './model/event.js';
export type { TimelineEvent, TimelineItem, InvalidEvent, EventDetail, Tone } from './model/event.js';
export type { TimelineErrorDetail, TimelineToggleDetail, TimelinePageDetail, TimelineOpenDetail, TimelineFilterChangeDetail, TimelineAction, TimelineActionDetail } from './events.js';
export {
  CATEGORIES,
  CATEGORY_ORDER,
  categoryOf,
  typeInfo,
  knownTypes,
  registerEventType,
  unregisterEventType,
  registerStatusColor,
  statusColor,
} from './model/catalog.js';
export type { CategoryKey, CategoryInfo, TypeInfo, TypeDefinition, DetailRenderer, DetailRenderContext, StatusColor } from './model/catalog.js';
export { loadMessages, LANGUAGES } from './i18n/messages.js';
export type { Messages, MessageOverrides } from './i18n/messages.js';
