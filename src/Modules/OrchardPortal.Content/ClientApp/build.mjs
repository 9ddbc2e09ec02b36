// Bundles the editor into ../wwwroot/home-editor.js (one self-contained file, served locally).
// Run by ClientApp.targets when the bundle is missing or an input changed; `npm run build` by hand.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/home-editor.js'],
  outfile: '../wwwroot/home-editor.js',
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  // Keep the libraries' license notices with the code we ship.
  legalComments: 'eof',
  logLevel: 'warning',
});
