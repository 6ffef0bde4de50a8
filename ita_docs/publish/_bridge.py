"""The UNO side of the PDF converter: one process per LibreOffice worker.

This file is not imported by ita-docs. `ita_docs.publish.office` runs it as a
script with a Python that can ``import uno`` (Debian's ``python3-uno`` belongs
to the system Python, not to the one ita-docs was installed in), so it uses
the standard library and ``uno`` only::

    python3 _bridge.py PIPE_NAME CONNECT_TIMEOUT_SECONDS [--close-office-at-end]

It connects to the ``soffice.bin`` listening on the named UNO pipe, prints
``{"ready": true}`` and then answers one JSON line per request line on stdin::

    {"src": "/abs/in.docx", "dst": "/abs/out.pdf", "thai_page_numbers": true, "page_range": "1"}
    -> {"ok": true} | {"ok": false, "error": "...", "fatal": false, "code": "unreadable"}
    {"warm": true, "dst": "/abs/warm.pdf"}   (a new Thai Writer document exported: loads Writer)

``fatal`` is true when the office itself is gone (crash, disposed bridge); the
bridge then exits and the caller restarts the worker. End of input ends the
bridge; it leaves the office to the caller, who kills it, unless
``--close-office-at-end`` is given: then it asks the office to terminate first.
That is how the office goes away with ita-docs where no kernel does it for us
(Windows: when ita-docs dies, even killed, its end of the pipe closes). ``page_range``
(optional, LibreOffice's PageRange syntax such as ``"1"`` or ``"2-4"``) exports
only those pages: the live preview's first page.
"""

import contextlib
import json
import os
import sys
import time

NATIVE_NUMBERING = 12  # com.sun.star.style.NumberingType.NATIVE_NUMBERING
NO_UPDATE = 0  # com.sun.star.document.UpdateDocMode.NO_UPDATE
NEVER_EXECUTE = 0  # com.sun.star.document.MacroExecMode.NEVER_EXECUTE
PDF_FILTERS = (  # Word documents, and the analysis slides (.pptx)
    ("com.sun.star.text.TextDocument", "writer_pdf_Export"),
    ("com.sun.star.presentation.PresentationDocument", "impress_pdf_Export"),
    ("com.sun.star.sheet.SpreadsheetDocument", "calc_pdf_Export"),
    ("com.sun.star.drawing.DrawingDocument", "draw_pdf_Export"),
)


class Unreadable(Exception):
    """LibreOffice returned no document: not a file it can read."""


