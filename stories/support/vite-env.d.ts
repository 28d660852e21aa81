// `?inline` CSS imports and other vite module types, for the stories.
/// <reference types="vite/client" />
