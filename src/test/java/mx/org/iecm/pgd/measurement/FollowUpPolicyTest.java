package mx.org.iecm.pgd.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FollowUpPolicyTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final FollowUpPolicy policy = new FollowUpPolicy(10, 5);

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void expectedProgressIsTheElapsedShareOfEachActivitysDaysWeightedWhenTheProgramWeighs() throws Exception {
    JsonNode equal = json("""
        {"activities":[{"name":"a","start":"2021-01-01","end":"2021-12-31"},
                       {"name":"b","start":"2021-07-01","end":"2021-12-31"}]}""");
    JsonNode weighted = json("""
        {"activities":[{"name":"a","start":"2021-01-01","end":"2021-12-31","weight":90},
                       {"name":"b","start":"2021-07-01","end":"2021-12-31","weight":10}]}""");

    // a: 181 of 365 days elapsed on 30 June (49.6 %); b has not started.
    assertThat(FollowUpPolicy.expectedPercent(equal, LocalDate.of(2021, 6, 30))).isEqualTo(24.8);
    assertThat(FollowUpPolicy.expectedPercent(weighted, LocalDate.of(2021, 6, 30))).isEqualTo(44.6);
    JsonNode report = json("[{\"activity\":\"a\",\"percent\":40},{\"activity\":\"b\",\"percent\":10}]");
    assertThat(FollowUpPolicy.weightedProgress(equal, report)).isEqualTo(25.0);
    assertThat(FollowUpPolicy.weightedProgress(weighted, report)).isEqualTo(37.0);
  }

  @Test
  void progressBehindTheScheduleBeyondTheToleranceIsADeviationWithItsFigures() throws Exception {
    JsonNode program = json("""
        {"activities":[{"name":"a","start":"2021-01-01","end":"2021-12-31"},
                       {"name":"b","start":"2021-07-01","end":"2021-12-31"}]}""");

    FollowUp onTheEdge = policy.measure(program, LocalDate.of(2021, 6, 30),
        json("[{\"activity\":\"a\",\"percent\":30},{\"activity\":\"b\",\"percent\":0}]"), null, null);
    FollowUp behind = policy.measure(program, LocalDate.of(2021, 6, 30),
        json("[{\"activity\":\"a\",\"percent\":29.4},{\"activity\":\"b\",\"percent\":0}]"), null, null);

    assertThat(onTheEdge.deviation()).isFalse();
    assertThat(behind.reasons()).containsExactly("Avance ponderado de 14.7 % frente a 24.8 % programado al 30/6/2021:"
        + " 10.1 puntos por debajo (tolerancia: 10.0).");
    assertThat(behind.budget()).isNull();
  }

  @Test
  void anIndicatorIsColouredAgainstItsPeriodsTargetRespectingItsDirection() throws Exception {
    IndicatorSheet ascending = IndicatorSheet.of(json("""
        {"name":"Cursos","frequency":"trimestral","target":40,"targets":[10,20,30,40]}"""));
    IndicatorSheet descending = IndicatorSheet.of(json("""
        {"name":"Quejas","frequency":"semestral","direction":"descendente","target":8,"targets":[10,8],
         "greenFrom":95,"yellowFrom":80}"""));
    IndicatorSheet annualOnly = IndicatorSheet.of(json("""
        {"name":"Encuesta","frequency":"trimestral","target":85}"""));

    assertThat(ascending.targetFor(6)).contains(new BigDecimal("20"));
    assertThat(ascending.achievement(new BigDecimal("19"), new BigDecimal("20"))).isEqualByComparingTo("95.0");
    assertThat(ascending.colour(new BigDecimal("95.0"))).isEqualTo(Colour.GREEN);
    assertThat(ascending.colour(ascending.achievement(new BigDecimal("15"), new BigDecimal("20"))))
        .isEqualTo(Colour.YELLOW);
    assertThat(ascending.colour(ascending.achievement(new BigDecimal("13"), new BigDecimal("20"))))
        .isEqualTo(Colour.RED);
    // Less is better: 9 complaints against a target of 10 is above target; 12 against 8 is red.
    assertThat(descending.periods()).isEqualTo(2);
    assertThat(descending.colour(descending.achievement(new BigDecimal("9"), new BigDecimal("10"))))
        .isEqualTo(Colour.GREEN);
    assertThat(descending.achievement(new BigDecimal("12"), new BigDecimal("8"))).isEqualByComparingTo("66.7");
    assertThat(descending.colour(new BigDecimal("66.7"))).isEqualTo(Colour.RED);
    assertThat(descending.colour(descending.achievement(new BigDecimal("9.5"), new BigDecimal("8"))))
        .isEqualTo(Colour.YELLOW);
    assertThat(descending.achievement(BigDecimal.ZERO, new BigDecimal("8"))).isEqualByComparingTo("200.0");
    // Without targets per period only the year's last measurement is judged, against the annual target.
    assertThat(annualOnly.targetFor(9)).isEmpty();
    assertThat(annualOnly.targetFor(12)).contains(new BigDecimal("85"));
    assertThat(annualOnly.targetShown(9)).isEqualByComparingTo("85");
  }

  @Test
  void spendingIsComparedWithWhatWasAuthorisedUpToTheReportsQuarter() throws Exception {
    JsonNode program = json("""
        {"activities":[],
         "budgetLines":[{"item":"Impresión","poaCode":"P1","q1":100,"q2":100,"q3":0,"q4":0},
                        {"item":"Talleres","poaCode":"P2","q1":0,"q2":50,"q3":50,"q4":0}]}""");

    FollowUp within = policy.measure(program, LocalDate.of(2021, 6, 30), null, null,
        json("[{\"item\":\"Impresión\",\"spent\":200},{\"item\":\"Talleres\",\"spent\":62.5}]"));
    FollowUp over = policy.measure(program, LocalDate.of(2021, 6, 30), null, null,
        json("[{\"item\":\"Impresión\",\"spent\":200},{\"item\":\"Talleres\",\"spent\":62.51}]"));

    assertThat(within.budget()).isEqualTo(new FollowUp.Spending(2, new BigDecimal("250"), new BigDecimal("262.5"),
        new BigDecimal("105.0")));
    assertThat(within.deviation()).isFalse();
    assertThat(over.reasons()).containsExactly("Presupuesto ejercido de $262.51 frente a $250.00 autorizados hasta el"
        + " trimestre 2 (105.0 %; tolerancia: 5.0 %).");
  }

  @Test
  void tolerancesOutsideTheirRangesAreRefusedNamingTheSetting() {
    assertThatThrownBy(() -> new FollowUpPolicy(-1, 5)).hasMessageContaining("deviation-tolerance")
        .hasMessageContaining("entre 0 y 100");
    assertThatThrownBy(() -> new FollowUpPolicy(10, 101)).hasMessageContaining("spending-tolerance");
  }
}
