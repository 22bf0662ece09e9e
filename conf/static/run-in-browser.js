// The Run button (conf/run_in_browser.py): runs a snippet, or the reader's edit of it, in this
// browser, in Python 3.14 compiled to WebAssembly (Pyodide), on the build's virtual clock,
// and compares the output with the verified one. Nothing is fetched until the first Run.
// Each run gets a fresh interpreter in its own Web Worker (run-in-browser-worker.js); a spare
// one is loaded as soon as a run starts, so the next run starts at once. Stop, a timeout and the output
// limit end the worker: the page never freezes.

const base = new URL("./run-in-browser/", import.meta.url);
let settings = null; // snippets.json: limits, runner files, verified outputs
let spare = null;

function loadSettings() {
  settings ??= fetch(new URL("snippets.json", base)).then((response) => {
    if (!response.ok) throw new Error(`snippets.json: ${response.status}`);
    return response.json();
  });
  settings.catch(() => { settings = null; }); // a later press tries again
  return settings;
}

function startWorker() {
  const worker = new Worker(new URL("run-in-browser-worker.js", import.meta.url), { type: "module" });
  const ready = new Promise((resolve, reject) => {
    worker.onmessage = (event) => {
      if (event.data.type === "ready") resolve(event.data);
      else if (event.data.type === "error") reject(new Error(event.data.message));
    };
    worker.onerror = (event) => reject(new Error(event.message || "Python could not start"));
  });
  loadSettings().then(
    (found) => worker.postMessage({
      type: "start",
      settings: { python_files: found.python_files, output_bytes: found.output_bytes },
    }),
    () => {},
  );
  const started = { worker, ready, loaded: false };
  ready.then(() => { started.loaded = true; }, () => worker.terminate());
  return started;
}

function takeWorker() {
  const taken = spare || startWorker();
  spare = null;
  document.body.dataset.runInBrowser = "loading";
  return taken;
}

// Whether the next run can start at once: "ready" once the spare interpreter has loaded.
function warmSpare() {
  if (spare) return;
  const warming = startWorker();
  spare = warming;
  document.body.dataset.runInBrowser = "loading";
  warming.ready.then(
    () => { if (spare === warming) document.body.dataset.runInBrowser = "ready"; },
    () => { if (spare === warming) spare = null; },
  );
}

function element(tag, attributes = {}, ...children) {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") made.textContent = value;
    else made.setAttribute(name, value);
  }
  made.append(...children);
  return made;
}

// A line diff (longest common subsequence), for outputs of a few dozen lines.
function lineDiff(expected, actual) {
  const a = expected.split("\n");
  const b = actual.split("\n");
  const common = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i][j] = a[i] === b[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const lines = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push(`  ${a[i]}`);
      i++;
      j++;
    } else if (j < b.length && (i === a.length || common[i][j + 1] >= common[i + 1][j])) {
      lines.push(`+ ${b[j++]}`);
    } else {
      lines.push(`- ${a[i++]}`);
    }
  }
  return lines.join("\n");
}

function codeOf(wrapper) {
  const pre = wrapper.querySelector("div.highlight pre").cloneNode(true);
  pre.querySelectorAll(".linenos").forEach((number) => number.remove());
  const text = pre.textContent;
  return text.endsWith("\n") ? text : `${text}\n`;
}

