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

const config: Configuration = {
  appId: 'kr.sitroom.app',
  productName: 'Sitroom',
  electronVersion: '45.5.0',
  ...(electronDist === undefined || electronDist === '' ? {} : { electronDist }),
  directories: { output: 'out/release' },
  // dist/main/main.js (ESM), dist/main/preload.cjs, dist/renderer/ — see src-main/electron/paths.ts.
  files: ['dist/**/*', 'package.json'],
  extraMetadata: { main: 'dist/main/main.js' },
  asar: true,
  npmRebuild: false,
  publish: null,
  electronFuses,
  linux: { target: ['AppImage', 'deb'], category: 'Office' },
  win: { target: ['nsis'] },
  mac: { target: ['dmg'], category: 'public.app-category.productivity' },
};

export default config;
