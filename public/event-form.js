// Enhancements for the organisers' event form (the form works without this file):
// focus the error summary, and autosave an existing event every 30 s while it changes.
const summary = document.getElementById("error-summary");
if (summary) summary.focus();

const form = document.querySelector("form.event-form[data-autosave]");
if (form) {
  const status = form.querySelector(".autosave-status");
  const version = form.querySelector('input[name="version"]');
  const german = document.documentElement.lang !== "en";
  let dirty = false;
  let busy = false;
  form.addEventListener("input", () => {
    dirty = true;
  });
  form.addEventListener("submit", () => {
    dirty = false;
  });
  const say = (de, en) => {
    if (status) status.textContent = german ? de : en;
  };
  setInterval(async () => {
    if (!dirty || busy) return;
    busy = true;
    dirty = false;
    const data = new FormData(form);
    data.delete("image");
    data.set("_action", "autosave");
    try {
      const response = await fetch(form.action, { method: "POST", body: data, headers: { accept: "application/json" }, credentials: "same-origin" });
      if (response.ok) {
        const body = await response.json();
        if (version) version.value = String(body.version);
        say(`Automatisch gespeichert um ${new Date().toLocaleTimeString("de-DE")}.`, `Saved automatically at ${new Date().toLocaleTimeString("en-GB")}.`);
      } else if (response.status === 409) {
        say("Nicht automatisch gespeichert: jemand anderes hat die Veranstaltung geändert. Bitte laden Sie die Seite neu.", "Not saved automatically: someone else changed the event. Please reload the page.");
      } else {
        dirty = true;
        say("Noch nicht automatisch gespeichert: bitte prüfen Sie Ihre Angaben und speichern Sie.", "Not saved automatically yet: please check your entries and save.");
      }
    } catch {
      dirty = true;
    } finally {
      busy = false;
    }
  }, 30_000);
}
