package org.councilbot.index;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads a PDF's text page by page. Each page with text becomes a {@code # Page N} section, so a
 * chunk's section path ends with the page it came from and its citation can link to that page.
 */
final class PdfDocumentReader {
    static final String PAGE_HEADING = "Page ";

    SourcePage read(Path file, byte[] bytes, String url) throws SourceRejected {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String body = body(pdf);
            if (body.isBlank()) {
                throw new SourceRejected("PDF has no text layer (a scanned document?); publish a text version or"
                        + " run it through OCR");
            }
            ObjectNode fields = JsonNodeFactory.instance.objectNode();
            fields.put("title", title(pdf, file));
            fields.put("url", url);
            return SourcePage.ofPagedDocument(file, fields, body);
        } catch (InvalidPasswordException e) {
            throw new SourceRejected("PDF is password-protected");
        } catch (IOException e) {
            throw new SourceRejected("not a readable PDF: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private static String body(PDDocument pdf) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        stripper.setLineSeparator("\n");
        stripper.setParagraphEnd("\n");
        StringBuilder body = new StringBuilder();
        for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            String text = stripper.getText(pdf);
            if (text.isBlank()) {
                continue;
            }
            body.append("# ").append(PAGE_HEADING).append(page).append("\n\n");
            for (String line : text.split("\r?\n|\r", -1)) {
                String clean = line.replace('\u0000', ' ').strip();
                body.append(MarkdownEscape.plainLine(clean)).append('\n');
            }
            body.append('\n');
        }
        return body.toString();
    }

    private static String title(PDDocument pdf, Path file) {
        PDDocumentInformation info = pdf.getDocumentInformation();
        String title = info == null || info.getTitle() == null ? "" : info.getTitle().strip();
        if (!title.isEmpty()) {
            return title;
        }
        String name = file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".pdf") ? name.substring(0, name.length() - 4) : name;
    }
}
