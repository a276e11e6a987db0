// Shared by the board and the workbench (inlined into each page): the time left until `due` on the server's clock
// (offset: the server's time minus this browser's), as [h:]mm:ss, with a minus once past due (then counting up).
function slawatchCountdown(due, offset) {
  let ms = Date.parse(due) - (Date.now() + offset);
  const sign = ms < 0 ? "−" : "";
  ms = Math.abs(ms);
  const h = Math.floor(ms / 3600000), m = Math.floor(ms / 60000) % 60, s = Math.floor(ms / 1000) % 60;
  return sign + (h > 0 ? h + ":" : "") + String(m).padStart(2, "0") + ":" + String(s).padStart(2, "0");
}
