/**
 * electron-builder configuration (`electron-builder --config electron.config.ts`). Offline by
 * design: nothing is published, nothing updates itself, native modules are not rebuilt. Fuses are
 * flipped in the packaged binary so the shipped app cannot be turned back into a Node runtime or
 * made to load unpacked code (reliability.md §3; test/electron/electron-config.test.ts).
 */
import type { Configuration } from 'electron-builder';

// electron-builder does not re-export FuseOptionsV1; derive it rather than import app-builder-lib.
type FuseOptions = NonNullable<Configuration['electronFuses']>;

export const electronFuses = Object.freeze({
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  enableCookieEncryption: true,
  // The app serves itself from app://, never file://.
  grantFileProtocolExtraPrivileges: false,
} satisfies FuseOptions);

/**
 * Where no Electron binary can be downloaded, packaging needs a local Electron distribution
 * (toolchain.md: "Electron without its binary"). Set SITROOM_ELECTRON_DIST to its folder.
 */
const electronDist = process.env['SITROOM_ELECTRON_DIST'];

/**
 * What goes into app.asar besides the production dependencies electron-builder adds from
 * package.json (test/electron/packaging.test.ts packs the real build and checks the result).
 */
export const appFiles: readonly string[] = Object.freeze([
  // dist/main/main.js (ESM), dist/main/preload.cjs, dist/renderer/ — see src-main/electron/paths.ts.
  'dist/main/**/*',
  'dist/renderer/**/*',
  'package.json',
  // The shipped scenario library. scenario-library.ts finds it at ../../scenarios/ from the bundled
  // main, i.e. app.asar/scenarios/ (Electron's fs reads inside the asar). Playthroughs and the JSON
  // Schema are for the CLI and editors, not the app.
  'scenarios/*.yaml',
  '!**/*.map',
  // TypeScript sources and declarations some packages ship (zod's src/, *.d.ts): nothing loads them.
  '!**/*.{ts,mts,cts}',
  // Production dependencies of the CLI only (bin/sitroom.js runs TypeScript through tsx, ADR 003;
  // `sitroom serve` uses ws). The bundled main process imports none of them; tsx would also bring
  // esbuild's native binary into the app.
  '!**/node_modules/{tsx,esbuild,@esbuild,get-tsconfig,resolve-pkg-maps,ws}{,/**/*}',
  // Type declarations only (docx lists @types/node as a dependency).
  '!**/node_modules/{@types,undici-types}{,/**/*}',
  // The report reads Noto Sans KR's CSS and woff2 files from fontsource (services/report/fonts.ts);
  // the .woff fallbacks are never read. The renderer's copy is bundled into dist/renderer/assets.
  '!**/node_modules/@fontsource/noto-sans-kr/files/*.woff',
  // ...and only the weights the report prints (REPORT_WEIGHTS: 400, 700): the other seven are 16 MiB.
  '!**/node_modules/@fontsource/noto-sans-kr/files/*-{100,200,300,500,600,800,900}-normal.*',
  // docx ships each entry point in five formats; the bundled main imports only "docx" as ESM
  // (dist/index.mjs, self-contained). The rest is ~15 MiB nothing loads.
  '!**/node_modules/docx/dist/*.{cjs,iife.js}',
  '!**/node_modules/docx/dist/{bibliography,charts,embedded-files,html,layout,macros,math,shapes,watermarks}.mjs',
]);

const config: Configuration = {
  appId: 'kr.sitroom.app',
  productName: 'Sitroom',
  electronVersion: '45.5.0',
  ...(electronDist === undefined || electronDist === '' ? {} : { electronDist }),
  directories: { output: 'out/release' },
  files: [...appFiles],
  extraMetadata: { main: 'dist/main/main.js' },
  asar: true,
  npmRebuild: false,
  publish: null,
  electronFuses,
  // The .deb needs a maintainer; without one electron-builder asks for an author e-mail instead.
  linux: { target: ['AppImage', 'deb'], category: 'Office', maintainer: 'Sitroom' },
  win: { target: ['nsis'] },
  mac: { target: ['dmg'], category: 'public.app-category.productivity' },
};

export default config;
