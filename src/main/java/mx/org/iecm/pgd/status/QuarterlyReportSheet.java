package mx.org.iecm.pgd.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import mx.org.iecm.pgd.status.StatusReport.GroupTotals;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The quarterly report as a spreadsheet (.xlsx): one sheet per level (lines, indicators, programs,
 * objectives, policies), numbers as numbers, each achievement's cell filled with its colour.
 */
final class QuarterlyReportSheet {

  static final List<String> SHEETS = List.of("Líneas", "Indicadores", "Programas", "Objetivos", "Políticas");

  private QuarterlyReportSheet() {
  }

  static byte[] write(QuarterlyReport.Contents contents) {
    StatusReport status = contents.status();
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Styles styles = new Styles(workbook);
      Sheet lines = workbook.createSheet(SHEETS.get(0));
      header(lines, styles, QuarterlyReport.TITLE + " · " + status.planCode() + " · " + status.year() + " · "
          + contents.quarterLabel() + " · corte al " + contents.cutOffLabel(),
          "Línea", "Programa", "Objetivo", "Política", "Área responsable", "Estado", "Avance (%)",
          "Cumplimiento (%)", "Color", "Acciones correctivas abiertas");
      int row = 2;
      for (LineStatus line : status.lines()) {
        Row cells = lines.createRow(row++);
        text(cells, 0, line.actionLineId());
        text(cells, 1, line.program());
        text(cells, 2, line.objective());
        text(cells, 3, line.policy());
        text(cells, 4, line.responsibleAreaName());
        text(cells, 5, line.stateLabel());
        number(cells, 6, line.progressPercent());
        number(cells, 7, line.achievement());
        colour(cells, 8, line.colour(), styles);
        cells.createCell(9).setCellValue(line.openCorrectiveActions());
      }

      Sheet indicators = workbook.createSheet(SHEETS.get(1));
      header(indicators, styles, "Último valor informado de cada indicador", "Línea", "Indicador", "Meta del periodo",
          "Valor", "Cumplimiento (%)", "Color");
      row = 2;
      for (LineStatus line : status.lines()) {
        for (LineStatus.IndicatorValue indicator : line.indicators()) {
          Row cells = indicators.createRow(row++);
          text(cells, 0, line.actionLineId());
          text(cells, 1, indicator.indicator());
          number(cells, 2, indicator.target());
          number(cells, 3, indicator.value());
          number(cells, 4, indicator.achievement());
          colour(cells, 5, indicator.colour(), styles);
        }
      }
      groups(workbook.createSheet(SHEETS.get(2)), styles, "Programa", status.programs());
      groups(workbook.createSheet(SHEETS.get(3)), styles, "Objetivo", status.objectives());
      groups(workbook.createSheet(SHEETS.get(4)), styles, "Política", status.policies());
      for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
        workbook.getSheetAt(i).createFreezePane(1, 2);
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the quarterly report of " + status.year(), e);
    }
  }

  private static void groups(Sheet sheet, Styles styles, String kind, List<GroupTotals> groups) {
    header(sheet, styles, "Cumplimiento por " + kind.toLowerCase(), "Número", kind, "Líneas", "Avance (%)",
        "Cumplimiento (%)", "Color", "Indicadores en verde", "Indicadores en amarillo", "Indicadores en rojo");
    int row = 2;
    for (GroupTotals group : groups) {
      Row cells = sheet.createRow(row++);
      text(cells, 0, group.number());
      text(cells, 1, group.text());
      cells.createCell(2).setCellValue(group.totals().lines());
      number(cells, 3, group.totals().averageProgress());
      number(cells, 4, group.totals().achievement());
      colour(cells, 5, group.totals().colour(), styles);
      Map<String, Integer> byColour = group.totals().indicatorsByColour();
      cells.createCell(6).setCellValue(byColour.getOrDefault("verde", 0));
      cells.createCell(7).setCellValue(byColour.getOrDefault("amarillo", 0));
      cells.createCell(8).setCellValue(byColour.getOrDefault("rojo", 0));
    }
  }

  private static void header(Sheet sheet, Styles styles, String title, String... columns) {
    sheet.createRow(0).createCell(0).setCellValue(title);
    Row header = sheet.createRow(1);
    for (int i = 0; i < columns.length; i++) {
      header.createCell(i).setCellValue(columns[i]);
      header.getCell(i).setCellStyle(styles.header);
      sheet.setColumnWidth(i, Math.max(12, columns[i].length() + 2) * 256);
    }
  }

  private static void text(Row row, int column, String value) {
    row.createCell(column).setCellValue(value == null ? "" : value);
  }

  private static void number(Row row, int column, Double value) {
    if (value != null) {
      row.createCell(column).setCellValue(value);
    } else {
      row.createCell(column);
    }
  }

  private static void colour(Row row, int column, String colour, Styles styles) {
    var cell = row.createCell(column);
    if (colour == null) {
      cell.setCellValue("sin medición");
      return;
    }
    cell.setCellValue(colour);
    cell.setCellStyle(switch (colour) {
      case "verde" -> styles.green;
      case "amarillo" -> styles.yellow;
      default -> styles.red;
    });
  }

  /** The workbook's few styles, made once (a workbook holds a limited number of them). */
  private static final class Styles {
    final CellStyle header;
    final CellStyle green;
    final CellStyle yellow;
    final CellStyle red;

    Styles(XSSFWorkbook workbook) {
      Font bold = workbook.createFont();
      bold.setBold(true);
      header = workbook.createCellStyle();
      header.setFont(bold);
      green = filled(workbook, IndexedColors.LIGHT_GREEN);
      yellow = filled(workbook, IndexedColors.LIGHT_YELLOW);
      red = filled(workbook, IndexedColors.CORAL);
    }

    private static CellStyle filled(XSSFWorkbook workbook, IndexedColors colour) {
      CellStyle style = workbook.createCellStyle();
      style.setFillForegroundColor(colour.getIndex());
      style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      return style;
    }
  }
}