def main(argv):
    # Keep the protocol on our own copy of stdout; whatever else writes to fd 1
    # (LibreOffice, uno) goes to stderr instead.
    out = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)

    import uno
    from com.sun.star.beans import PropertyValue
    from com.sun.star.connection import NoConnectException
    from com.sun.star.lang import DisposedException, Locale

    def prop(name, value):
        return PropertyValue(Name=name, Value=value)

    def send(obj):
        out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        out.flush()

    pipe, connect_timeout = argv[1], float(argv[2])
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + connect_timeout
    while True:
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except NoConnectException:
            if time.monotonic() > deadline:
                send({"ready": False, "error": "no connection to LibreOffice on pipe %s" % pipe})
                return 2
            time.sleep(0.05)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    thai = Locale("th", "TH", "")

    def thai_page_numbers(doc):
        """Page numbers in Thai digits: NATIVE_NUMBERING on the page styles, Thai on the fields.

        LibreOffice ignores ``w:pgNumType w:fmt="thaiNumbers"`` on import. A page
        number field formats itself by its page style's NumberingType in the
        language of the field's own (Western, since digits are weak) character
        locale, so both are needed: NATIVE_NUMBERING alone still gives 1, 2, 3
        in an en-US field. The result is real U+0E50..U+0E59 text in the PDF.
        """
        styles = doc.getStyleFamilies().getByName("PageStyles")
        for i in range(styles.getCount()):
            style = styles.getByIndex(i)
            if style.isInUse():
                style.NumberingType = NATIVE_NUMBERING
        fields = doc.getTextFields().createEnumeration()
        while fields.hasMoreElements():
            field = fields.nextElement()
            if field.supportsService("com.sun.star.text.textfield.PageNumber"):
                field.getAnchor().CharLocale = thai
            elif field.supportsService("com.sun.star.text.textfield.PageCount"):
                field.NumberingType = NATIVE_NUMBERING
                field.getAnchor().CharLocale = thai

    def warm(req):
        """Load Writer, lay out Thai text in the templates' font and export it: the office's first
        document otherwise pays for this (about 2 s), once per office."""
        doc = desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0, (prop("Hidden", True),))
        try:
            text = doc.getText()
            text.setString("ทดสอบภาษาไทย ๑๒๓ Thai 123")
            cursor = text.createTextCursor()
            cursor.gotoEnd(True)
            cursor.CharFontName = cursor.CharFontNameComplex = "TH Sarabun New"
            cursor.CharLocaleComplex = thai
            data = uno.Any("[]com.sun.star.beans.PropertyValue", (prop("EmbedStandardFonts", True),))
            doc.storeToURL(
                uno.systemPathToFileUrl(req["dst"]),
                (prop("FilterName", "writer_pdf_Export"), prop("FilterData", data)),
            )
        finally:
            doc.close(True)

    def convert(req):
        if req.get("warm"):
            return warm(req)
        load = (
            prop("Hidden", True),
            prop("UpdateDocMode", NO_UPDATE),
            prop("MacroExecutionMode", NEVER_EXECUTE),
        )
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(req["src"]), "_blank", 0, load)
        if doc is None:
            raise Unreadable()
        try:
            if req.get("thai_page_numbers") and doc.supportsService("com.sun.star.text.TextDocument"):
                thai_page_numbers(doc)
            if hasattr(doc, "getDocumentIndexes"):
                indexes = doc.getDocumentIndexes()
                for i in range(indexes.getCount()):
                    indexes.getByIndex(i).update()
            export = next(
                (f for service, f in PDF_FILTERS if doc.supportsService(service)), "writer_pdf_Export"
            )
            options = [prop("EmbedStandardFonts", True)]
            if req.get("page_range"):
                options.append(prop("PageRange", str(req["page_range"])))
            data = uno.Any("[]com.sun.star.beans.PropertyValue", tuple(options))
            doc.storeToURL(
                uno.systemPathToFileUrl(req["dst"]), (prop("FilterName", export), prop("FilterData", data))
            )
        finally:
            doc.close(True)

    send({"ready": True})
    try:
        return serve(convert, send, DisposedException)
    except OSError:  # our caller is gone (a broken pipe): end as at the end of input
        return 0
    finally:
        if "--close-office-at-end" in argv[3:]:
            with contextlib.suppress(Exception):
                desktop.terminate()


def serve(convert, send, disposed):
    """Answer one JSON line per request line until the end of input; the exit status."""
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            convert(json.loads(line))
        except Unreadable:
            send(
                {
                    "ok": False,
                    "fatal": False,
                    "code": "unreadable",
                    "error": "LibreOffice could not open the file",
                }
            )
        except disposed as exc:
            send(
                {
                    "ok": False,
                    "fatal": True,
                    "error": "LibreOffice went away: %s" % (exc.Message or type(exc).__name__),
                }
            )
            return 3
        except OSError:
            raise
        except Exception as exc:
            message = getattr(exc, "Message", "") or str(exc) or type(exc).__name__
            fatal = "Binary URP bridge" in message or "disposed" in message.lower()
            send(
                {
                    "ok": False,
                    "fatal": fatal,
                    "error": "%s: %s" % (type(exc).__name__, message.splitlines()[0] if message else ""),
                }
            )
            if fatal:
                return 3
        else:
            send({"ok": True})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
