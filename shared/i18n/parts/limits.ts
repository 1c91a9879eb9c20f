// Strings of one area; merged into the zh-CN and en catalogues in ../zh-CN.ts and ../en.ts.
// Files too big to read safely: an Excel roster that unpacks to too much, a certificate picture with too many pixels.
export const zh = {
  'error.limits.workbookUnpacked':
    '这个 Excel 文件解压后超过 {max} MB，太大了，没有导入。请另存一份只保留名单工作表的文件（删除图片和其他工作表）后再导入。',
  'error.limits.workbookRows':
    '这个 Excel 文件的一个工作表有 {rows} 行，超过了 {max} 行的上限，没有导入。请只保留名单的行（删除多余的空行和其他数据）后再导入。',
  'error.limits.workbookParts':
    '这个 Excel 文件包含 {count} 个部件，超过了 {max} 个的上限，没有导入。请另存一份只保留名单工作表的文件后再导入。',
  'error.limits.workbookTooSlow':
    '这个 Excel 文件太复杂，无法在 {seconds} 秒内读完，没有导入。请另存一份只保留名单工作表、不含公式和图片的文件后再导入。',
  'error.limits.workbookMemory':
    '读取这个 Excel 文件需要的内存太多，没有导入。请另存一份只保留名单工作表、不含图片的文件后再导入。',
  'error.limits.imagePixels':
    '这张图片有 {width}×{height} 像素，太大了，没有保存。请缩小到每边不超过 {maxSide} 像素、' +
    '共不超过 {maxMegapixels} 百万像素后再上传（A4 纸按 300 dpi 扫描约为 2480×3508 像素）。',
} as const;

export const en = {
  'error.limits.workbookUnpacked':
    'This Excel file unpacks to more than {max} MB, which is too large; nothing was imported. Save a copy with ' +
    'only the roster sheet (no pictures, no other sheets) and import that.',
  'error.limits.workbookRows':
    'A sheet of this Excel file has {rows} rows, more than the limit of {max}; nothing was imported. Keep only ' +
    "the roster's rows (delete extra blank rows and other data) and import it again.",
  'error.limits.workbookParts':
    'This Excel file has {count} parts, more than the limit of {max}; nothing was imported. Save a copy with ' +
    'only the roster sheet and import that.',
  'error.limits.workbookTooSlow':
    'This Excel file is too complex to read within {seconds} seconds; nothing was imported. Save a copy with ' +
    'only the roster sheet, without formulas or pictures, and import that.',
  'error.limits.workbookMemory':
    'Reading this Excel file needs too much memory; nothing was imported. Save a copy with only the roster ' +
    'sheet, without pictures, and import that.',
  'error.limits.imagePixels':
    'This picture is {width}×{height} pixels, which is too large; it was not saved. Scale it down to at most ' +
    '{maxSide} pixels a side and {maxMegapixels} megapixels in all, then upload it again (an A4 page scanned at ' +
    '300 dpi is about 2480×3508 pixels).',
} as const;
