// The client half: Lit's hydration support first, then the element, which takes over the server's DOM.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import '../../../lib/index.js';
