declare module 'lucide/dist/esm/icons/*.mjs' {
  export type IconNode = [tag: string, attrs: Record<string, string | number>][];
  const node: IconNode;
  export default node;
}
