package mx.org.iecm.pgd.audit;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import mx.org.iecm.pgd.PgdApplication;
import mx.org.iecm.pgd.audit.CaseRecord.Check;
import mx.org.iecm.pgd.audit.CaseRecord.TaskRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The expediente as a PDF (OpenPDF) and the case list as CSV (Apache Commons CSV, UTF-8).
 */
final class CaseExports {

  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.forLanguageTag("es-MX"))
      .withZone(PgdApplication.ZONE);

  private CaseExports() {
  }

  static String when(Instant instant) {
    return instant == null ? "—" : WHEN.format(instant);
  }

  static String outcomeLabel(String outcome) {
    return switch (outcome) {
      case "closed" -> "Cerrado";
      case "cancelled" -> "Cancelado";
      default -> "En curso";
    };
  }

  static byte[] pdf(CaseRecord record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.LETTER.rotate(), 36, 36, 36, 36);
    try {
      PdfWriter.getInstance(document, out);
      document.addTitle("Expediente " + record.businessKey());
      document.open();
      Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
      Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
      Font body = FontFactory.getFont(FontFactory.HELVETICA, 9);
      document.add(new Paragraph("Expediente del ciclo " + record.businessKey(), title));
      document.add(new Paragraph("Línea " + record.actionLineId() + " · " + record.year() + " — "
          + record.lineText(), body));
      document.add(new Paragraph("Área responsable: " + record.responsibleAreaName() + " · Resultado: "
          + outcomeLabel(record.outcome()) + " · Inicio: " + when(record.startedAt())
          + (record.startedBy() == null ? "" : " (" + record.person(record.startedBy()) + ")")
          + " · Fin: " + when(record.endedAt()), body));
      if (record.cancellation() != null) {
        document.add(new Paragraph("Cancelación: " + record.cancellation().reason() + " ("
            + record.person(record.cancellation().cancelledBy()) + ")", body));
      }
      document.add(new Paragraph("Sello de integridad: " + (record.seal() == null ? "sin sello"
          : record.seal().algorithm() + " " + record.seal().digest() + " · " + when(record.seal().sealedAt())
          + " · firmó " + record.person(record.seal().sealedBy()) + (Boolean.FALSE.equals(record.seal().complete())
          ? " · sellado como INCOMPLETO: le faltan aprobaciones" : "")), body));

      document.add(new Paragraph("Verificaciones", heading));
      for (Check check : record.checks().all()) {
        document.add(new Paragraph((check.passed() ? "Cumple: " : "No cumple: ") + check.description()
            + (check.findings().isEmpty() ? "" : " — " + String.join(" ", check.findings())), body));
      }

      document.add(new Paragraph("Tareas", heading));
      PdfPTable tasks = new PdfPTable(new float[] {3, 1.6f, 1.6f, 1.4f, 1.4f, 1.4f, 1.2f, 3});
      tasks.setWidthPercentage(100);
      for (String column : List.of("Tarea", "Asignada", "Completó", "Creada", "Vence", "Completada", "Decisión",
          "Comentarios")) {
        PdfPCell cell = new PdfPCell(new Phrase(column, FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8)));
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        tasks.addCell(cell);
      }
      Font small = FontFactory.getFont(FontFactory.HELVETICA, 8);
      for (TaskRecord task : record.tasks()) {
        for (String value : List.of(task.name(), nz(record.person(task.assignee())),
            nz(record.person(task.completedBy())), when(task.created()), when(task.due()),
            when(task.completed()) + (task.late() ? " (tarde)" : ""), nz(task.decisionLabel()),
            nz(task.comments()))) {
          tasks.addCell(new Phrase(value, small));
        }
      }
      document.add(tasks);

      document.add(new Paragraph("Valores enviados", heading));
      for (TaskRecord task : record.tasks()) {
        if (task.values().isEmpty()) {
          continue;
        }
        document.add(new Paragraph(task.name() + " — " + nz(record.person(task.completedBy())) + ", "
            + when(task.completed()), body));
        task.values().forEach(line -> document.add(new Paragraph(line.label() + ": " + line.value(), small)));
      }

      document.add(new Paragraph("Versiones del programa de trabajo", heading));
      for (CaseRecord.ProgramVersionRecord version : record.programVersions()) {
        document.add(new Paragraph("Versión " + version.version() + " — " + version.reason() + " — aprobó "
            + record.person(version.approvedBy()) + " el " + when(version.approvedAt()), body));
        version.changes().forEach(change -> document.add(new Paragraph("Cambio — " + change.label() + ": «"
            + change.before() + "» → «" + change.after() + "»", small)));
        version.fields().forEach(line -> document.add(new Paragraph(line.label() + ": " + line.value(), small)));
      }
      document.add(new Paragraph("Anexo: evidencias", heading));
      if (record.evidence().isEmpty()) {
        document.add(new Paragraph("Ninguna.", body));
      }
      for (CaseRecord.EvidenceRecord file : record.evidence()) {
        document.add(new Paragraph(file.fileName() + " — " + file.typeLabel() + ", " + file.sizeLabel() + " — "
            + file.taskName() + " — adjuntó " + record.person(file.uploadedBy()) + " el " + when(file.uploadedAt()),
            body));
        document.add(new Paragraph("SHA-256: " + file.sha256(), small));
      }
      document.add(new Paragraph("Escalamientos", heading));
      record.escalations().forEach(escalation -> document.add(new Paragraph(when(escalation.at()) + " — "
          + escalation.task() + ": " + escalation.detail(), body)));
      document.add(new Paragraph("Lecciones aprendidas", heading));
      record.lessons().forEach(lesson -> document.add(new Paragraph(lesson.categoryLabel() + ": " + lesson.lesson()
          + " — " + record.person(lesson.recordedBy()), body)));
    } catch (DocumentException e) {
      throw new IllegalStateException("Could not write the PDF of " + record.businessKey(), e);
    } finally {
      document.close();
    }
    return out.toByteArray();
  }

  /** The header of the case list's CSV. */
  static final String[] CSV_HEADER =
      {"clave", "plan", "linea", "anio", "area", "nombre_area", "resultado", "inicio", "fin", "sellado"};

  /** Writes the case list as CSV, UTF-8 with a byte-order mark (spreadsheets then read the accents). */
  static CSVPrinter csvPrinter(Writer out) throws IOException {
    out.write('\uFEFF');
    return new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER).build());
  }

  static void csvRow(CSVPrinter printer, CaseList.Item item) throws IOException {
    printer.printRecord(Stream.of(item.businessKey(), item.planCode(), item.actionLineId(),
        item.year() == null ? null : String.valueOf(item.year()), item.responsibleArea(), item.responsibleAreaName(),
        outcomeLabel(item.outcome()), when(item.startedAt()), when(item.endedAt()), item.sealed() ? "sí" : "no")
        .map(CaseExports::inert).toArray());
  }

  /**
   * A cell a spreadsheet shows as text: one that starts with {@code = + - @}, a tab or a carriage
   * return would be read as a formula, so it gets a leading apostrophe (the spreadsheet convention for
   * «this is text»). Stored data reaches this file from people's input.
   */
  static String inert(String cell) {
    if (cell == null || cell.isEmpty()) {
      return cell == null ? "" : cell;
    }
    char first = cell.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
        ? "'" + cell : cell;
  }

  private static String nz(String value) {
    return value == null ? "—" : value;
  }
}
