import { describe, expect, it } from 'vitest';
import {
  decodeStraceString,
  isAllowed,
  parseStraceLog,
  splitArgs,
  type WriteEvent,
} from '../../audit/strace.ts';

/**
 * The disk audit is only as good as its reading of strace's log. These lines are the shapes
 * strace 6 prints with `-f -qq -y` (copied from real runs, paths changed).
 */
const LOG = String.raw`
100 execve("/usr/bin/node", ["node", "cli/idlens.ts"], 0x7ffd /* 12 vars */) = 0
100 openat(AT_FDCWD</work>, "/usr/lib/libc.so.6", O_RDONLY|O_CLOEXEC) = 3</usr/lib/libc.so.6>
100 openat(AT_FDCWD</work>, "rel.txt", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0666) = 21</work/rel.txt>
100 openat(AT_FDCWD</work>, "/nonexist/x", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0666) = -1 ENOENT (No such file or directory)
100 openat(AT_FDCWD</work>, "/proc/self/oom_score_adj", O_WRONLY) = 22</proc/100/oom_score_adj>
100 openat(AT_FDCWD</work>, "/dev/null", O_RDWR|O_CLOEXEC) = 23</dev/null>
101 openat(AT_FDCWD</work>, "/home/u/.config/idlens/settings.json.tmp-1" <unfinished ...>
100 mkdir("/home/u/.config", 0777) = 0
101 <... openat resumed>, O_WRONLY|O_CREAT|O_EXCL|O_CLOEXEC, 0600) = 24</home/u/.config/idlens/settings.json.tmp-1>
100 mkdir("/home/u/.config/idlens", 0777) = 0
101 rename("/home/u/.config/idlens/settings.json.tmp-1", "/home/u/.config/idlens/settings.json") = 0
100 ftruncate(21</work/rel.txt>, 0) = 0
100 openat(AT_FDCWD</work>, "/tmp/s/d/a b\303\251.txt", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0666) = 25</tmp/s/d/a b\303\251.txt>
100 renameat2(AT_FDCWD</work>, "x", 7</tmp/s>, "y", RENAME_NOREPLACE) = 0
100 unlinkat(7</tmp/s>, "gone", 0) = 0
100 unlinkat(7</tmp/s>, "dir", AT_REMOVEDIR) = 0
100 symlink("target", "/tmp/s/ln") = 0
100 linkat(AT_FDCWD</work>, "rel.txt", AT_FDCWD</work>, "/tmp/s/hl", 0) = 0
100 chdir("/tmp") = 0
100 unlink("s/rel2.txt") = 0
100 truncate("/tmp/s/t", 0) = 0
100 rmdir("/tmp/s/d") = 0
100 mknodat(AT_FDCWD</tmp>, "fifo", S_IFIFO|0600) = 0
100 openat(AT_FDCWD</work>, "/tmp/s/read-only", O_RDONLY|O_CLOEXEC) = 26</tmp/s/read-only>
100 newfstatat(AT_FDCWD</work>, "/tmp/s/t", {st_mode=S_IFREG|0644, st_size=0, ...}, 0) = 0
102 io_uring_setup(256, {flags=0x10000 /* IORING_SETUP_??? */, sq_thread_cpu=0}) = 4<anon_inode:[io_uring]>
`;

function summary(events: WriteEvent[]): string[] {
  return events.map((e) => `${e.op} ${e.path}`);
}

describe('reading strace logs', () => {
  it('lists every connect() attempt, a refused one included, and no write for it', () => {
    const parsed = parseStraceLog(
      String.raw`
200 connect(21<socket:[1]>, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("104.16.0.1")}, 16) = -1 EINPROGRESS (Operation now in progress)
201 connect(22<socket:[2]>, {sa_family=AF_UNIX, sun_path="/run/dbus/system_bus_socket"}, 110) = -1 ENOENT (No such file or directory)
200 openat(AT_FDCWD</work>, "/work/model.gz", O_RDONLY|O_CLOEXEC) = 23</work/model.gz>
`,
      '/work',
    );
    expect(parsed.connects).toHaveLength(2);
    expect(parsed.connects[0]).toMatch(/^200: \{sa_family=AF_INET, sin_port=htons\(443\)/);
    expect(parsed.connects[1]).toMatch(/^201: .*system_bus_socket/);
    expect(parsed.events).toEqual([]);
  });

  it('finds every creation, write, rename, removal and link; ignores reads, failures and /dev /proc', () => {
    const parsed = parseStraceLog(LOG, '/work');
    expect(summary(parsed.events)).toEqual([
      'create /work/rel.txt',
      'mkdir /home/u/.config',
      'create /home/u/.config/idlens/settings.json.tmp-1',
      'mkdir /home/u/.config/idlens',
      'rename /home/u/.config/idlens/settings.json.tmp-1',
      'create /home/u/.config/idlens/settings.json',
      'truncate /work/rel.txt',
      'create /tmp/s/d/a bé.txt',
      'rename /work/x',
      'create /tmp/s/y',
      'remove /tmp/s/gone',
      'rmdir /tmp/s/dir',
      'create /tmp/s/ln',
      'create /tmp/s/hl',
      'remove /tmp/s/rel2.txt',
      'truncate /tmp/s/t',
      'rmdir /tmp/s/d',
      'create /tmp/fifo',
    ]);
    // The resumed call is reported at the line where it started.
    expect(parsed.events[2]).toMatchObject({ pid: 101, syscall: 'openat', line: 8 });
    expect(parsed.blind).toEqual([]);
  });

  it('reports a file-I/O io_uring (SQPOLL) as a blind spot', () => {
    const parsed = parseStraceLog(
      '9 io_uring_setup(64, {flags=IORING_SETUP_SQPOLL, sq_thread_cpu=0}) = 5<anon_inode:[io_uring]>\n',
      '/',
    );
    expect(parsed.blind).toHaveLength(1);
  });

  it('decodes escapes and splits arguments at top-level commas only', () => {
    expect(decodeStraceString(String.raw`a\"b\\c\303\251\x41\n`)).toBe('a"b\\céA\n');
    expect(splitArgs('AT_FDCWD</a, b>, "x, y", {flags=O_WRONLY, mode=0}, 24')).toEqual([
      'AT_FDCWD</a, b>',
      '"x, y"',
      '{flags=O_WRONLY, mode=0}',
      '24',
    ]);
  });

  it('allows the settings file, its atomic-write siblings and the folders leading to it — nothing else', () => {
    const allow = { files: ['/home/u/.config/idlens/settings.json'] };
    const ev = (op: WriteEvent['op'], path: string): WriteEvent => ({
      pid: 1,
      syscall: 'x',
      op,
      path,
      line: 1,
    });
    expect(isAllowed(ev('create', '/home/u/.config/idlens/settings.json'), allow)).toBe(true);
    expect(isAllowed(ev('create', '/home/u/.config/idlens/settings.json.tmp-9'), allow)).toBe(true);
    expect(isAllowed(ev('mkdir', '/home/u/.config/idlens'), allow)).toBe(true);
    expect(isAllowed(ev('mkdir', '/home/u/.config'), allow)).toBe(true);
    expect(isAllowed(ev('create', '/home/u/.config/idlens/other.json'), allow)).toBe(false);
    expect(isAllowed(ev('mkdir', '/home/u/.config/idlens/Cache'), allow)).toBe(false);
    expect(isAllowed(ev('create', '/home/u/.config/idlens'), allow)).toBe(false);
    expect(isAllowed(ev('mkdir', '/home/u/.config/idl'), allow)).toBe(false);
  });
});
