// Solid host: the element is defined before Solid renders, so the properties Solid sets go to its setters.
import 'client-timeline';
import { render } from 'solid-js/web';
import { App } from './App.js';

const root = document.getElementById('root');
if (!root) throw new Error('the page has no #root');
render(() => <App />, root);
