// No preprocessing: Svelte 5 reads TypeScript in <script lang="ts"> itself.
export default {};
