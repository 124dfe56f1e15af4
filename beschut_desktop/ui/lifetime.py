"""Keeping the interpreter's singletons alive for as long as Qt runs.

shiboken6 6.12 (the bindings under PySide6 6.12, the first with QtPdf as a wheel of its own)
releases one reference to ``None`` too many every time a Python override returns to C++ with
nothing (``resizeEvent``, ``sort``, a model's ``data`` for a role it does not answer), and one
to ``True`` every time a model signal such as ``layoutChanged`` is emitted from Python. On
Python 3.12 and later these objects are immortal and the extra release does nothing. On
Python 3.11 their counts run down with use: after a long day of sorting and resizing the count
reaches zero, and the interpreter stops with "Fatal Python error: bool_dealloc" (or
``none_dealloc``) — at the latest while finalizing, after Ctrl+Q.

``protect_singletons`` gives them what Python 3.12 gives them: a reference count so high that
no day of use can bring it to zero. They are statically allocated and never freed anyway, so
nothing is lost. On Python 3.12 and later it does nothing.
"""

from __future__ import annotations

import ctypes
import sys

# Far more releases than any run of the program makes (Python 3.12 uses 2**32 - 1 on 64-bit).
RESERVE = 1 << 40
SINGLETONS = (None, True, False)


def protect_singletons() -> bool:
    """Raise the reference counts of None, True and False once; True when it was needed."""
    if (
        sys.version_info >= (3, 12)
        or sys.implementation.name != "cpython"
        or getattr(sys, "_beschut_singletons_protected", False)
    ):
        return False
    for singleton in SINGLETONS:
        # ob_refcnt is the first field of every object in a release build of CPython 3.11.
        ctypes.c_ssize_t.from_address(id(singleton)).value += RESERVE
    sys._beschut_singletons_protected = True  # type: ignore[attr-defined]
    return True
