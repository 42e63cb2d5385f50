package dev.paperboy.thumbnail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** PDFs for the thumbnail tests, written with PDFBox: a paper-like page, and the hostile kinds. */
final class Pdfs {
  private Pdfs() {}

  /** A letter-size first page with a title and two columns of text, as a paper's. */
  static byte[] paper(int lines) throws IOException {
    try (PDDocument document = new PDDocument()) {
      write(document, PDRectangle.LETTER, lines);
      return save(document);
    }
  }

  /** The same page, readable only with a user password. */
  static byte[] encrypted() throws IOException {
    try (PDDocument document = new PDDocument()) {
      write(document, PDRectangle.LETTER, 20);
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner secret", "user secret", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
      return save(document);
    }
  }

  /** A page of 100,000 × 100,000 points: rendered to scale it would be an enormous image. */
  static byte[] enormousPage() throws IOException {
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage(new PDRectangle(100_000, 100_000)));
      return save(document);
    }
  }

  private static void write(PDDocument document, PDRectangle size, int lines) throws IOException {
    PDPage page = new PDPage(size);
    document.addPage(page);
    PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD);
    PDType1Font roman = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
    try (PDPageContentStream text = new PDPageContentStream(document, page)) {
      text.beginText();
      text.setFont(bold, 17);
      text.newLineAtOffset(120, 720);
      text.showText("Lie Group Decompositions for Equivariant Networks");
      text.setFont(roman, 9);
      for (int i = 0; i < lines; i++) {
        text.newLineAtOffset(i == 0 ? -60 : 0, -11);
        text.showText(
            "Invariance and equivariance to geometrical transformations have proven " + i);
      }
      text.endText();
    }
  }

  private static byte[] save(PDDocument document) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.save(out);
    return out.toByteArray();
  }
}
