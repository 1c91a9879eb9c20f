// Strings of one area; merged into the zh-CN and en catalogues in ../zh-CN.ts and ../en.ts.
// The LAN server against requests without a token, from other sites, and probes; a weak admin token.
export const zh = {
  'host.weakAdminToken':
    'PODIUM_ADMIN_TOKEN 太短（{length} 个字符），Podium 没有启动。管理口令至少要 {min} 个字符：' +
    '请换一个更长的口令，或不设置 PODIUM_ADMIN_TOKEN，让 Podium 每次启动时自动生成一个。',
  'error.lan.wrongHost':
    '不能通过“{host}”访问 Podium。请在浏览器中打开 Podium 控制台上显示的地址（本机地址或局域网地址）。',
  'error.lan.wrongOrigin': '其他网站的页面不能连接 Podium。请在浏览器中打开 Podium 控制台上显示的地址。',
  'error.lan.noSuchAddress': '没有这个地址。请打开 Podium 控制台上显示的地址，或扫描评委卡上的二维码。',
  'error.lan.bodyTooLarge':
    '提交的内容超过了 {limit} 的上限，主机没有接收，什么也没有改变。请减少一次提交的内容后再试。',
} as const;

export const en = {
  'host.weakAdminToken':
    'PODIUM_ADMIN_TOKEN is too short ({length} characters), so Podium did not start. The admin token must have at ' +
    'least {min} characters: choose a longer one, or leave PODIUM_ADMIN_TOKEN unset and Podium makes one at ' +
    'each start.',
  'error.lan.wrongHost':
    'Podium cannot be reached as “{host}”. Open the address shown in the Podium console (this computer’s or the LAN ' +
    'address) in the browser.',
  'error.lan.wrongOrigin':
    'Pages of other sites cannot connect to Podium. Open the address shown in the Podium console in the browser.',
  'error.lan.noSuchAddress':
    'There is no such address. Open the address shown in the Podium console, or scan the QR code on the judge card.',
  'error.lan.bodyTooLarge':
    'What was sent is larger than the limit of {limit}, so the host did not take it and nothing changed. Send less ' +
    'at a time and try again.',
} as const;
