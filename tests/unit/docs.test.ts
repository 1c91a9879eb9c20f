// The guide in docs/ is the one a newcomer reads: the README leads there (not to files outside the repository), and
// every link and picture in it points at a file that is there.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = process.cwd();

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/** The relative links and pictures of a Markdown file (web addresses and in-page anchors left out). */
function localLinks(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1] ?? '')
    .filter((link) => !/^(https?:|mailto:|#)/.test(link))
    .map((link) => link.replace(/#.*$/, ''));
}

describe('the user guide', () => {
  test('the README points to docs/ and to nothing outside the repository', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain('](docs/README.md)');
    expect(readme).toContain('](docs/api.md)');
    expect(readme).not.toMatch(/\.\.\/shared|DESIGN\.md|STYLE\.md/);
  });

  test('every link and picture in README.md and docs/ exists', () => {
    const files = [join(root, 'README.md'), ...markdownFiles(join(root, 'docs'))];
    const broken = files.flatMap((file) =>
      localLinks(file)
        .filter((link) => !existsSync(resolve(dirname(file), link)))
        .map((link) => `${file.slice(root.length + 1)} → ${link}`),
    );
    expect(broken).toEqual([]);
  });

  test('each page has its Chinese and its English version', () => {
    const pages = (lang: string) => readdirSync(join(root, 'docs', lang)).sort();
    expect(pages('zh-CN')).toEqual(pages('en'));
    expect(pages('zh-CN')).toEqual(
      ['contest.md', 'install.md', 'judges.md', 'host.md', 'training.md', 'troubleshooting.md'].sort(),
    );
  });
});