class Snippet {
  constructor(marker) {
    this.marker = marker;
    this.path = marker.dataset.snippet;
    this.name = this.path.split("/").pop();
    let wrapper = marker.previousElementSibling;
    while (wrapper && !wrapper.querySelector("div.highlight pre")) wrapper = wrapper.previousElementSibling;
    this.wrapper = wrapper;
    this.original = codeOf(wrapper);
    this.current = null; // the worker of the run under way
    const id = `${wrapper.id || this.name.replace(/\W/g, "-")}-run`;

    this.runButton = element("button", { type: "button", class: "run-button", "aria-label": `Run ${this.name}` });
    this.runButton.append(element("span", { "aria-hidden": "true", text: "▶ " }), "Run");
    this.editButton = element("button", {
      type: "button", class: "run-edit-button", "aria-expanded": "false", "aria-controls": `${id}-editor`,
      "aria-label": `Edit ${this.name}`, text: "Edit",
    });
    const caption = wrapper.querySelector(".code-block-caption");
    const buttons = element("span", { class: "run-buttons" }, this.runButton, this.editButton);
    (caption || wrapper).append(buttons);

    this.textarea = element("textarea", {
      id: `${id}-code`, class: "run-code", rows: String(Math.min(30, this.original.split("\n").length)),
      spellcheck: "false", autocapitalize: "off", autocomplete: "off", "aria-describedby": `${id}-keys`,
    });
    this.textarea.value = this.original;
    this.resetButton = element("button", { type: "button", class: "run-reset-button", text: "Reset" });
    this.editor = element(
      "div", { id: `${id}-editor`, class: "run-editor", hidden: "" },
      element("label", { for: `${id}-code`, text: `Your version of ${this.name}` }),
      element("p", { id: `${id}-keys`, class: "run-hint", text: "Ctrl+Enter runs it; Tab leaves the editor." }),
      this.textarea,
      element("div", { class: "run-toolbar" }, this.resetButton),
    );
    this.stopButton = element("button", { type: "button", class: "run-stop-button", hidden: "", text: "Stop" });
    this.status = element("p", { class: "run-status", role: "status" });
    this.outputCaption = element("p", { class: "run-output-caption" });
    this.outputPre = element("pre", { tabindex: "0" });
    this.verdict = element("div", { class: "run-verdict" });
    this.output = element(
      "div", { class: "run-output", hidden: "" },
      this.outputCaption, element("div", { class: "highlight" }, this.outputPre), this.verdict,
    );
    marker.append(this.editor, element("div", { class: "run-toolbar" }, this.status, this.stopButton), this.output);

    this.runButton.addEventListener("click", () => this.run());
    this.editButton.addEventListener("click", () => this.toggleEditor());
    this.resetButton.addEventListener("click", () => {
      this.textarea.value = this.original;
      this.say(`${this.name} is back to the program shown above.`);
      this.textarea.focus();
    });
    this.stopButton.addEventListener("click", () => this.stop("Stopped: you pressed Stop."));
    this.textarea.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.run();
      }
    });
  }

  toggleEditor() {
    const opening = this.editor.hidden;
    this.editor.hidden = !opening;
    this.editButton.setAttribute("aria-expanded", String(opening));
    if (opening) this.textarea.focus();
  }

  say(text) {
    this.status.textContent = text;
  }

  source() {
    return this.editor.hidden ? this.original : this.textarea.value;
  }

  stop(message) {
    if (!this.current) return;
    clearTimeout(this.current.timer);
    this.current.worker.terminate();
    this.current = null;
    if (document.activeElement === this.stopButton) this.runButton.focus(); // not lost with the button
    this.stopButton.hidden = true;
    this.marker.dataset.state = "stopped";
    this.say(message);
    warmSpare();
  }

  async run() {
    if (this.current) this.stop("Stopped, to run again.");
    const source = this.source();
    const edited = source !== this.original;
    this.marker.dataset.state = "loading";
    this.outputPre.textContent = "";
    this.verdict.replaceChildren();
    this.output.hidden = true;
    this.stopButton.hidden = false;
    const taken = takeWorker();
    const run = { worker: taken.worker, timer: null };
    this.current = run;
    let found;
    let python;
    try {
      if (!taken.loaded) this.say("Loading Python into this browser (the first run fetches about 13 MB)…");
      [found, python] = await Promise.all([loadSettings(), taken.ready]);
    } catch (error) {
      if (this.current === run) this.stop(`Python could not start in this browser: ${error.message}`);
      return;
    }
    warmSpare(); // loads while the reader reads this run's output: the next run starts at once
    if (this.current !== run) return; // stopped or restarted while loading
    this.marker.dataset.state = "running";
    this.say("Running…");
    this.outputCaption.textContent =
      `Output${edited ? " of your version" : ""}, produced in this browser ` +
      `(Python ${python.python}, Pyodide ${python.pyodide}, virtual clock):`;
    this.output.hidden = false;
    const started = performance.now();
    run.timer = setTimeout(
      () => this.stop(`Stopped after ${found.timeout_s} s: the program was still running (an endless loop?).`),
      found.timeout_s * 1000,
    );
    run.worker.onmessage = (event) => {
      const message = event.data;
      if (this.current !== run) return;
      if (message.type === "output") {
        this.outputPre.textContent += message.text;
      } else if (message.type === "limit") {
        this.stop(`Stopped: the program printed more than ${found.output_bytes / 1024} KiB.`);
      } else if (message.type === "error") {
        this.stop(`The run failed in this browser: ${message.message}`);
      } else if (message.type === "done") {
        clearTimeout(run.timer);
        run.worker.terminate();
        this.current = null;
        this.stopButton.hidden = true;
        this.outputPre.textContent = message.output;
        const took = Math.max(1, Math.round(performance.now() - started));
        this.say(`Finished in ${took} ms, exit status ${message.status}.`);
        this.compare(message.output, edited, python.python, found);
        this.marker.dataset.state = "done";
        warmSpare();
      }
    };
    run.worker.postMessage({ type: "run", source, name: this.name });
  }

  compare(output, edited, release, found) {
    const verified = found.snippets[this.path];
    if (!verified) return;
    const same = output === verified.output;
    const reference = `the verified output (Python ${found.release}, in the build)`;
    let text;
    const known = !edited && !same && release === found.browser_release && output === verified.browser_output;
    if (known) {
      text = `Differs from ${reference}, as expected: this browser runs Python ${release}, and that ` +
        `patch release prints this (recorded in ${verified.browser_file} and checked by the tests).`;
    } else if (edited) {
      text = same
        ? `Your version prints the same as ${reference} of the original.`
        : `Your version prints something else than ${reference} of the original program.`;
    } else if (same) {
      text = `The same as ${reference}.`;
    } else {
      text = `Differs from ${reference}. This browser runs Python ${release}` +
        (release === found.release ? "." : `, another patch release of ${found.release.split(".").slice(0, 2).join(".")}, which may print something else.`);
    }
    this.marker.dataset.verdict = same ? "same" : known ? "patch-release" : "different";
    this.verdict.append(element("p", { class: same || known ? "run-same" : "run-different", text }));
    if (!same) {
      const diff = element("pre", { tabindex: "0", text: lineDiff(verified.output, output) });
      this.verdict.append(element(
        "details", {},
        element("summary", { text: "Line by line (- verified, + this run)" }),
        element("div", { class: "highlight" }, diff),
      ));
    }
  }
}

for (const marker of document.querySelectorAll("div.run-in-browser[data-snippet]")) {
  new Snippet(marker);
}
