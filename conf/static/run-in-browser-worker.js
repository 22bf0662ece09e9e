// One Python interpreter (Pyodide) in a Web Worker, for exactly one run of a snippet.
// Started by run-in-browser.js ahead of need; it loads Pyodide from the site itself
// (_static/run-in-browser/, copied there by conf/run_in_browser.py), puts the handbook's
// runner files into its site-packages, imports the virtual clock, says "ready", and waits.
// Then: {type: "run", source, name} -> "output" chunks as the program writes them, and
// "done" with its exit status and its output normalised as the build normalises it.
// Past the output limit it says "limit" and sends nothing more; the page then ends the worker
// (as it does on a timeout or Stop): a runaway program never reaches the page.
import { loadPyodide } from "./run-in-browser/pyodide/pyodide.mjs";

const base = new URL("./run-in-browser/", import.meta.url);
let settings;
let runner;
let outputBytes = 0;
let captured = "";
let overLimit = false;
let loadedAfter = null;
const decoder = new TextDecoder();

function write(buffer) {
  if (overLimit) return buffer.length;
  outputBytes += buffer.length;
  const text = decoder.decode(buffer, { stream: true });
  if (outputBytes > settings.output_bytes) {
    overLimit = true;
    postMessage({ type: "limit" });
    return buffer.length;
  }
  captured += text;
  postMessage({ type: "output", text });
  return buffer.length;
}

// Loading starts as soon as the worker does, while the page still fetches the settings.
const started = performance.now();
const loading = loadPyodide({ indexURL: new URL("pyodide/", base).href, stdout: () => {}, stderr: () => {} })
  .then((pyodide) => {
    loadedAfter = performance.now() - started;
    return pyodide;
  });
loading.catch(() => {}); // reported by start()

async function start(message) {
  settings = message.settings;
  const [pyodide, files] = await Promise.all([
    loading,
    Promise.all(
      settings.python_files.map(async (name) => {
        const response = await fetch(new URL(`python/${name}`, base));
        if (!response.ok) throw new Error(`${name}: ${response.status}`);
        return [name, new Uint8Array(await response.arrayBuffer())];
      }),
    ),
  ]);
  const site = pyodide.runPython("import sysconfig; sysconfig.get_path('purelib')");
  for (const [name, bytes] of files) {
    const target = `${site}/${name}`;
    pyodide.FS.mkdirTree(target.slice(0, target.lastIndexOf("/")));
    pyodide.FS.writeFile(target, bytes);
  }
  pyodide.setStdout({ write });
  pyodide.setStderr({ write });
  runner = pyodide.pyimport("browser_runner");
  runner.prepare();
  const version = pyodide.runPython("import sys; '.'.join(map(str, sys.version_info[:3]))");
  postMessage({
    type: "ready",
    python: version,
    pyodide: pyodide.version,
    loadMs: Math.round(loadedAfter), // Pyodide itself
    readyMs: Math.round(performance.now() - started), // and the runner's files and clock
  });
}

function run(message) {
  const status = runner.run(message.source, message.name);
  if (!overLimit) postMessage({ type: "done", status, output: runner.normalised(captured) });
}

onmessage = async (event) => {
  try {
    if (event.data.type === "start") await start(event.data);
    else if (event.data.type === "run") run(event.data);
  } catch (error) {
    postMessage({ type: "error", message: String(error && error.message ? error.message : error) });
  }
};
