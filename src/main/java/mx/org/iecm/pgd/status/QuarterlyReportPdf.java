package mx.org.iecm.pgd.status;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.stream.Collectors;
import mx.org.iecm.pgd.measurement.Quantities;
import mx.org.iecm.pgd.measurement.RollUp;
import mx.org.iecm.pgd.status.StatusReport.GroupTotals;

/** The quarterly report as a PDF: summary, policies, objectives, then each program with its chart and lines. */
final class QuarterlyReportPdf {

  static final Color GREEN = new Color(0x2e, 0x7d, 0x32);
  static final Color YELLOW = new Color(0xf9, 0xa8, 0x25);
  static final Color RED = new Color(0xc6, 0x28, 0x28);
  static final Color GREY = new Color(0x9e, 0x9e, 0x9e);
  private static final float CHART_WIDTH = 500;
  private static final float BAR_HEIGHT = 12;
  private static final float ROW_HEIGHT = 18;
  private static final float LABEL_WIDTH = 40;
  private static final float BAR_WIDTH = 360;

  private QuarterlyReportPdf() {
  }

  static byte[] write(QuarterlyReport.Contents contents) {
    StatusReport status = contents.status();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.LETTER, 40, 40, 40, 40);
    try {
      PdfWriter writer = PdfWriter.getInstance(document, out);
      document.addTitle(QuarterlyReport.TITLE + " " + status.year());
      document.open();
      Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 15);
      Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
      Font body = FontFactory.getFont(FontFactory.HELVETICA, 9);
      document.add(new Paragraph(QuarterlyReport.TITLE, title));
      document.add(new Paragraph(status.planCode() + " · año " + status.year() + " · " + contents.quarterLabel()
          + " · corte al " + contents.cutOffLabel(), body));
      document.add(new Paragraph("Cumplimiento: promedio del cumplimiento de cada indicador medido contra la meta"
          + " de su periodo, con tope de " + RollUp.CAP + " % por indicador; verde desde 90 %, amarillo desde"
          + " 70 %, rojo por debajo. Avance: promedio del avance ponderado informado por cada línea.", body));

      document.add(new Paragraph("Resumen del plan", heading));
      document.add(totalsTable(List.of(new GroupTotals("", "Plan completo", status.totals())), "Plan"));
      document.add(new Paragraph("Por política general", heading));
      document.add(totalsTable(status.policies(), "Política"));
      document.add(new Paragraph("Por objetivo estratégico", heading));
      document.add(totalsTable(status.objectives(), "Objetivo"));

