// A modal dialog for the keyboard: opening moves focus into it, Tab and Shift+Tab stay inside,
// Escape closes it, and closing gives focus back to the element that opened it.

const FOCUSABLE = 'a[href], button:not([disabled]), input, select, textarea, [tabindex]:not([tabindex="-1"])';

export function modal(overlay, panel, { onClose } = {}) {
  let opener = null;
  const close = () => {
    if (overlay.hidden) return;
    overlay.hidden = true;
    onClose?.();
    if (opener && document.contains(opener)) opener.focus();
    opener = null;
  };
  overlay.addEventListener('click', (e) => { if (e.target === overlay) close(); });
  overlay.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { e.preventDefault(); close(); return; }
    if (e.key !== 'Tab') return;
    const items = [...panel.querySelectorAll(FOCUSABLE)].filter((x) => x.offsetParent !== null);
    if (!items.length) return;
    const first = items[0], last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus(); }
    else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
  });
  return {
    open(from) {
      if (overlay.hidden) opener = from || document.activeElement;
      overlay.hidden = false;
      panel.tabIndex = -1;
      panel.focus();
    },
    close,
    get isOpen() { return !overlay.hidden; },
  };
}
