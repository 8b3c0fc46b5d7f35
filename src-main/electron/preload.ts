/**
 * The sandboxed preload (bundled to dist/main/preload.cjs: sandboxed preloads must be CommonJS).
 * It exposes the bridge built by createBridge and nothing else; ipcRenderer stays here.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.ts';
import { BRIDGE_CHANNEL_NAMES, BRIDGE_EVENT_NAMES } from './bridge-channels.ts';

contextBridge.exposeInMainWorld('sitroom', createBridge(ipcRenderer, BRIDGE_CHANNEL_NAMES, BRIDGE_EVENT_NAMES));