      for (GroupTotals program : status.programs()) {
        document.newPage();
        document.add(new Paragraph("Programa " + program.number() + ". " + program.text(), heading));
        document.add(new Paragraph("Cumplimiento del programa: " + achievement(program.totals().achievement(),
            program.totals().colour()) + " · avance promedio: " + percent(program.totals().averageProgress())
            + " · indicadores en verde, amarillo y rojo: " + colours(program.totals()), body));
        List<LineStatus> lines = status.lines().stream().filter(line -> line.program().equals(program.number()))
            .toList();
        document.add(new Paragraph("Gráfica del programa " + program.number()
            + ": cumplimiento por línea de acción", body));
        document.add(chart(writer, lines));
        document.add(linesTable(lines));
      }
    } catch (DocumentException e) {
      throw new IllegalStateException("Could not write the quarterly report of " + status.year(), e);
    } finally {
      document.close();
    }
    return out.toByteArray();
  }

  /** Horizontal bars, one per line: its achievement (to 100 %), coloured; «sin medición» when it has none. */
  private static Image chart(PdfWriter writer, List<LineStatus> lines) throws DocumentException {
    float height = lines.size() * ROW_HEIGHT + 20;
    PdfTemplate template = writer.getDirectContent().createTemplate(CHART_WIDTH, height);
    BaseFont font = FontFactory.getFont(FontFactory.HELVETICA).getCalculatedBaseFont(false);
    float y = height - ROW_HEIGHT;
    for (LineStatus line : lines) {
      text(template, font, line.actionLineId(), 0, y + 2);
      template.setColorStroke(GREY);
      template.setLineWidth(0.5f);
      template.rectangle(LABEL_WIDTH, y, BAR_WIDTH, BAR_HEIGHT);
      template.stroke();
      if (line.achievement() != null) {
        template.setColorFill(colour(line.colour()));
        template.rectangle(LABEL_WIDTH, y, (float) (BAR_WIDTH * Math.min(100, line.achievement()) / 100), BAR_HEIGHT);
        template.fill();
      }
      text(template, font, line.achievement() == null ? "sin medición" : number(line.achievement()) + " %",
          LABEL_WIDTH + BAR_WIDTH + 8, y + 2);
      y -= ROW_HEIGHT;
    }
    // The scale under the bars: 0, 50 and 100 %.
    for (int mark : new int[] {0, 50, 100}) {
      text(template, font, mark + " %", LABEL_WIDTH + BAR_WIDTH * mark / 100f - 8, y + 6);
    }
    Image chart = Image.getInstance(template);
    chart.setAlignment(Element.ALIGN_LEFT);
    return chart;
  }

  private static void text(PdfContentByte canvas, BaseFont font, String text, float x, float y) {
    canvas.beginText();
    canvas.setColorFill(Color.BLACK);
    canvas.setFontAndSize(font, 8);
    canvas.setTextMatrix(x, y);
    canvas.showText(text);
    canvas.endText();
  }

  private static PdfPTable totalsTable(List<GroupTotals> groups, String kind) {
    PdfPTable table = new PdfPTable(new float[] {4, 1, 1.3f, 1.3f, 1.6f});
    table.setWidthPercentage(100);
    header(table, kind, "Líneas", "Avance", "Cumplimiento", "Verde / amarillo / rojo");
    Font small = FontFactory.getFont(FontFactory.HELVETICA, 8);
    for (GroupTotals group : groups) {
      table.addCell(new Phrase((group.number().isEmpty() ? "" : group.number() + ". ") + group.text(), small));
      table.addCell(new Phrase(String.valueOf(group.totals().lines()), small));
      table.addCell(new Phrase(percent(group.totals().averageProgress()), small));
      table.addCell(coloured(achievement(group.totals().achievement(), group.totals().colour()),
          group.totals().colour()));
      table.addCell(new Phrase(colours(group.totals()), small));
    }
    return table;
  }

  private static PdfPTable linesTable(List<LineStatus> lines) {
    PdfPTable table = new PdfPTable(new float[] {0.7f, 3, 1.3f, 1, 1.3f, 3});
    table.setWidthPercentage(100);
    table.setSpacingBefore(6);
    header(table, "Línea", "Área responsable", "Estado", "Avance", "Cumplimiento", "Indicadores");
    Font small = FontFactory.getFont(FontFactory.HELVETICA, 8);
    for (LineStatus line : lines) {
      table.addCell(new Phrase(line.actionLineId(), small));
      table.addCell(new Phrase(line.responsibleAreaName(), small));
      table.addCell(new Phrase(line.stateLabel(), small));
      table.addCell(new Phrase(percent(line.progressPercent()), small));
      table.addCell(coloured(achievement(line.achievement(), line.colour()), line.colour()));
      table.addCell(new Phrase(line.indicators().isEmpty() ? "—" : line.indicators().stream()
          .map(indicator -> indicator.indicator() + ": " + number(indicator.value()) + " de "
              + number(indicator.target()) + (indicator.colour() == null ? "" : " (" + indicator.colour() + ")"))
          .collect(Collectors.joining("; ")), small));
    }
    return table;
  }

  private static void header(PdfPTable table, String... columns) {
    for (String column : columns) {
      PdfPCell cell = new PdfPCell(new Phrase(column, FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8)));
      cell.setHorizontalAlignment(Element.ALIGN_CENTER);
      table.addCell(cell);
    }
  }

  private static PdfPCell coloured(String text, String colour) {
    PdfPCell cell = new PdfPCell(new Phrase(text, FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8,
        colour == null ? Color.BLACK : Color.WHITE)));
    if (colour != null) {
      cell.setBackgroundColor(colour(colour));
    }
    return cell;
  }

  static Color colour(String label) {
    if (label == null) {
      return GREY;
    }
    return switch (label) {
      case "verde" -> GREEN;
      case "amarillo" -> YELLOW;
      case "rojo" -> RED;
      default -> GREY;
    };
  }

  static String achievement(Double achievement, String colour) {
    return achievement == null ? "sin medición" : number(achievement) + " % (" + colour + ")";
  }

  static String colours(StatusReport.Totals totals) {
    return totals.indicatorsByColour().getOrDefault("verde", 0) + " / "
        + totals.indicatorsByColour().getOrDefault("amarillo", 0) + " / "
        + totals.indicatorsByColour().getOrDefault("rojo", 0);
  }

  private static String percent(Double value) {
    return value == null ? "—" : number(value) + " %";
  }

  static String number(Double value) {
    return value == null ? "—" : Quantities.number(value, 2);
  }
}
