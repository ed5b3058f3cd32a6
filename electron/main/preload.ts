/**
 * The preload runs sandboxed (sandbox: true), so it may require only `electron`. It exposes
 * ONE function on ONE fixed channel; the main process checks the sender and validates the
 * method name and arguments (electron/backend/dispatch.ts). The channel name is repeated in
 * main.ts (a unit test checks they match) because a sandboxed preload cannot import our files.
 */
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('turnusBridge', {
  invoke: (method: string, args: unknown[]): Promise<unknown> => ipcRenderer.invoke('turnus:invoke', method, args),
});
