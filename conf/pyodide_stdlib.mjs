// Pyodide's standard library with its byte code: run by conf/pyodide_stdlib.py under Node.
// Pyodide ships the library as sources only, so a reader's first Run compiled about a hundred
// modules in WebAssembly before the program started (about 2 s of the first Run). Here the
// same Pyodide compiles each module once, exactly as its zipimport would (same function, same
// file names, so tracebacks and warnings are unchanged), into an unchecked hash-based .pyc
// beside its source (kept for tracebacks). The output depends on the input only.
// Usage: node pyodide_stdlib.mjs PYODIDE_DIR OUTPUT_ZIP
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { join } from "node:path";

const [pyodideDir, output] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + "/", stdout: () => {}, stderr: console.error });
pyodide.runPython(`
import importlib._bootstrap_external as external
import importlib.util
import io
import sys
import zipfile
import zipimport

archive = next(entry for entry in sys.path if entry.endswith(".zip"))
out = io.BytesIO()
with zipfile.ZipFile(archive) as source, zipfile.ZipFile(out, "w") as target:
    for info in source.infolist():
        data = source.read(info)
        target.writestr(info, data)
        if not info.filename.endswith(".py"):
            continue
        try:
            code = zipimport._compile_source(f"{archive}/{info.filename}", data)
        except SyntaxError:
            continue  # test data written to fail; importing it fails in the page as well
        pyc = external._code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
        compiled = zipfile.ZipInfo(info.filename + "c", date_time=info.date_time)
        compiled.compress_type = zipfile.ZIP_DEFLATED
        target.writestr(compiled, bytes(pyc))
with open("/tmp/stdlib.zip", "wb") as file:
    file.write(out.getvalue())
`);
writeFileSync(output, pyodide.FS.readFile("/tmp/stdlib.zip"));
