// Progressive enhancement for the portal; every page works without it.
(function () {
  document.documentElement.classList.add("js");

  // The language menu applies on change; without JavaScript its button does.
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });

  // While a customer describes a problem, show help articles that match (deflection).
  var box = document.getElementById("suggestions");
  if (!box) { return; }
  var sources = document.querySelectorAll("[data-suggest-source]");
  var timer = null, last = "";

  function render(items) {
    box.textContent = "";
    if (!items.length) { return; }
    var title = document.createElement("strong");
    title.textContent = box.dataset.title;
    var list = document.createElement("ul");
    items.forEach(function (item) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = item.url + "?from=" + encodeURIComponent(box.dataset.form);
      a.target = "_blank";
      a.rel = "noopener";
      a.innerHTML = item.titleHtml; // server-encoded, with <mark> only
      var p = document.createElement("p");
      p.innerHTML = item.snippetHtml;
      li.appendChild(a);
      li.appendChild(p);
      list.appendChild(li);
    });
    box.appendChild(title);
    box.appendChild(list);
  }

  function lookUp() {
    var text = Array.prototype.map.call(sources, function (s) { return s.value; }).join("\n").trim();
    if (text === last || text.length < 4) { return; }
    last = text;
    fetch("/kb/suggest?lang=" + encodeURIComponent(box.dataset.lang) + "&q=" + encodeURIComponent(text.slice(0, 1000)))
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(render)
      .catch(function () { /* suggestions are a help, never a blocker */ });
  }

  sources.forEach(function (s) {
    s.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(lookUp, 350);
    });
  });
})();
