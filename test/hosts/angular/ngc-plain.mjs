// Angular 21 host: ngc's own checks of a tsconfig (TypeScript and, with strictTemplates, the templates), printed
// as `tsc --pretty false` prints errors (`src/bad.ts(13,22): error TS2322: …`), which ngc itself does not offer.
// ngc stops at the first phase with an error; here the templates are checked even when the component's own
// TypeScript has errors, so that a bad file can hold both. Angular's own codes print as ngc prints them (NG8002).
//   node ngc-plain.mjs tsconfig.bad.json
import { NodeJSFileSystem, performCompilation, readConfiguration, setFileSystem } from '@angular/compiler-cli';
import ts from 'typescript';

const isError = (d) => d.category === ts.DiagnosticCategory.Error;

/** Options and syntax first (nothing else is meaningful without them), then TypeScript and templates together. */
function gatherDiagnostics(program) {
  const early = [...program.getTsOptionDiagnostics(), ...program.getNgOptionDiagnostics(), ...program.getTsSyntacticDiagnostics()];
  if (early.some(isError)) return early;
  return [...early, ...program.getTsSemanticDiagnostics(), ...program.getNgStructuralDiagnostics(), ...program.getNgSemanticDiagnostics()];
}

setFileSystem(new NodeJSFileSystem());
const config = readConfiguration(process.argv[2] ?? 'tsconfig.json');
const diagnostics = config.errors.length
  ? config.errors
  : performCompilation({ rootNames: config.rootNames, options: config.options, emitFlags: config.emitFlags, gatherDiagnostics }).diagnostics;
const errors = diagnostics.filter(isError);
const host = { getCurrentDirectory: () => process.cwd(), getCanonicalFileName: (f) => f, getNewLine: () => '\n' };
process.stdout.write(ts.formatDiagnostics(errors, host).replace(/\bTS-99(\d{4})\b/g, 'NG$1'));
process.exitCode = errors.length ? 1 : 0;
