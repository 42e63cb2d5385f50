package dev.paperboy.ingest.arxiv;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one way this package reads XML (docs/reliability.md ING-2): no DTD processing, no external
 * entities, no resolver that fetches anything, and a document that carries a DOCTYPE at all is
 * refused by {@link #next}. arXiv's formats never need one, so XXE, external DTDs and entity bombs
 * are all stopped before any entity is expanded.
 */
final class SafeXml {
  private static final XMLInputFactory FACTORY = factory();

  private SafeXml() {}

  private static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external entities are not allowed: " + systemId);
        });
    return factory;
  }

  static XMLStreamReader open(InputStream in) {
    try {
      return FACTORY.createXMLStreamReader(in);
    } catch (XMLStreamException | RuntimeException e) {
      throw new ArxivFormatException("not XML: " + e.getMessage(), e);
    }
  }

  /** The next event; a DOCTYPE or a parse error becomes {@link ArxivFormatException}. */
  static int next(XMLStreamReader reader) {
    try {
      int event = reader.next();
      if (event == XMLStreamReader.DTD || event == XMLStreamReader.ENTITY_REFERENCE) {
        throw new ArxivFormatException("a DOCTYPE or entity reference is not allowed in arXiv XML");
      }
      return event;
    } catch (XMLStreamException e) {
      throw new ArxivFormatException("malformed XML: " + e.getMessage(), e);
    } catch (ArxivFormatException e) {
      throw e;
    } catch (RuntimeException e) {
      // The JDK parser sometimes fails with an unchecked exception instead of its own, e.g. a
      // MissingResourceException for a bad character in a DTD (found by fuzzing).
      throw new ArxivFormatException("malformed XML: " + e, e);
    }
  }

  /** Sees each element start; answers true when it read the element to its end. */
  @FunctionalInterface
  interface ElementVisitor {
    boolean visit(String localName);
  }

  /**
   * Walks the whole document, showing the visitor every element start; elements it does not read
   * are walked into, so their children are shown too.
   */
  static void document(XMLStreamReader reader, ElementVisitor visitor) {
    for (int event = next(reader); event != XMLStreamReader.END_DOCUMENT; event = next(reader)) {
      if (event == XMLStreamReader.START_ELEMENT) {
        visitor.visit(reader.getLocalName());
      }
    }
  }

  /**
   * Walks the inside of the current element to its end tag, as {@link #document} does the document;
   * the reader is left on that end tag.
   *
   * @param what names the element in the error when the document ends inside it
   */
  static void inside(XMLStreamReader reader, String what, ElementVisitor visitor) {
    int depth = 1;
    while (depth > 0) {
      switch (next(reader)) {
        case XMLStreamReader.START_ELEMENT -> {
          if (!visitor.visit(reader.getLocalName())) {
            depth++;
          }
        }
        case XMLStreamReader.END_ELEMENT -> depth--;
        case XMLStreamReader.END_DOCUMENT ->
            throw new ArxivFormatException("truncated XML inside " + what);
        default -> {}
      }
    }
  }

  /** The text of the current element, which must hold text only; leaves the reader on its end. */
  static String text(XMLStreamReader reader) {
    StringBuilder text = new StringBuilder();
    int depth = 1;
    while (depth > 0) {
      int event = next(reader);
      switch (event) {
        case XMLStreamReader.CHARACTERS, XMLStreamReader.CDATA, XMLStreamReader.SPACE ->
            text.append(reader.getText());
        case XMLStreamReader.START_ELEMENT -> depth++;
        case XMLStreamReader.END_ELEMENT -> depth--;
        case XMLStreamReader.END_DOCUMENT -> throw new ArxivFormatException("truncated XML");
        default -> {}
      }
    }
    return text.toString();
  }

  static void close(XMLStreamReader reader) {
    try {
      reader.close();
    } catch (XMLStreamException e) {
      // Closing a reader over a stream we do not own; nothing left to release.
    }
  }
}
