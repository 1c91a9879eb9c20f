// The installers (npm run dist): electron-builder reads this file. Name and version come from package.json.
// Icons are drawn in resources/icon.svg and rendered to resources/icons/ by scripts/icons.mjs (npm run icons).
import type { Configuration } from 'electron-builder';

/** better-sqlite3 ships a Node-API binary per platform in prebuilds/: each installer keeps only its own. */
const sqlitePrebuilds = 'node_modules/better-sqlite3/prebuilds';
const onlyPrebuilds = (...keep: string[]): string[] => {
  const all = ['darwin', 'linux', 'linuxmusl', 'win32'];
  return all.filter((platform) => !keep.includes(platform)).map((platform) => `!${sqlitePrebuilds}/${platform}-*.node`);
};

const config: Configuration = {
  appId: 'org.podium.desktop',
  productName: 'Podium',
  copyright: 'Podium',
  directories: { output: 'dist', buildResources: 'resources' },
  // The three bundles electron-vite built (out/), and the production dependencies electron-builder adds itself.
  files: [
    'out/**/*',
    'package.json',
    '!out/**/*.map',
    // better-sqlite3's C sources: the binary is prebuilt, nothing is compiled.
    '!node_modules/better-sqlite3/{deps,src,binding.gyp}/**/*',
    '!node_modules/better-sqlite3/{deps,src,binding.gyp}',
  ],
  asar: true,
  // A native module cannot be loaded from inside the asar archive.
  asarUnpack: ['node_modules/better-sqlite3/**/*.node'],
  // Node-API binaries work in Electron as they are: no rebuild against Electron's headers.
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  fileAssociations: [
    {
      ext: 'podium',
      name: 'Podium event archive',
      description: 'Podium 活动存档',
      mimeType: 'application/x-podium-archive',
      role: 'Editor',
      icon: 'icons/icon',
    },
  ],
  win: {
    target: [
      { target: 'nsis', arch: ['x64'] },
      // For laptops where installing is not allowed: one .exe that runs from a USB stick.
      { target: 'portable', arch: ['x64'] },
    ],
    icon: 'resources/icons/icon.ico',
    files: onlyPrebuilds('win32'),
  },
  nsis: {
    // Per user, without administrator rights: street-office laptops are often locked down.
    oneClick: false,
    perMachine: false,
    allowElevation: false,
    allowToChangeInstallationDirectory: true,
    installerLanguages: ['zh_CN'],
    language: '2052',
    createDesktopShortcut: 'always',
    createStartMenuShortcut: true,
    shortcutName: 'Podium 赛会通',
    uninstallDisplayName: 'Podium 赛会通',
    artifactName: 'Podium-Setup-${version}.${ext}',
  },
  portable: { artifactName: 'Podium-${version}-portable.${ext}' },
  mac: {
    target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
    category: 'public.app-category.productivity',
    icon: 'resources/icons/icon.icns',
    files: onlyPrebuilds('darwin'),
  },
  dmg: { artifactName: 'Podium-${version}-${arch}.${ext}' },
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    category: 'Office',
    icon: 'resources/icons/png',
    maintainer: 'Podium <podium@example.org>',
    synopsis: '演讲比赛与培训班现场管理',
    files: onlyPrebuilds('linux', 'linuxmusl'),
  },
  appImage: { artifactName: 'Podium-${version}-${arch}.${ext}' },
  deb: { artifactName: 'podium_${version}_${arch}.${ext}' },
  publish: null,
};

export default config;
