package mx.org.iecm.pgd.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.tika.Tika;

/**
 * What an uploaded file is, judged by its bytes (Apache Tika's magic detection), never by its name:
 * PDF, PNG, JPEG, the Office Open XML and OpenDocument documents people file as evidence, and CSV. A
 * ZIP is only a document when its entries say so (an Office package's content types, an OpenDocument's
 * {@code mimetype}), and never one with macros. HTML, SVG, XML, scripts, executables and anything else
 * are refused, each with the reason a person can read.
 */
final class EvidenceTypes {

  static final String PDF = "application/pdf";
  static final String PNG = "image/png";
  static final String JPEG = "image/jpeg";
  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
  static final String ODT = "application/vnd.oasis.opendocument.text";
  static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";
  static final String CSV = "text/csv";

  /** What people call each accepted type. */
  static final Map<String, String> LABELS = Map.of(PDF, "PDF", PNG, "imagen PNG", JPEG, "imagen JPEG",
      DOCX, "documento de Word", XLSX, "hoja de Excel", PPTX, "presentación de PowerPoint",
      ODT, "documento de OpenDocument", ODS, "hoja de OpenDocument", CSV, "CSV");

  /** The accepted types, as the refusal lists them. */
  static final String ACCEPTED = "PDF, PNG, JPEG, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), OpenDocument"
      + " (.odt, .ods) o CSV";

  private static final Map<String, String> OOXML_PARTS = Map.of("word/document.xml", DOCX, "xl/workbook.xml", XLSX,
      "ppt/presentation.xml", PPTX);
  private static final Map<String, String> REFUSED_NAMES = Map.ofEntries(
      Map.entry("text/html", "una página HTML"),
      Map.entry("application/xhtml+xml", "una página HTML"),
      Map.entry("image/svg+xml", "una imagen SVG (puede llevar código)"),
      Map.entry("application/xml", "un documento XML"),
      Map.entry("text/xml", "un documento XML"),
      Map.entry("application/x-msdownload", "un programa ejecutable"),
      Map.entry("application/x-executable", "un programa ejecutable"),
      Map.entry("application/x-sh", "un guion de comandos"),
      Map.entry("application/javascript", "un guion de JavaScript"),
      Map.entry("text/javascript", "un guion de JavaScript"),
      Map.entry("application/x-tika-msoffice",
          "un documento de Office antiguo (.doc, .xls, .ppt); guárdelo como .docx, .xlsx o .pptx"));

  private final Tika tika = new Tika();

  /** The type of a file, or why it is refused. */
  sealed interface Verdict permits Accepted, Refused {
  }

  record Accepted(String mediaType) implements Verdict {
  }

  record Refused(String reason) implements Verdict {
  }

  Verdict judge(Path file, String name) throws IOException {
    String detected;
    try (InputStream in = Files.newInputStream(file)) {
      // No name: the bytes alone decide.
      detected = tika.detect(in);
    }
    return switch (detected) {
      case PDF, PNG, JPEG -> new Accepted(detected);
      case "application/zip", "application/x-tika-ooxml", "application/x-zip-compressed" -> container(file);
      case "text/plain" -> csv(file, name);
      default -> new Refused("su contenido es " + REFUSED_NAMES.getOrDefault(detected, "de tipo " + detected)
          + ", que no se acepta como evidencia; se aceptan " + ACCEPTED);
    };
  }

  /** A ZIP: an Office Open XML or OpenDocument document, or refused. */
  private static Verdict container(Path file) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry odfType = zip.getEntry("mimetype");
      if (odfType != null) {
        String type;
        try (InputStream in = zip.getInputStream(odfType)) {
          type = new String(in.readNBytes(100), StandardCharsets.US_ASCII).strip();
        }
        if (type.equals(ODT) || type.equals(ODS)) {
          return new Accepted(type);
        }
        return new Refused("es un documento OpenDocument de tipo " + type + ", que no se acepta como evidencia; se"
            + " aceptan " + ACCEPTED);
      }
      ZipEntry contentTypes = zip.getEntry("[Content_Types].xml");
      if (contentTypes != null) {
        String types;
        try (InputStream in = zip.getInputStream(contentTypes)) {
          types = new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        }
        if (types.contains("macroenabled") || zip.stream().anyMatch(entry -> entry.getName().toLowerCase(Locale.ROOT)
            .endsWith("vbaproject.bin"))) {
          return new Refused("es un documento de Office con macros, que no se acepta como evidencia; guárdelo sin"
              + " macros (.docx, .xlsx o .pptx)");
        }
        for (Map.Entry<String, String> part : OOXML_PARTS.entrySet()) {
          if (zip.getEntry(part.getKey()) != null) {
            return new Accepted(part.getValue());
          }
        }
      }
      return new Refused("es un archivo comprimido (ZIP), que no se acepta como evidencia; adjunte cada documento"
          + " por separado");
    } catch (ZipException e) {
      return new Refused("parece un archivo comprimido, pero está dañado");
    }
  }

  /** Plain text is evidence only as CSV: named so, and text (no NUL byte). */
  private static Verdict csv(Path file, String name) throws IOException {
    if (!name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
      return new Refused("es texto sin formato; como texto solo se acepta CSV (.csv); se aceptan " + ACCEPTED);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
        for (int i = 0; i < read; i++) {
          if (buffer[i] == 0) {
            return new Refused("no es texto: un CSV no lleva bytes nulos");
          }
        }
      }
    }
    return new Accepted(CSV);
  }
}
