// Svelte 5 host: no preprocessing; Svelte 5 reads TypeScript in <script lang="ts"> itself.
export default {};
