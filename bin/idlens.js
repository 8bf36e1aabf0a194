#!/usr/bin/env node
// The `idlens` CLI (package.json "bin"): checks the Node version and the build, then loads the
// bundle (dist/main/cli.js, made by `npm run build`). Written in the oldest syntax on purpose —
// no import statement, `var`, plain functions — so that an old Node gets this far and can say
// which version it is running instead of failing on syntax it cannot read.
var MIN = [22, 12];
var running = process.versions.node;
var parts = running.split('.');
var major = Number(parts[0]);
var minor = Number(parts[1]);

var argv = process.argv.slice(2);
var langFlag = argv.indexOf('--lang') >= 0 ? argv[argv.indexOf('--lang') + 1] : '';
for (var i = 0; i < argv.length; i++) if (argv[i] === '--lang=es') langFlag = 'es';
var locale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
var es = langFlag === 'es' || (langFlag !== 'en' && /^es([_.@-]|$)/i.test(locale));

function leave(lines) {
  process.stderr.write(lines.join('\n') + '\n');
  process.exit(2);
}

if (major < MIN[0] || (major === MIN[0] && minor < MIN[1])) {
  leave(
    es
      ? [
          'idlens: esta es la versión ' +
            running +
            ' de Node; idlens necesita Node ' +
            MIN.join('.') +
            ' o posterior (se recomienda 24).',
          '  Descargue Node 24 de https://nodejs.org/ o use un gestor de versiones: nvm install 24 && nvm use 24',
          '  (fnm: fnm install 24 && fnm use 24). Luego ejecute idlens de nuevo.',
        ]
      : [
          'idlens: this is Node ' +
            running +
            '; idlens needs Node ' +
            MIN.join('.') +
            ' or newer (24 recommended).',
          '  Get Node 24 from https://nodejs.org/, or with a version manager: nvm install 24 && nvm use 24',
          '  (fnm: fnm install 24 && fnm use 24). Then run idlens again.',
        ],
  );
}

var fs = process.getBuiltinModule('node:fs');
var path = process.getBuiltinModule('node:path');
var url = process.getBuiltinModule('node:url');
var root = path.resolve(path.dirname(fs.realpathSync(process.argv[1])), '..');
var bundle = path.join(root, 'dist', 'main', 'cli.js');
if (!fs.existsSync(bundle)) {
  var missing = path.join('dist', 'main', 'cli.js');
  leave(
    es
      ? [
          'idlens: el comando todavía no está compilado (falta ' + missing + ').',
          '  Ejecute `npm run build` una vez en ' + root + ' y luego ejecute idlens de nuevo.',
        ]
      : [
          'idlens: the command is not built yet (' + missing + ' is missing).',
          '  Run `npm run build` in ' + root + ' once, then run idlens again.',
        ],
  );
}
// Inside a function so that Node versions without import() still read this file.
var load = new Function('specifier', 'return import(specifier)');
load(url.pathToFileURL(bundle).href);
