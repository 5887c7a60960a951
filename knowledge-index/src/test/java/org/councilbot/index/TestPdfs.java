package org.councilbot.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** PDFs made with PDFBox for tests: one line of text per page, or pages with no text at all. */
public final class TestPdfs {
    private TestPdfs() {
    }

    /** A PDF whose page n holds {@code pages[n-1]}; an empty string leaves that page without text. */
    public static Path write(Path file, String title, String... pages) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes(title, pages));
        return file;
    }

    /** The bytes of a PDF as {@link #write} makes it, e.g. for a test web server to serve. */
    public static byte[] bytes(String title, String... pages) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            if (title != null) {
                pdf.getDocumentInformation().setTitle(title);
            }
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (String text : pages) {
                PDPage page = new PDPage();
                pdf.addPage(page);
                if (!text.isEmpty()) {
                    try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                        content.beginText();
                        content.setFont(font, 12);
                        content.newLineAtOffset(72, 700);
                        content.showText(text);
                        content.endText();
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        }
    }
}
