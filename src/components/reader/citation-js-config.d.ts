// citation-js keeps each plugin's settings in a registry; "Cite this chapter" switches two BibTeX output settings.
declare module '@citation-js/core' {
  /** The plugin registry; only its settings store is used here. */
  export const plugins: { config: { get(plugin: string): unknown } };
}
