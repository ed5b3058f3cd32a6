/**
 * electron-builder `afterPack` hook (electron-builder.yml): flips Electron's fuses in the packed
 * app before it is signed, so the shipped binary cannot be turned into a plain Node runtime or
 * be made to load code from outside the app archive (docs/security.md):
 *
 *   RunAsNode                              off  (ELECTRON_RUN_AS_NODE is ignored)
 *   EnableNodeOptionsEnvironmentVariable   off  (NODE_OPTIONS is ignored)
 *   EnableNodeCliInspectArguments          off  (--inspect and friends are ignored)
 *   EnableEmbeddedAsarIntegrityValidation  on   (app.asar is checked against its hash)
 *   OnlyLoadAppFromAsar                    on   (no app/ folder beside the archive is loaded)
 *
 * Uses @electron/fuses (a dependency of electron-builder; listed as a devDependency of its own).
 */
const path = require('node:path');

/** The fuse settings, by @electron/fuses option name. */
const FUSES = Object.freeze({
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
});

function loadFuses() {
  try {
    return require('@electron/fuses');
  } catch {
    throw new Error('@electron/fuses is missing: run `npm install --save-dev @electron/fuses` before packaging (the fuses must be set).');
  }
}

/** The config for flipFuses. */
function fuseConfig(fuses, platform) {
  const { FuseV1Options, FuseVersion } = fuses;
  const config = { version: FuseVersion.V1, resetAdHocDarwinSignature: platform === 'darwin' };
  for (const [name, on] of Object.entries(FUSES)) {
    if (!(name in FuseV1Options)) throw new Error(`Unknown fuse ${name} in this @electron/fuses`);
    config[FuseV1Options[name]] = on;
  }
  return config;
}

/** The Electron binary (or .app bundle) inside electron-builder's output folder. */
function electronBinary(context) {
  const platform = context.electronPlatformName;
  const product = context.packager.appInfo.productFilename;
  if (platform === 'darwin' || platform === 'mas') return path.join(context.appOutDir, `${product}.app`);
  if (platform === 'win32') return path.join(context.appOutDir, `${product}.exe`);
  return path.join(context.appOutDir, context.packager.executableName);
}

async function afterPack(context) {
  const fuses = loadFuses();
  await fuses.flipFuses(electronBinary(context), fuseConfig(fuses, context.electronPlatformName));
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.fuseConfig = fuseConfig;
module.exports.electronBinary = electronBinary;
