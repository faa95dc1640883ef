// A printable page's Print button (a list, a sheet of labels): the browser's print dialog.
'use strict';
document.querySelectorAll('[data-print]').forEach((button) => button.addEventListener('click', () => window.print()));
