// Svelte 5 host: the element is defined before the app mounts, so Svelte finds the `adapter` and `clientId` setters
// on it and sets them as properties.
import 'client-timeline';
import { mount } from 'svelte';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('the page has no #app');
mount(App, { target });
