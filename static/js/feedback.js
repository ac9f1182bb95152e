/* "Hjälpte denna information dig?" without a page reload, and film plays counted.
   Progressive enhancement only: every form here works as a plain POST without this file. */
(function () {
  "use strict";

  var FOCUS = "[data-feedback-focus]";

  function announce(section, text) {
    var live = section.querySelector("[data-feedback-live]");
    if (!live) { return; }
    live.textContent = "";
    // A fresh text node after a tick is announced reliably by screen readers.
    window.setTimeout(function () { live.textContent = text; }, 50);
  }

  function swap(section, html) {
    var body = section.querySelector("[data-feedback-body]");
    body.innerHTML = html;
    setUpCounter(section);
    var target = body.querySelector(FOCUS);
    if (target) {
      target.focus();
      announce(section, target.textContent.trim().replace(/\s+/g, " "));
    }
  }

  function plainSubmit(form, submitter) {
    // Fall back to the browser's own POST, keeping the chosen answer.
    if (submitter && submitter.name) {
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = submitter.name;
      input.value = submitter.value;
      form.appendChild(input);
    }
    HTMLFormElement.prototype.submit.call(form);
  }

  // Browsers without SubmitEvent.submitter: remember which answer button was used.
  var lastButton = null;
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-feedback] button[name]");
    lastButton = button || null;
  });

  function onSubmit(event) {
    var form = event.target;
    if (!form.matches || !form.matches("[data-feedback] form[data-feedback-form]")) { return; }
    var section = form.closest("[data-feedback]");
    var submitter = event.submitter || (lastButton && form.contains(lastButton) ? lastButton : null);
    var data = new FormData(form);
    if (submitter && submitter.name) { data.append(submitter.name, submitter.value); }
    event.preventDefault();
    if (form.getAttribute("aria-busy") === "true") { return; }
    form.setAttribute("aria-busy", "true");
    window.fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" }
    }).then(function (response) {
      if (response.status !== 200 && response.status !== 400) { throw new Error(String(response.status)); }
      return response.text();
    }).then(function (html) {
      swap(section, html);
    }).catch(function () {
      form.removeAttribute("aria-busy");
      plainSubmit(form, submitter);
    });
  }

  // "N tecken kvar" under the comment box, updated as the visitor types.
  function setUpCounter(root) {
    var area = root.querySelector("textarea[data-feedback-maxlength]");
    if (!area || area.dataset.counted) { return; }
    area.dataset.counted = "1";
    var max = parseInt(area.getAttribute("data-feedback-maxlength"), 10);
    var counter = document.createElement("p");
    counter.className = "feedback__count";
    counter.id = area.id + "-antal";
    counter.setAttribute("aria-live", "polite");
    area.insertAdjacentElement("afterend", counter);
    var timer = null;
    function update() {
      var left = max - area.value.replace(/\r\n/g, "\n").length;
      counter.textContent = left >= 0
        ? "Du har " + left + " tecken kvar."
        : "Du har skrivit " + (-left) + " tecken för mycket.";
      counter.classList.toggle("feedback__count--over", left < 0);
    }
    area.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, 300);
    });
    update();
  }

  // Film plays: a <video data-film-id="..."> counts once per page load when it starts.
  var counted = {};
  function onPlay(event) {
    var video = event.target;
    if (!video.matches || !video.matches("video[data-film-id]")) { return; }
    var film = video.getAttribute("data-film-id");
    if (counted[film]) { return; }
    counted[film] = true;
    var section = document.querySelector("[data-film-play-url]");
    if (!section) { return; }
    var url = section.getAttribute("data-film-play-url");
    var data = new FormData();
    data.append("film", film);
    window.fetch(url, { method: "POST", body: data, credentials: "same-origin" }).catch(function () {});
  }

  document.addEventListener("submit", onSubmit);
  document.addEventListener("play", onPlay, true);  // "play" does not bubble: listen while capturing
  document.querySelectorAll("[data-feedback]").forEach(setUpCounter);
})();
