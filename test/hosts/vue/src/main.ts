// Vue 3 host: the element is defined before the app mounts, so Vue finds `adapter` and `clientId` on it.
import 'client-timeline';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
