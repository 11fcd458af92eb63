// The Firefox sources zip holds the repository's sources only: nothing git does not track (#10).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from './browsers.mjs';

describe('sources zip', () => {
  it('#10 an untracked file (test-results/ with a local path in it) is not in the Firefox sources zip', () => {
    const dir = path.join(ROOT, 'test-results');
    const probe = path.join(dir, `zip-probe-${process.pid}.txt`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, `${ROOT}\n`);
    try {
      execFileSync('npx', ['wxt', 'zip', '-b', 'firefox'], { cwd: ROOT, stdio: 'ignore' });
      const zip = readdirSync(path.join(ROOT, '.output')).find((f) => f.endsWith('-sources.zip'));
      assert.ok(zip, 'a sources zip was made');
      const listing = execFileSync('unzip', ['-Z1', path.join(ROOT, '.output', zip)], { encoding: 'utf8' }).split('\n');
      assert.ok(listing.includes('package.json') && listing.some((f) => f.startsWith('components/')), 'the sources are there');
      assert.deepEqual(
        listing.filter((f) => f.startsWith('test-results/') || f.startsWith('node_modules/')),
        [],
      );
      const tracked = new Set(execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n'));
      assert.deepEqual(
        listing.filter((f) => f && !f.endsWith('/') && !tracked.has(f)),
        [],
        'only files git tracks',
      );
    } finally {
      rmSync(probe, { force: true });
    }
  });
});
