// Svelte compiler options shared by Vite and svelte-check: runes everywhere, no legacy syntax.
export default {
  compilerOptions: { runes: true },
};
