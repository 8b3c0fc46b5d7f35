// reliability.md §3 rows "fuses" and "offline room extras" (no auto-update), from the builder config.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import config, { appFiles, electronFuses } from '../../electron.config.ts';
import { ROOT } from '../helpers/paths.ts';

const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};

describe('electron-builder config', () => {
  test('flips the fuses: no RunAsNode, NODE_OPTIONS or inspect flags; asar integrity, asar only, encrypted cookies', () => {
    assert.equal(electronFuses.runAsNode, false);
    assert.equal(electronFuses.enableNodeOptionsEnvironmentVariable, false);
    assert.equal(electronFuses.enableNodeCliInspectArguments, false);
    assert.equal(electronFuses.enableEmbeddedAsarIntegrityValidation, true);
    assert.equal(electronFuses.onlyLoadAppFromAsar, true);
    assert.equal(electronFuses.enableCookieEncryption, true);
    assert.equal(electronFuses.grantFileProtocolExtraPrivileges, false);
  });

  test('the config passes those same fuses to electron-builder', () => {
    assert.equal(config.electronFuses, electronFuses);
    assert.ok(Object.isFrozen(electronFuses));
  });

  test('packs the app into an asar from the build output only', () => {
    assert.equal(config.asar, true);
    assert.deepEqual(config.files, [...appFiles]);
    // The build output and the scenario library go in; maps, sources and CLI-only packages stay out
    // (packaging.test.ts proves the same on a real packed archive).
    for (const include of ['dist/main/**/*', 'dist/renderer/**/*', 'package.json', 'scenarios/*.yaml']) assert.ok(appFiles.includes(include), include);
    for (const exclude of ['!**/*.map', '!**/*.{ts,mts,cts}']) assert.ok(appFiles.includes(exclude), exclude);
    assert.ok(!appFiles.some((pattern) => /^(src-|test|scripts)/.test(pattern)), 'no sources, tests or scripts');
    assert.equal((config.extraMetadata as { main?: string } | undefined)?.main, 'dist/main/main.js');
    assert.equal(config.appId, 'kr.sitroom.app');
    assert.equal(config.productName, 'Sitroom');
  });

  test('publishes nothing, on any platform', () => {
    assert.equal(config.publish, null);
    for (const platform of [config.linux, config.win, config.mac]) {
      assert.ok(platform !== undefined && platform !== null);
      assert.equal((platform as { publish?: unknown }).publish, undefined);
    }
  });

  test('builds for Linux, Windows and macOS', () => {
    assert.ok(config.linux?.target);
    assert.ok(config.win?.target);
    assert.ok(config.mac?.target);
  });

  test('pins the installed Electron version', () => {
    const installed = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
      version: string;
    };
    assert.equal(config.electronVersion, installed.version);
  });

  test('no auto-update or crash-reporting package is a dependency', () => {
    const names = Object.keys({ ...packageJson.dependencies, ...packageJson.devDependencies });
    const forbidden = names.filter((name) => /updater|update-electron-app|@sentry|crashpad|bugsnag/i.test(name));
    assert.deepEqual(forbidden, []);
  });
});
