// Every framework entry at once, with skipLibCheck: false: the package's own .d.ts files type-check against the
// frameworks' real types (the per-framework folders skip library checks, as most hosts do).
import type {} from 'client-timeline/preact';
import type {} from 'client-timeline/react';
import type {} from 'client-timeline/solid';
import type {} from 'client-timeline/svelte';
import type {} from 'client-timeline/vue';
