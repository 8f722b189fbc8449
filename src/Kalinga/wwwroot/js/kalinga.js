// Keyboard shortcuts and small editor helpers for the agent workspace. Loaded as an ES module by the layout.
// Single-key shortcuts work like a mail client's: they are ignored while the focus is in a field, so typing is safe.
const shortcutKeys = new Set(["j", "k", "r", "n", "m", "a", "s", "x", "/", "?", "Escape"]);
let handler = null;

function isTyping(target) {
  if (!target) return false;
  const tag = target.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable;
}

export function init(dotnet) {
  dispose();
  handler = (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && e.target?.dataset?.submit) {
      e.preventDefault();
      document.getElementById(e.target.dataset.submit)?.click();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || !shortcutKeys.has(e.key)) return;
    if (e.key !== "Escape" && isTyping(e.target)) return;
    if (e.key === "/") {
      e.preventDefault();
      document.getElementById("k-search")?.focus();
      return;
    }
    e.preventDefault();
    dotnet.invokeMethodAsync("OnShortcut", e.key);
  };
  document.addEventListener("keydown", handler);
  // Says that the page is live and takes shortcuts (the prerendered page shows before its circuit connects).
  document.documentElement.dataset.shortcuts = "on";
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

export function dispose() {
  if (handler) document.removeEventListener("keydown", handler);
  handler = null;
  delete document.documentElement.dataset.shortcuts;
}

export function focus(id) {
  const el = document.getElementById(id);
  if (el) {
    el.focus();
    el.scrollIntoView({ block: "nearest" });
  }
}

export function scrollToEnd(id) {
  document.getElementById(id)?.scrollIntoView({ block: "end" });
}

// Wraps the selection of a textarea in Markdown marks (**bold**), or prefixes each selected line ("- ").
// Fires "input" so the component's binding sees the new text.
export function format(id, before, after, linePrefix) {
  const el = document.getElementById(id);
  if (!el) return;
  const start = el.selectionStart, end = el.selectionEnd, text = el.value;
  let middle = text.slice(start, end);
  if (linePrefix) {
    middle = (middle || "").split("\n").map((line, i) => linePrefix.replace("1", String(i + 1)) + line).join("\n");
  } else {
    middle = before + middle + after;
  }
  el.value = text.slice(0, start) + middle + text.slice(end);
  el.focus();
  const caret = linePrefix || start !== end ? start + middle.length : start + before.length;
  el.setSelectionRange(caret, caret);
  el.dispatchEvent(new Event("input", { bubbles: true }));
}

export function insert(id, value) {
  const el = document.getElementById(id);
  if (!el) return;
  const start = el.selectionStart;
  el.value = el.value.slice(0, start) + value + el.value.slice(el.selectionEnd);
  el.focus();
  el.setSelectionRange(start + value.length, start + value.length);
  el.dispatchEvent(new Event("input", { bubbles: true }));
}

export function load(key) {
  try { return localStorage.getItem(key); } catch { return null; }
}

export function save(key, value) {
  try { localStorage.setItem(key, value); } catch { /* private mode: the choice lasts for this page only */ }
}
