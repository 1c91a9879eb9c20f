// electron-vite's `?modulePath` import: the path of that module bundled on its own, beside the main bundle.
// Vitest runs the sources without electron-vite, and the import is then undefined (see xlsx-import.ts).
declare module '*?modulePath' {
  const path: string | undefined;
  export default path;
}
