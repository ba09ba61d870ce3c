// Upload progress for import forms (progressive enhancement: without it the form posts as usual).
// Shows how much of the file has been sent, then that the server is checking it, in a live
// region a screen reader announces; the server's answer then replaces the page.
for (const form of document.querySelectorAll("form[data-upload-progress]")) {
  form.addEventListener("submit", (event) => {
    const file = form.querySelector("input[type=file]");
    if (!file || !file.files.length || !window.XMLHttpRequest) return;
    event.preventDefault();
    const status = document.getElementById(form.dataset.uploadProgress);
    const bar = status.querySelector("progress");
    const text = status.querySelector("[data-progress-text]");
    status.hidden = false;
    form.querySelector("button[type=submit]").disabled = true;
    const request = new XMLHttpRequest();
    request.open("POST", form.action || window.location.href);
    request.upload.addEventListener("progress", (progress) => {
      if (!progress.lengthComputable) return;
      const percent = Math.round((progress.loaded / progress.total) * 100);
      bar.value = percent;
      text.textContent = `Uploading: ${percent}% sent`;
    });
    request.upload.addEventListener("load", () => {
      bar.removeAttribute("value");
      text.textContent = "Uploaded. Checking every row of the file…";
    });
    request.addEventListener("load", () => {
      if (request.responseURL && request.responseURL !== window.location.href) {
        window.history.replaceState(null, "", request.responseURL);
      }
      document.open();
      document.write(request.responseText);
      document.close();
    });
    request.addEventListener("error", () => {
      text.textContent = "The upload failed. Check your connection and try again: nothing has been saved.";
      form.querySelector("button[type=submit]").disabled = false;
    });
    request.send(new FormData(form));
  });
}
