// React 19 host: the element is defined before React renders, so React 19 sees `adapter` and `clientId` on it and
// sets them as properties.
import 'client-timeline';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';

const root = document.getElementById('root');
if (!root) throw new Error('the page has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
